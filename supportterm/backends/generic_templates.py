"""Provides the templates of the generic adapter's mappings: URL paths, query values and JSON bodies.

A placeholder is `{name}` or `{name:int}` (also `:str`, `:float`, `:bool`). A string that is exactly
one placeholder becomes the variable's typed value (so `"{public}"` sends `true`, not `"True"`); any
other string has its placeholders written in as text. An object entry, list item or query parameter
whose placeholder has no value (an unset patch field, a reply without a status change) is left out,
so one body template serves every combination of fields.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

PLACEHOLDER_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?::(int|str|float|bool))?\}")


class _Missing:
    """Marks a rendered value whose placeholder had no value, so its container drops it."""


MISSING = _Missing()


def placeholders(template: Any) -> set[str]:
    """Every placeholder name used anywhere in a template (strings, tables, lists)."""
    if isinstance(template, str):
        return {match.group(1) for match in PLACEHOLDER_RE.finditer(template)}
    if isinstance(template, Mapping):
        return set().union(*(placeholders(v) for v in template.values())) if template else set()
    if isinstance(template, list):
        return set().union(*(placeholders(v) for v in template)) if template else set()
    return set()


def _convert(value: Any, kind: str | None) -> Any:
    if kind is None:
        return value
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
    return _as_text(value)


def _as_text(value: Any) -> str:
    """Text of a value inside a longer string: JSON spelling for booleans and null."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return str(value)


def render(template: Any, variables: Mapping[str, Any]) -> Any:
    """The template with its placeholders filled; MISSING when a needed variable has no value."""
    if isinstance(template, str):
        return _render_text(template, variables)
    if isinstance(template, Mapping):
        out = {key: render(value, variables) for key, value in template.items()}
        return {key: value for key, value in out.items() if value is not MISSING}
    if isinstance(template, list):
        return [item for item in (render(v, variables) for v in template) if item is not MISSING]
    return template


def _render_text(template: str, variables: Mapping[str, Any]) -> Any:
    whole = PLACEHOLDER_RE.fullmatch(template)
    if whole:
        value = variables.get(whole.group(1))
        return MISSING if value is None else _convert(value, whole.group(2))
    names = [match.group(1) for match in PLACEHOLDER_RE.finditer(template)]
    if any(variables.get(name) is None for name in names):
        return MISSING
    return PLACEHOLDER_RE.sub(lambda m: _as_text(_convert(variables[m.group(1)], m.group(2))), template)


def render_path(template: str, variables: Mapping[str, Any]) -> str | None:
    """A URL path with its placeholders filled and escaped; None when one has no value."""
    escaped = {name: quote(_as_text(value), safe="")
               for name, value in variables.items() if value is not None}
    rendered = _render_text(template, escaped)
    return None if rendered is MISSING else str(rendered)


def render_query(template: Mapping[str, Any], variables: Mapping[str, Any]) -> dict[str, str]:
    """Query parameters as text; parameters whose placeholder has no value are left out."""
    out = render(dict(template), variables)
    return {key: _as_text(value) for key, value in out.items()}
