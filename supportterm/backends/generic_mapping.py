"""Provides the mapping of the generic REST adapter: loading it from TOML and checking every key.

A mapping says how one JSON helpdesk is spoken to (auth, endpoints, paging, delta sync) and how its
JSON becomes domain objects (JSON paths per field, value maps); its shape is in `generic_schema`.
docs/generic-rest.md describes every key. A bad mapping fails here, at load, with a ConfigError naming
the file, the key and a fix, never later in the middle of a sync.
"""

from __future__ import annotations

import difflib
import tomllib
from pathlib import Path
from typing import Any

from supportterm.backends.generic_schema import (
    AGENT_FIELDS,
    AUTH_SCHEMES,
    CONCURRENCY_STYLES,
    DELTA_STYLES,
    DERIVABLE,
    ENDPOINT_VARS,
    ENDPOINTS,
    FIND_STYLES,
    MESSAGE_FIELDS,
    METHODS,
    OUT_ENUMS,
    PAGING_STYLES,
    PERSON_FIELDS,
    PICKS,
    TICKET_FIELDS,
    TIME_FIELDS,
    VALUE_ENUMS,
    Auth,
    Delta,
    Endpoint,
    FieldSpec,
    Paging,
    RestMapping,
    ThreadRules,
)
from supportterm.backends.generic_templates import placeholders
from supportterm.backends.jsonpath import JsonPath, parse_path
from supportterm.errors import ConfigError

TOP_KEYS = {"name", "api", "time_format", "auth", "endpoints", "paging", "delta", "thread", "ticket",
            "message", "person", "agent", "values", "out", "concurrency", "find"}


class _Checker:
    """Reads one raw TOML table and turns every problem into a ConfigError naming file and key."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, problem: str, hint: str = "") -> ConfigError:
        return ConfigError(f"{self.source}: '{key}' {problem}.{' ' + hint if hint else ''}",
                           title="Generic mapping problem")

    def keys(self, table: dict[str, Any], known: set[str], where: str) -> None:
        for key in table:
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f"Did you mean '{close[0]}'?" if close else f"Known keys: {', '.join(sorted(known))}."
                raise self.fail(f"{where}{key}", "is not a known key", hint)

    def table(self, data: dict[str, Any], key: str, where: str = "") -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(f"{where}{key}", "must be a table", f"Write it as [{where}{key}].")
        return value

    def text(self, data: dict[str, Any], key: str, where: str, default: str | None = None) -> str | None:
        value = data.get(key, default)
        if value is not None and not isinstance(value, str):
            raise self.fail(f"{where}{key}", "must be a string", f'e.g. {key} = "{default or "..."}".')
        return value

    def choice(self, data: dict[str, Any], key: str, where: str, options: tuple[str, ...]) -> str:
        value = data.get(key, options[0])
        if value not in options:
            close = difflib.get_close_matches(str(value), options, n=1)
            hint = f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(options)}."
            raise self.fail(f"{where}{key}", f"is '{value}', which is not a known {key}", hint)
        return str(value)

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(f"{where}{key}", "must be true or false")
        return value

    def number(self, data: dict[str, Any], key: str, where: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"{where}{key}", "must be a whole number", f"e.g. {key} = {default}.")
        return value

    def path(self, data: dict[str, Any], key: str, where: str) -> JsonPath | None:
        text = self.text(data, key, where)
        return None if text is None else self.parse(text, f"{where}{key}")

    def parse(self, text: str, key: str) -> JsonPath:
        try:
            return parse_path(text)
        except ValueError as exc:
            raise self.fail(key, f"is not a JSON path: {exc}",
                            "Use dotted keys with [n] or [*], e.g. results[*].id.") from None


def load_mapping(option: object, base: Path | None = None) -> RestMapping:
    """The mapping named by a profile's `mapping` option: a TOML file path or an inline table."""
    if isinstance(option, dict):
        return parse_mapping(option, "inline mapping")
    if not isinstance(option, (str, Path)) or not str(option):
        raise ConfigError("The generic backend needs the profile option mapping = \"path/to/mapping.toml\" "
                          "(or an inline [profiles.NAME.mapping] table, or SUPPORTTERM_MAPPING without a "
                          "profile); docs/generic-rest.md explains it.",
                          title="Generic mapping problem")
    path = Path(option).expanduser()
    if not path.is_absolute() and base is not None and (base / path).exists():
        path = base / path  # beside config.toml first; else from the current folder (scripts, checkouts)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: the mapping file does not exist (option 'mapping').",
                          title="Generic mapping problem") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable TOML file ({exc}).",
                          title="Generic mapping problem") from exc
    return parse_mapping(data, str(path))


def parse_mapping(data: dict[str, Any], source: str) -> RestMapping:
    """Check a raw mapping table and build the RestMapping; ConfigError on the first problem."""
    check = _Checker(source)
    check.keys(data, TOP_KEYS, "")
    out = _out_maps(check, check.table(data, "out"))
    extra_vars = {name for table in out.values() for value in table.values()
                  if isinstance(value, dict) for name in value}
    endpoints = _endpoints(check, check.table(data, "endpoints"), extra_vars)
    thread = _thread(check, check.table(data, "thread"))
    mapping = RestMapping(
        source=source,
        name=check.text(data, "name", "", "generic") or "generic",
        api=(check.text(data, "api", "", "") or "").rstrip("/"),
        time_format=_time_format(check, data),
        auth=_auth(check, check.table(data, "auth")),
        endpoints=endpoints,
        paging=_paging(check, check.table(data, "paging")),
        delta=_delta(check, check.table(data, "delta")),
        thread=thread,
        ticket=_fields(check, check.table(data, "ticket"), TICKET_FIELDS, "ticket."),
        message=_fields(check, check.table(data, "message"), MESSAGE_FIELDS, "message."),
        person=_fields(check, check.table(data, "person"), PERSON_FIELDS, "person."),
        agent=_fields(check, check.table(data, "agent"), AGENT_FIELDS, "agent."),
        values=_value_maps(check, check.table(data, "values")),
        out=out,
        concurrency=check.choice(check.table(data, "concurrency"), "style", "concurrency.",
                                 CONCURRENCY_STYLES),
        **_find(check, check.table(data, "find")),
    )
    _check_whole(check, mapping)
    return mapping


def _time_format(check: _Checker, data: dict[str, Any]) -> str:
    value = check.text(data, "time_format", "", "iso8601") or "iso8601"
    if value not in ("iso8601", "epoch", "epoch_ms") and "%" not in value:
        raise check.fail("time_format", f"is '{value}'",
                         'Use iso8601, epoch, epoch_ms or a strftime pattern such as "%Y-%m-%d %H:%M:%S".')
    return value


def _auth(check: _Checker, raw: dict[str, Any]) -> Auth:
    check.keys(raw, {"scheme", "header", "template"}, "auth.")
    scheme = check.choice(raw, "scheme", "auth.", AUTH_SCHEMES)
    template = check.text(raw, "template", "auth.", "Bearer {token}") or ""
    if scheme == "header" and "{token}" not in template:
        raise check.fail("auth.template", "must contain {token}", 'e.g. template = "Token {token}".')
    return Auth(scheme, check.text(raw, "header", "auth.", "Authorization") or "Authorization", template)


_ENDPOINT_KEYS = {"method", "path", "query", "body", "items", "result", "ticket", "people"}


def _endpoints(check: _Checker, raw: dict[str, Any], extra_vars: set[str]) -> dict[str, Endpoint]:
    check.keys(raw, set(ENDPOINTS), "endpoints.")
    out = {}
    for name, table in raw.items():
        where = f"endpoints.{name}."
        if not isinstance(table, dict):
            raise check.fail(f"endpoints.{name}", "must be a table", f"Write it as [endpoints.{name}].")
        check.keys(table, _ENDPOINT_KEYS, where)
        path = check.text(table, "path", where)
        if not path:
            raise check.fail(f"{where}path", "is required", 'e.g. path = "/tickets/{ticket_id}".')
        query = check.table(table, "query", where)
        allowed = ENDPOINT_VARS[name] | extra_vars
        for used in sorted(placeholders([path, query, table.get("body")]) - allowed):
            close = difflib.get_close_matches(used, sorted(allowed), n=1)
            hint = f"Did you mean '{{{close[0]}}}'?" if close else f"Available: {', '.join(sorted(allowed))}."
            raise check.fail(where.rstrip("."), f"uses the unknown placeholder {{{used}}}", hint)
        default_method = "GET" if name in ("whoami", "list", "show", "thread") else "POST"
        method = str(table.get("method", default_method)).upper()
        if method not in METHODS:
            raise check.fail(f"{where}method", f"is '{method}'", f"Use one of: {', '.join(METHODS)}.")
        out[name] = Endpoint(
            name=name, method=method, path=path, query=query, body=table.get("body"),
            items=check.path(table, "items", where), result=check.path(table, "result", where),
            ticket=check.path(table, "ticket", where), people=check.path(table, "people", where),
        )
    return out


def _paging(check: _Checker, raw: dict[str, Any]) -> Paging:
    check.keys(raw, {"style", "param", "next", "more", "total", "start", "size_param", "max_size"}, "paging.")
    style = check.choice(raw, "style", "paging.", PAGING_STYLES)
    defaults = {"page": "page", "offset": "offset", "cursor": "cursor"}
    paging = Paging(
        style=style, param=check.text(raw, "param", "paging.", defaults.get(style)),
        next=check.path(raw, "next", "paging."), more=check.path(raw, "more", "paging."),
        total=check.path(raw, "total", "paging."), start=check.number(raw, "start", "paging.", 1),
        size_param=check.text(raw, "size_param", "paging."),
        max_size=max(1, check.number(raw, "max_size", "paging.", 100)),
    )
    if style in ("cursor", "next_url") and paging.next is None:
        example = "next_cursor" if style == "cursor" else "next"
        raise check.fail("paging.next", f"is required for style '{style}'",
                         f'Give the JSON path of the next {style.replace("_", " ")}, '
                         f'e.g. next = "{example}".')
    return paging


def _delta(check: _Checker, raw: dict[str, Any]) -> Delta:
    check.keys(raw, {"style", "param", "field", "etag"}, "delta.")
    style = check.choice(raw, "style", "delta.", DELTA_STYLES)
    param = check.text(raw, "param", "delta.")
    if style == "param" and not param:
        raise check.fail("delta.param", "is required for style 'param'",
                         'Name the query parameter of the timestamp, e.g. param = "updated_since".')
    field_name = check.text(raw, "field", "delta.", "updated_at") or "updated_at"
    if field_name not in TIME_FIELDS:
        raise check.fail("delta.field", f"is '{field_name}'",
                         f"Use one of: {', '.join(sorted(TIME_FIELDS))}.")
    return Delta(style, param, field_name, check.flag(raw, "etag", "delta."))


def _thread(check: _Checker, raw: dict[str, Any]) -> ThreadRules:
    check.keys(raw, {"embedded", "first_is_customer", "skip_empty", "after_param"}, "thread.")
    return ThreadRules(
        embedded=check.flag(raw, "embedded", "thread."),
        first_is_customer=check.flag(raw, "first_is_customer", "thread."),
        skip_empty=check.flag(raw, "skip_empty", "thread."),
        after_param=check.text(raw, "after_param", "thread."),
    )


def _find(check: _Checker, raw: dict[str, Any]) -> dict[str, Any]:
    check.keys(raw, {"style", "param"}, "find.")
    style = check.choice(raw, "style", "find.", FIND_STYLES)
    param = check.text(raw, "param", "find.")
    if style == "param" and not param:
        raise check.fail("find.param", "is required for style 'param'",
                         'Name the thread query parameter that filters by marker, e.g. param = "marker".')
    return {"find": style, "find_param": param}


def _fields(check: _Checker, raw: dict[str, Any], known: set[str], where: str) -> dict[str, FieldSpec]:
    check.keys(raw, known, where)
    return {name: _field_spec(check, value, f"{where}{name}") for name, value in raw.items()}


def _field_spec(check: _Checker, value: Any, key: str) -> FieldSpec:
    if isinstance(value, str):
        return FieldSpec(paths=(check.parse(value, key),))
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return FieldSpec(paths=tuple(check.parse(v, key) for v in value))
    if not isinstance(value, dict):
        raise check.fail(key, "must be a JSON path, a list of paths or a table",
                         'e.g. "ticket.subject", ["status", "on_hold"] or '
                         '{ path = "tags[*]", pick = "all" }.')
    check.keys(value, {"path", "paths", "pick", "value", "digest"}, f"{key}.")
    if "value" in value:
        return FieldSpec(const=value["value"])
    if "digest" in value:
        paths = value["digest"]
        if not isinstance(paths, list) or not paths or not all(isinstance(p, str) for p in paths):
            raise check.fail(f"{key}.digest", "must be a list of JSON paths",
                             'e.g. digest = ["status", "priority"].')
        return FieldSpec(paths=tuple(check.parse(p, f"{key}.digest") for p in paths), digest=True)
    raw_paths = value.get("paths", [value["path"]] if "path" in value else None)
    if not isinstance(raw_paths, list) or not raw_paths or not all(isinstance(p, str) for p in raw_paths):
        raise check.fail(key, "needs a path", 'e.g. { path = "followup_set[*].date", pick = "max" }.')
    pick = check.choice({"pick": value.get("pick", "first")}, "pick", f"{key}.", PICKS)
    return FieldSpec(paths=tuple(check.parse(p, key) for p in raw_paths), pick=pick)


def _value_maps(check: _Checker, raw: dict[str, Any]) -> dict[str, dict[str, str]]:
    check.keys(raw, set(VALUE_ENUMS), "values.")
    maps = {}
    for name, table in raw.items():
        table = check.table(raw, name, "values.")
        allowed = [member.value for member in VALUE_ENUMS[name]]
        for helpdesk_value, domain_value in table.items():
            if domain_value not in allowed:
                close = difflib.get_close_matches(str(domain_value), allowed, n=1)
                hint = f"Did you mean '{close[0]}'?" if close else f"Use one of: {', '.join(allowed)}."
                raise check.fail(f"values.{name}.{helpdesk_value}", f"maps to '{domain_value}'", hint)
        maps[name] = {str(k): str(v) for k, v in table.items()}
    return maps


def _out_maps(check: _Checker, raw: dict[str, Any]) -> dict[str, dict[str, Any]]:
    check.keys(raw, set(OUT_ENUMS), "out.")
    maps = {}
    for name, table in raw.items():
        table = check.table(raw, name, "out.")
        check.keys(table, {member.value for member in OUT_ENUMS[name]}, f"out.{name}.")
        maps[name] = dict(table)
    return maps


def _check_whole(check: _Checker, mapping: RestMapping) -> None:
    """Rules that tie sections together."""
    needed = ["list", "show", "reply", "update"] + ([] if mapping.thread.embedded else ["thread"])
    for name in needed:
        if name not in mapping.endpoints:
            raise check.fail(f"endpoints.{name}", "is missing",
                             f"Add an [endpoints.{name}] table with its path.")
    for name in ("list", "thread"):
        if mapping.endpoints.get(name) and mapping.endpoints[name].items is None:
            raise check.fail(f"endpoints.{name}.items", "is required",
                             'Give the JSON path of the list in the answer, e.g. items = "results".')
    if mapping.thread.embedded and (mapping.endpoints.get("thread") is None):
        raise check.fail("endpoints.thread.items", "is required with thread.embedded",
                         'Give the path of the messages inside a ticket, e.g. [endpoints.thread] '
                         'path = "/tickets/{ticket_id}/" and items = "followup_set".')
    derived = DERIVABLE if mapping.thread.embedded else set()
    for name in ("id", "subject", "status", "requester_id", "created_at", "updated_at"):
        if name not in mapping.ticket and name not in derived:
            raise check.fail(f"ticket.{name}", "is required", f'Give its JSON path, e.g. {name} = "{name}".')
    for name in ("id", "body", "created_at"):
        if name not in mapping.message:
            raise check.fail(f"message.{name}", "is required", f'Give its JSON path, e.g. {name} = "{name}".')
    if mapping.delta.style == "cursor" and mapping.paging.style != "cursor":
        raise check.fail("delta.style", "is 'cursor', which needs paging.style = \"cursor\"",
                         "The server's cursor of the last page is where the next sync resumes.")
    if mapping.concurrency != "none" and "version" not in mapping.ticket:
        raise check.fail("concurrency.style", f"is '{mapping.concurrency}' but ticket.version is not mapped",
                         'Map it, e.g. version = "version" or version = { digest = ["status", "priority"] }.')
    if mapping.auth.scheme == "basic" and "{user}" in mapping.auth.template:
        raise check.fail("auth.template", "is not used with scheme 'basic'", "Remove it.")
