"""Tests that compiling lexicon regexes on first use changes no result and hides no broken entry.

The checker compiles an entry, a key's screen and groups, and a category's alternations only when a text
needs them (docs/politeness.md, Latency). These tests compare that with compiling everything first, on
every labelled reply, and pin how a broken entry is reported: named, never skipped.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from supportterm.politeness import cli, lexicon_scan, lexicons, validation
from supportterm.politeness.findings import MESSAGES
from supportterm.politeness.folding import fold
from supportterm.politeness.greeting import break_after_greeting
from supportterm.politeness.lexicon_scan import Index
from supportterm.politeness.lexicons import MAIN_PASS, LexiconError, compile_category
from supportterm.politeness.masking import mask

SETS = Path(__file__).parent


def _folded_replies(lang: str) -> list[str]:
    """Every labelled reply of `lang`, masked and folded as `Prepared` hands it to the lexicon pass."""
    texts = [
        str(json.loads(line)["text"])
        for path in sorted(SETS.glob(f"**/{lang}.jsonl"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    return [break_after_greeting(fold(mask(text), lang)) for text in texts]


def _index(categories: dict[str, lexicons.Category], lang: str) -> Index:
    return Index.build({n: c for n, c in categories.items() if n in MAIN_PASS}, lang)


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_compiling_on_demand_finds_what_compiling_everything_first_finds(lang: str) -> None:
    eager, lazy = _index(lexicons.BY_LANG[lang], lang), _index(lexicons.load(lang, MESSAGES), lang)
    eager.compile_all()
    replies = _folded_replies(lang)
    assert len(replies) > 300
    for folded in replies:
        assert lazy.scan(folded) == eager.scan(folded), folded
    keys = len(lazy.exact) + len(lazy.prefixes)
    assert len(eager.bundles) == keys
    assert len(lazy.bundles) < keys  # the labelled replies never needed some keys: they stayed uncompiled


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_the_screens_never_hide_a_match_their_groups_find(lang: str) -> None:
    """A key's screen (its entries' alternation, opened and merged by first word) only skips places
    where no group matches: scanning with every screen removed finds exactly the same hits."""
    screened, unscreened = _index(lexicons.BY_LANG[lang], lang), _index(lexicons.load(lang, MESSAGES), lang)
    screened.compile_all()
    unscreened.compile_all()
    assert sum(bundle.screen is not None for bundle in screened.bundles.values()) > 50
    for bundle in unscreened.bundles.values():
        bundle.screen = None
    for folded in _folded_replies(lang):
        assert screened.scan(folded) == unscreened.scan(folded), folded


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_whole_line_categories_agree_compiled_on_demand_and_first(lang: str) -> None:
    eager, lazy = lexicons.BY_LANG[lang], lexicons.load(lang, MESSAGES)
    assert all(not cat.validate() for cat in eager.values())  # every entry compiled before the texts
    for folded in _folded_replies(lang)[::3]:
        lines = [line.strip() for line in folded.splitlines() if line.strip()]
        for name in ("greeting", "closing", "impersonal_signature"):
            assert lazy[name].finditer(folded) == eager[name].finditer(folded)
            for line in lines:
                assert lazy[name].starts(line) == eager[name].starts(line)
                assert lazy[name].fullmatch(line) == eager[name].fullmatch(line)


def test_loading_a_lexicon_compiles_no_entry() -> None:
    categories = lexicons.load("en", MESSAGES)
    assert all(not cat.compiled and not cat.regexes for cat in categories.values())
    index = Index.build({n: c for n, c in categories.items() if n in MAIN_PASS}, "en")
    assert not index.bundles
    hits = index.scan(fold("That's not our problem, google it.", "en"))
    assert hits["dismissive"]
    assert 0 < sum(len(cat.compiled) for cat in categories.values()) < 20


def _broken() -> lexicons.Category:
    return compile_category({"entries": ["hello there", "re:you (?:broke"]}, "en", "rude words", "rude")


def test_a_broken_entry_is_named_when_a_text_needs_it() -> None:
    cat = _broken()  # loading indexes it without compiling
    assert cat.finditer("hello there") and cat.finditer("nothing to see") == []
    with pytest.raises(LexiconError, match=r"en\.toml \[rude\] entry 2 're:you \(\?:broke'"):
        cat.finditer("you broke it")


def test_a_broken_entry_fails_the_index_that_needs_it() -> None:
    index = Index.build({"rude": _broken()}, "en")
    assert index.scan("hello there")["rude"]
    with pytest.raises(LexiconError, match=r"entry 2"):
        index.scan("you broke it")


def test_validate_lists_every_broken_entry() -> None:
    [error] = validation.validate({"en": {"rude": _broken()}})
    assert "en.toml [rude] entry 2 're:you (?:broke'" in str(error)


def test_validate_passes_on_the_shipped_lexicons() -> None:
    assert validation.validate() == []


def test_check_validate_exits_2_naming_a_broken_entry(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(lexicons, "BY_LANG", {"en": {"rude": _broken()}})
    assert cli.main(["check", "--validate"]) == 2
    assert "lexicon error: en.toml [rude] entry 2 're:you (?:broke'" in capsys.readouterr().err


def test_check_validate_exits_0_when_all_compile(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    fine = compile_category({"entries": ["idiot*"]}, "en", "m")
    monkeypatch.setattr(lexicons, "BY_LANG", {"en": {"rude": fine}})
    assert cli.main(["check", "--validate"]) == 0
    assert capsys.readouterr().out == "lexicons: all 1 entries compile\n"


def test_check_names_a_broken_entry_its_text_needs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(lexicon_scan._INDEXES, "en", Index.build({"rude": _broken()}, "en"))
    monkeypatch.setattr("sys.stdin", io.StringIO("Hello, you broke it."))
    assert cli.main(["check", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "lexicon error: en.toml [rude] entry 2 're:you (?:broke'" in err and "--validate" in err
