"""Tests that the session-10 shortcuts in the secret, mask and figure scans change no result.

Each shortcut is compared with the plain form it replaces: on edge cases (Unicode digits, the Kelvin
sign, Turkish/Azerbaijani İ and ı, matches at the very start and end, several marks), on random
texts over the characters that matter, and on every labelled reply.
"""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import confidential, figures, masking, secrets

from .labelled import random_texts, texts

_ORIGINAL_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}(?![\w])"
)
_ORIGINAL_TOKENS = re.compile(
    "|".join(
        (
            r"\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{10,}",
            r"\bgh[pousr]_[0-9A-Za-z]{20,}",
            r"\bgithub_pat_[0-9A-Za-z_]{20,}",
            r"\bglpat-[0-9A-Za-z_-]{20,}",
            r"\bxox[abprs]-[0-9A-Za-z-]{10,}",
            r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b",
            r"\bAIza[0-9A-Za-z_-]{35}",
            r"\bsk-(?:ant-|proj-)?[0-9A-Za-z_-]{20,}",
            r"\beyJ[0-9A-Za-z_-]{8,}\.eyJ[0-9A-Za-z_-]{8,}\.[0-9A-Za-z_-]{8,}",
            r"\b(?:SG|sq0atp|sq0csp)\.[0-9A-Za-z_-]{20,}",
            r"\bnpm_[0-9A-Za-z]{30,}",
        )
    )
)
_ORIGINAL_FIGURE = re.compile(r"\d" + figures._FIGURE.pattern.removeprefix(figures.DIGIT_FIRST))


def _spans(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> list[tuple]:
    found = pattern.finditer(text, start, len(text) if end is None else end)
    return [(m.span(), m.groups()) for m in found]


def _email_spans(text: str) -> list[tuple]:
    return _spans(secrets._EMAIL, text, *masking.stretch_around(text, "@"))


def _url_credential_spans(text: str) -> list[tuple]:
    return _spans(secrets._URL_CREDENTIALS, text, *masking.stretch_around(text, "://"))


def _local_url_spans(text: str) -> list[tuple]:
    return _spans(secrets._LOCAL_URL, text, *masking.stretch_around(text, ":"))


def _long_value_spans(text: str) -> list[tuple]:
    words = text.split()
    if max(map(len, words), default=0) < secrets._LONG_VALUE_MIN:
        return []
    return _spans(secrets._LONG_VALUE, text, *secrets._long_words(text, words))


def _constants_masked(text: str) -> str:
    """The constant mask as `masking._apply` runs it: on the stretch around the underscores."""
    start, end = masking.stretch_around(text, "_")
    return text[:start] + masking._CONSTANT.sub(masking._blank, text[start:end]) + text[end:]


def _check_all(text: str) -> None:
    """Every shortcut against its plain form on `text`."""
    assert _constants_masked(text) == masking._CONSTANT.sub(masking._blank, text), text
    assert _spans(secrets._PHONE, text) == _spans(_ORIGINAL_PHONE, text), text
    assert _spans(secrets._TOKENS, text) == _spans(_ORIGINAL_TOKENS, text), text
    assert bool(secrets._TOKENS.fullmatch(text)) == bool(_ORIGINAL_TOKENS.fullmatch(text)), text
    assert _spans(figures._FIGURE, text) == _spans(_ORIGINAL_FIGURE, text), text
    assert _email_spans(text) == _spans(secrets._EMAIL, text), text
    assert _url_credential_spans(text) == _spans(secrets._URL_CREDENTIALS, text), text
    assert _local_url_spans(text) == _spans(secrets._LOCAL_URL, text), text
    assert _long_value_spans(text) == _spans(secrets._LONG_VALUE, text), text
    low = text.lower()
    assert bool(secrets._TOKEN_HINT.search(text)) == any(map(text.__contains__, secrets._TOKEN_HINTS)), text
    for at in range(0, len(text) + 1, 7):  # a key word in the lower case of the text before a value
        if secrets._KEY_WORD.search(text[max(0, at - 40) : at].lower()):
            assert any(map(low.__contains__, secrets._KEY_HINTS)), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "+7 (912) 604-33-81",
        "(495) 123-45-67 or +994 12 555 66 77",
        "a+12 345 678, _12 34, x(12) 34 56",
        "call ٠١٢ ٣٤٥ ٦٧٨ or ０１２ ３４５ ６７８",
        "²³¹ ²³¹ ²³¹",
        "mail anna@example.com and\nBOB.SMITH@EXAMPLE.CO.UK.",
        "@ alone, a@b, x@y.z, İvan@ornek.az, ıvan@ornek.az, \u212aate@kelvin.io",
        "anna@example.com",
        "postgres://admin:s3cret@db.internal:5432/app and redis://user:pa55word@cache",
        "ftp://a:b@c  HTTPS://U:PASSWORD@HOST",
        "http://localhost:8080/x and LOCALHOST:3000 and 127.0.0.1:5000 and [::1]:80",
        "time 10:30, note: see http://localhost:99",
        "key sk_live_4eC39HqLyjWDarjtT1zdp7dc and ghp_" + "a1" * 12,
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
        "token:\tAbCdEfGh1234567890XyZ== and /path/to/AbCdEfGh1234567890XyZ",
        "\u212aey: AKIAIOSFODNN7EXAMPLE, pa\u212ass, PSK, Pre-Shared key, ŞİFRƏ, Şifrə, ПАРОЛЬ, Kennwort",
        "İnternal: srv.İNTERNAL, db.corp, x.LAN, y.Intra.example.com, 192.168.0.1, 172.16.0.5, 10.0.0.1",
        "15,000 customers, 2.3x, 40k, 1 240 visitors, 27%, ٣٠٠ users, 1900 orders, 2100 cases, 500 errors",
        "Set YOUR_API_TOKEN and ERR_TIMEOUT, not aERR_X or _X_; MAX_RETRIES_3\nA_B",
        "API_KEY=Ab12Cd34Ef56Gh78Ij90, Access-\u212aey, SECRET, Token, BEARER, Auth, КЛЮЧ, Токен, AÇAR, açar",
    ],
)
def test_shortcuts_match_the_plain_patterns_on_edge_cases(text: str) -> None:
    _check_all(text)


def test_shortcuts_match_the_plain_patterns_on_random_texts() -> None:
    alphabet = (
        "0123456789 +().-\n\t_:/@=aAbBeEkKlLpPsStTxXİıIi\u212a٣０²éRTUY"
        "ПпАаРрОоЛлŞşfFwWdDrRcCnN[]yYçÇкКюЮтТеЕнНhHuU"
    )
    for text in random_texts(alphabet, 40_000, seed=10, longest=30):
        _check_all(text)


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_shortcuts_match_the_plain_patterns_on_every_labelled_reply(lang: str) -> None:
    for text in texts(lang):
        _check_all(text)


def test_token_pattern_matches_the_plain_one_on_random_tokens() -> None:
    pieces = ["sk_live_", "sk_test_", "rk_", "pk_live_", "ghp_", "github_pat_", "glpat-", "xoxb-", "AKIA", "ASIA",
              "AIza", "sk-", "sk-ant-", "eyJ", ".eyJ", "SG.", "sq0atp.", "sq0csp.", "npm_", "a", "B", "1", "_", "-",
              ".", " ", "\n", "é", "aB3xY9", "ZZZZZZZZ"]
    rng = random.Random(4)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _spans(secrets._TOKENS, text) == _spans(_ORIGINAL_TOKENS, text), text
        assert bool(secrets._TOKENS.fullmatch(text)) == bool(_ORIGINAL_TOKENS.fullmatch(text)), text
