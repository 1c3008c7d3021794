"""Tests that the session-11 shortcuts in the secret detectors change no result.

Each shortcut is compared with the plain form it replaces: on edge cases (Turkish/Azerbaijani İ and
ı, the Kelvin sign, hints at the very start and end, hints overlapping one another), on random texts
over the characters that matter, and on every labelled reply.
"""

from __future__ import annotations


import pytest

from supportterm.politeness import secrets

from .labelled import random_texts, texts

_EDGE_CASES = [
    "",
    "key",
    "sk_",
    "AKIA",
    "ASIA",
    "ASIAXYZ0123456789ABCD",
    "akia",
    "Asia",
    "x.localhost:8080",
    "10.local",
    "192.168.0.1 and 172.16.0.1",
    "127.0.0.1:3000 and [::1]:80 and 0.0.0.0:5000",
    "passkey tokensecret",
    "mot de passe: Winter2024!",
    "pre-shared key psk",
    "ПАРОЛЬ: Зима2024 КЛЮЧ ТОКЕН",
    "Şifrə: Bahar2025! açar",
    "db.İnternal and db.ıntranet and db.INTERNAL",
    "Kelvin \u212aEY and \u212aennwort",
    "İİİ key",
    "build.corp.example.com, app.lan, box.intra.",
    "eyJ and SG. and sq0 and npm_ and glpat- and github_pat_ and xoxb-",
    "host.internal.host.local..corp",
]
_ALPHABET = "keyscrtonbauhpwdlfimq .-_:[]10279687ıİ\u212aşçКлючТОКЕНпарол"


def _exactly_hinted(text: str) -> set[str]:
    """The hint groups found by the plain tests `_hinted_groups` stands in for."""
    low = text.lower()
    found = {group for group, hints in secrets._HINT_GROUPS.items() if any(map(low.__contains__, hints))}
    found.discard("token")
    return found


_CASES = _EDGE_CASES + random_texts(_ALPHABET, 6000, 12, 60) + texts()


@pytest.mark.parametrize("chunk", [slice(i, i + 2000) for i in range(0, len(_CASES), 2000)])
def test_hinted_groups_hold_every_group_with_a_hint(chunk: slice) -> None:
    for text in _CASES[chunk]:
        hinted = secrets._hinted_groups(text.lower())
        assert _exactly_hinted(text) <= hinted, text
        if secrets._TOKEN_HINT.search(text):  # as _keys asks: the token group, or "ASIA" in the text
            assert "token" in hinted or secrets._ASIA in text, text


def test_hinted_groups_are_empty_without_hints() -> None:
    assert secrets._hinted_groups("thanks for waiting, the report is ready.") == frozenset()


def test_every_hint_character_has_a_rarity() -> None:
    for hints in secrets._HINT_GROUPS.values():
        for hint in hints:
            assert set(hint) <= set(secrets._LOWER_RARE_FIRST), hint


def _host_spans(text: str) -> list[tuple[int, int]]:
    start, end = secrets._host_stretch(text, secrets._HOST, "")
    return [m.span() for m in secrets._HOST.finditer(text, start, end)]


def test_host_stretch_finds_every_host() -> None:
    hosts = _EDGE_CASES + random_texts(_ALPHABET, 6000, 13, 60) + texts()
    hosts += ["a.b.internal", "x a.b.internal", "a.b.internal\ny.local z", "\tdb.İNTERNAL\t"]
    hosts += ["v.intranet.co x", "q.corp.lan.", "w.corp-x.internal"]
    for text in hosts:
        assert _host_spans(text) == [m.span() for m in secrets._HOST.finditer(text)], text


def test_keys_passwords_and_hosts_default_to_every_group() -> None:
    text = "token sk_live_0123456789abcdefXYZ password: Winter2024! at db.internal and 10.1.2.3"
    low = text.lower()
    hinted = secrets._hinted_groups(low)
    assert secrets._keys(text, low) == secrets._keys(text, low, hinted) != []
    assert secrets._passwords(text, low) == secrets._passwords(text, low, hinted) != []
    assert secrets._hosts(text, low) == secrets._hosts(text, low, hinted) != []


def test_url_credentials_need_an_at_sign() -> None:
    urls = ["postgres://user:secret@db", "redis://:pw@h", "https://x.io/a:b", "ftp://u:p@", "x://@:@"]
    for text in urls + random_texts(_ALPHABET, 6000, 14, 60) + texts():
        if "@" not in text:
            assert secrets._URL_CREDENTIALS.search(text) is None, text
    assert secrets._pairs("postgres://admin:Winter2024@db.example.com") != []


def test_asia_key_found_without_other_hints() -> None:
    found = secrets.secret_rules("use ASIAABCDEFGHIJKLMNOP now")
    assert [(f.start, f.end) for f in found] == [(4, 24)]
