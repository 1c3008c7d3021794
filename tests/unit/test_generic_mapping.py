"""Unit tests of generic mappings: the shipped ones load, and every kind of mistake fails at load
with a ConfigError that names the file, the key and a fix."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from supportterm.backends.base import Capability
from supportterm.backends.generic import GenericRestBackend, capabilities_of
from supportterm.backends.generic_mapping import load_mapping, parse_mapping
from supportterm.backends.http import make_client
from supportterm.errors import ConfigError

MAPPINGS = Path(__file__).resolve().parents[2] / "docs" / "mappings"
DH = MAPPINGS / "django-helpdesk.toml"


def _dh() -> dict[str, Any]:
    return tomllib.loads(DH.read_text(encoding="utf-8"))


def _problem(data: dict[str, Any]) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_mapping(data, "helpdesk.toml")
    message = str(caught.value)
    assert message.startswith("helpdesk.toml: ")
    return message


@pytest.mark.parametrize("name", ["django-helpdesk.toml", "demo.toml"])
def test_the_shipped_mappings_load(name: str) -> None:
    mapping = load_mapping(str(MAPPINGS / name))
    assert mapping.source.endswith(name)
    assert {"list", "show", "reply", "note", "update"} <= set(mapping.endpoints)


def test_capabilities_follow_the_mapping() -> None:
    dh = capabilities_of(load_mapping(str(DH)))
    demo = capabilities_of(load_mapping(str(MAPPINGS / "demo.toml")))
    assert dh & Capability.CONCURRENCY_TOKEN and not dh & Capability.DELTA_SYNC and not dh & Capability.ETAG
    assert demo & (Capability.DELTA_SYNC | Capability.ETAG | Capability.FIND_BY_MARKER) == (
        Capability.DELTA_SYNC | Capability.ETAG | Capability.FIND_BY_MARKER)


def test_an_unknown_top_key_is_named_with_a_suggestion() -> None:
    data = _dh() | {"endpionts": {}}
    assert "'endpionts' is not a known key. Did you mean 'endpoints'?" in _problem(data)


def test_an_unknown_endpoint_key_is_named_with_its_table() -> None:
    data = _dh()
    data["endpoints"]["list"]["itmes"] = "results"
    assert "'endpoints.list.itmes' is not a known key. Did you mean 'items'?" in _problem(data)


def test_a_misspelt_paging_style_gets_the_close_one() -> None:
    data = _dh()
    data["paging"]["style"] = "next-url"
    assert "'paging.style' is 'next-url'" in (message := _problem(data))
    assert "Did you mean 'next_url'?" in message


def test_a_broken_json_path_says_where() -> None:
    data = _dh()
    data["ticket"]["subject"] = "title..text"
    message = _problem(data)
    assert "'ticket.subject' is not a JSON path" in message and "position 7" in message


def test_an_unknown_placeholder_in_a_body_is_refused() -> None:
    data = _dh()
    data["endpoints"]["reply"]["body"]["comment"] = "{bdy}"
    assert "endpoints.reply' uses the unknown placeholder {bdy}. Did you mean '{body}'?" in _problem(data)


def test_placeholders_defined_by_out_tables_are_allowed() -> None:
    mapping = parse_mapping(_dh(), "helpdesk.toml")  # {on_hold} comes from [out.status]
    assert mapping.endpoints["update"].body["on_hold"] == "{on_hold}"
    data = _dh()
    del data["out"]["status"]
    assert "unknown placeholder {on_hold}" in _problem(data)


def test_a_value_map_into_an_unknown_domain_value_is_refused() -> None:
    data = _dh()
    data["values"]["status"]["3"] = "resolved"
    assert "'values.status.3' maps to 'resolved'. Did you mean 'solved'?" in _problem(data)


def test_an_out_table_for_an_unknown_domain_value_is_refused() -> None:
    data = _dh()
    data["out"]["priority"]["critical"] = 1
    assert "'out.priority.critical' is not a known key" in _problem(data)


@pytest.mark.parametrize("endpoint", ["list", "show", "reply", "update"])
def test_a_missing_required_endpoint_is_named(endpoint: str) -> None:
    data = _dh()
    del data["endpoints"][endpoint]
    assert f"'endpoints.{endpoint}' is missing. Add an [endpoints.{endpoint}] table" in _problem(data)


def test_a_missing_required_ticket_field_is_named() -> None:
    data = _dh()
    del data["ticket"]["subject"]
    assert "'ticket.subject' is required" in _problem(data)


def test_created_at_is_required_unless_the_thread_is_embedded() -> None:
    data = _dh()
    data["thread"]["embedded"] = False
    assert "'ticket.created_at' is required" in _problem(data)


def test_cursor_delta_needs_cursor_paging() -> None:
    data = _dh()
    data["delta"]["style"] = "cursor"
    assert "'delta.style' is 'cursor', which needs paging.style = \"cursor\"" in _problem(data)


def test_param_delta_needs_its_parameter() -> None:
    data = _dh()
    data["delta"] = {"style": "param"}
    assert "'delta.param' is required for style 'param'" in _problem(data)


def test_a_concurrency_check_needs_a_version() -> None:
    data = _dh()
    del data["ticket"]["version"]
    assert "ticket.version is not mapped" in _problem(data)


def test_a_header_template_without_the_token_is_refused() -> None:
    data = _dh()
    data["auth"]["template"] = "Token"
    assert "'auth.template' must contain {token}" in _problem(data)


def test_a_wrong_type_is_named() -> None:
    data = _dh()
    data["thread"]["embedded"] = "yes"
    assert "'thread.embedded' must be true or false" in _problem(data)


def test_a_bad_time_format_is_refused() -> None:
    data = _dh() | {"time_format": "rfc2822"}
    assert "'time_format' is 'rfc2822'" in _problem(data)


def test_a_missing_mapping_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nowhere\.toml: the mapping file does not exist"):
        load_mapping(str(tmp_path / "nowhere.toml"))


def test_a_file_that_is_not_toml_names_the_path(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[auth\nscheme = 'bearer'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"broken\.toml: not a readable TOML file"):
        load_mapping(str(path))


def test_errors_in_a_file_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    text = DH.read_text(encoding="utf-8")
    assert text.count('style = "next_url"') == 1
    path.write_text(text.replace('style = "next_url"', 'style = "pages"'), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_mapping(str(path))
    assert str(caught.value).startswith(f"{path}: 'paging.style' is 'pages'")
    assert "Did you mean 'page'?" in str(caught.value)


def test_a_relative_path_is_found_beside_config_toml(isolated_home: Path) -> None:
    (isolated_home / "config").mkdir(exist_ok=True)
    (isolated_home / "config" / "dh.toml").write_text(DH.read_text(encoding="utf-8"), encoding="utf-8")
    backend = GenericRestBackend({"mapping": "dh.toml"}, client=make_client("http://127.0.0.1:9"), token="t")
    assert backend.mapping.source == str(isolated_home / "config" / "dh.toml")


def test_an_inline_table_works_and_the_adapter_refuses_a_missing_option(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SUPPORTTERM_MAPPING", raising=False)
    client = make_client("http://127.0.0.1:9")
    backend = GenericRestBackend({"mapping": copy.deepcopy(_dh())}, client=client, token="abc")
    assert backend.mapping.source == "inline mapping"
    assert client.headers["Authorization"] == "Token abc"
    with pytest.raises(ConfigError, match="needs the profile option mapping"):
        GenericRestBackend({}, client=client, token="abc")


def test_basic_auth_needs_a_user() -> None:
    data = _dh()
    data["auth"] = {"scheme": "basic"}
    client = make_client("http://127.0.0.1:9")
    with pytest.raises(ConfigError, match="needs the profile's user"):
        GenericRestBackend({"mapping": data}, client=client, token="pw")
    GenericRestBackend({"mapping": data, "user": "agent"}, client=client, token="pw")
    assert client.auth is not None


def test_without_a_profile_the_mapping_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTTERM_MAPPING", str(DH))
    backend = GenericRestBackend({}, client=make_client("http://127.0.0.1:9"), token="abc")
    assert backend.mapping.source == str(DH)
