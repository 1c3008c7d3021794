"""Tests that lexicon entries can be found through the word index (docs/politeness.md, lexicon editing).

An entry without a literal first word is tried at every position of every reply; fourteen such entries
once made a cold check about 40 % slower. Only the Azerbaijani suffix patterns (-malı idiniz, -saydınız,
-malısınız, -mədiyiniz üçün), which have no first word by nature, may be scanned.
"""

from __future__ import annotations

import pytest

from supportterm.politeness import lexicons

SCANNED_ON_PURPOSE = {
    "re:[m](?<!olmam)(?<!qalmam)[aə]l[ıi] idiniz(?!\\w)",
    "re:[m](?<!olmam)(?<!qalmam)[aə]l[ıi]yd[ıi]n[ıi]z(?!\\w)",
    "re:[s](?<=\\w[s])[aə]yd[ıi]n[ıi]z(?!\\w)",
    "re:m[aə]l[ıi]s[ıi]n[ıi]z(?!\\w)",
    "re:[m](?<=\\w[m])(?<!bilm)(?<!qalm)[aəe]d[ıi][ğgy][ıi]n[ıi]z[aəe]?\\s+(?:üçün|görə)(?!\\w)"
    "(?![^.!?\\n]{0,40}(?:üzr|təəssüf|narahat|başa\\s+düşürəm))",
}


@pytest.mark.parametrize("lang", ["en", "ru", "az", "de", "fr"])
def test_main_pass_entries_start_with_an_indexed_word(lang: str) -> None:
    scanned = [
        cat.entries[i].source
        for name, cat in lexicons.BY_LANG[lang].items()
        if name in lexicons.MAIN_PASS
        for i in cat.scan_ids
    ]
    assert set(scanned) <= SCANNED_ON_PURPOSE, scanned


@pytest.mark.parametrize("lang", ["en", "ru", "az", "de", "fr"])
def test_no_raw_entry_is_indexed_under_a_fragment(lang: str) -> None:
    """A raw entry whose opening letters run into a look-behind ('m(?<!olmam)…') is indexed under that
    fragment as a whole word, which no text holds: the entry would silently never match (session 13)."""
    for cat in lexicons.BY_LANG[lang].values():
        for entry in cat.entries:
            regex = entry.source.removeprefix("re:")
            if regex == entry.source:
                continue
            while (m := lexicons._LEADING_LOOKBEHIND.match(regex)) is not None:
                regex = regex[m.end() :]
            m = lexicons._LITERAL_ALTS.match(regex)
            assert m is None or not regex[m.end() :].startswith("(?<"), entry.source
