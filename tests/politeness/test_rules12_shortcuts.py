"""Tests that the speed shortcuts of session 11 in the per-chunk rules (sentence bounds of the figure rules,
shouting, address verbs) change no result: each is compared with what it replaced, on edge cases
(abbreviated units before a full stop, a full stop before a newline, text edges, non-ASCII spaces and
digits, Turkish/Azerbaijani İ ı, the Kelvin sign), on random texts built from the rules' own pieces,
and on every labelled reply."""

from __future__ import annotations

import random
import re

import pytest

from supportterm.politeness import address, confidential, figures, literals, tone_rules
from supportterm.politeness.folding import fold

from . import originals
from .labelled import random_texts, texts

_BREAK_PIECES = [
    "a", "b ", " ", "\n", "\n\n", ".", "!", "?", ". ", ".\n", "?\n", "!\n", "тыс.", "млн.", "млрд. ", "руб.\n",
    "mln.", "x тыс", "\t", "\u00a0", "\u2028", "\u0085", "5.5", "..", "!!\n", "İ", "ı", "\u212a", "٣",
]


def _original_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """`sentence_bounds` as it was: every sentence end of the text listed, then bisected."""
    return originals.sentence_bounds(text, start, end)


@pytest.mark.parametrize(
    "text",
    ["", ".", "\n", ".\n", "a.\nb", "640 тыс. рублей. Next!\nDone", "x.\n\n.y", "a?\n!\n.", "end.", "a. b", "тыс.\n"],
)
def test_sentence_bounds_agree_at_every_span_of_edge_cases(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert confidential.sentence_bounds(text, start, end) == _original_bounds(text, start, end)


def test_sentence_bounds_agree_on_random_texts() -> None:
    for text in random_texts(_BREAK_PIECES, 4000, 11, 15):
        for start in range(len(text) + 1):
            for end in range(start, min(len(text), start + 5) + 1):
                assert confidential.sentence_bounds(text, start, end) == _original_bounds(text, start, end), text


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_sentence_bounds_agree_on_every_labelled_reply(lang: str) -> None:
    for text in texts(lang):
        for start in range(0, len(text) + 1, 3):  # every third offset: a few million comparisons in all
            assert confidential.sentence_bounds(text, start, start + 2) == _original_bounds(text, start, start + 2)


def _original_shouted(tokens: list[str]) -> bool:
    """`tone_rules._shouted` as it was: each word list built word by word in Python."""
    acronyms = tone_rules.ACRONYMS
    words = [t for t in tokens if t.isalpha()]
    if all(w in acronyms or not w.isupper() for w in words):
        return False
    quarter = 4 * sum(w.isupper() for w in words) >= len(words)  # session 13: a code phrase is no shout

    def loud(token: str) -> bool:
        return token.isalpha() and len(token) >= 3 and token.isupper() and token not in acronyms

    # session 14: side by side among all tokens (a code parts them), and in a sentence of more than four
    # words one of the two longer than three letters
    pairs = zip(tokens, tokens[1:], strict=False)
    if quarter and any(
        loud(a) and loud(b) and (len(words) <= 4 or len(a) > 3 or len(b) > 3) for a, b in pairs
    ):
        return True
    letters = [w for w in words if w not in acronyms]
    upper = sum(len(w) for w in letters if w.isupper())
    return len(letters) >= 4 and upper >= 0.6 * sum(len(w) for w in letters)


_TOKENS = [
    "API", "VPN", "OK", "I", "A", "STOP", "NOW", "Now", "now", "ab", "ÉÉÉ", "ǅ", "ǅǅǅ", "İİİ", "ııı", "ABC1", "2FA",
    "中文", "ABC中", "ß", "SS", "ﬀ", "\u212a\u212a\u212a", "ПРЕКРАТИТЕ", "ЭТО", "НЕ", "МЫ", "SIZ", "ŞİKAYƏT",
]


def test_shouted_agrees_with_the_original_on_random_word_lists() -> None:
    rng = random.Random(12)
    shouted = 0
    for _ in range(100_000):
        tokens = [rng.choice(_TOKENS) for _ in range(rng.randint(0, 9))]
        expected = _original_shouted(tokens)
        assert tone_rules._shouted(tokens) == expected, tokens
        shouted += expected
    assert 1_000 < shouted < 99_000  # both answers are compared many times


@pytest.mark.parametrize("lang", ["en", "ru", "az"])
def test_shouted_agrees_with_the_original_on_every_labelled_sentence(lang: str) -> None:
    for text in texts(lang):
        for sentence in re.split(r"[.!?\n]+", text):
            for tokens in (tone_rules._WORD.findall(sentence), tone_rules._WORD.findall(sentence.upper())):
                assert tone_rules._shouted(tokens) == _original_shouted(tokens), sentence


_RU_PIECES = [
    "делай", "попробуй", "надейся", "садись", "разобравшись", "оканчивающейся", "чай", "й", "йся", "сь", "ись",
    "вшись", "пись", "лись", "тись", "ай", "уй", "ей", "ой", "ий", "ия", "а", "и", "вы", " ", "-", "_", "2", "½",
    ",", ".", "\n", "İ", "ı", "\u212a", "x", "ё",
]


def _imperative_texts() -> list[str]:
    return (
        [" ".join(_RU_PIECES), "".join(_RU_PIECES)]
        + random_texts(_RU_PIECES, 20_000, 13, longest=12)
        + [fold(text, "ru") for text in texts("ru")]
        + [fold(text, lang) for lang in ("en", "az") for text in texts(lang)]
    )


def test_russian_imperative_ends_agree_with_the_whole_pattern() -> None:
    found = 0
    for text in _imperative_texts():
        expected = [m.span() for m in address._RU_IMPERATIVE_END.finditer(text)]
        assert address._ru_imperative_ends(text) == expected, text
        found += bool(expected)
    assert found > 1_000


def _stems_at_clause_ends(text: str) -> list[str]:
    """The bare stems the clause-end walk of `_az_verbs` reads, with no gate before it (the original)."""
    ends = {m.start() for m in address._AZ_CLAUSE_END.finditer(text)}
    if ends:
        ends.add(len(text.rstrip()))
    out = []
    for end in ends:
        while end and text[end - 1] in " \t":
            end -= 1
        start = end
        while start and text[start - 1].isalpha():
            start -= 1
        if text[start:end] in address._AZ_BARE_STEMS:
            out.append(text[start:end])
    return out


_AZ_PIECES = [
    *sorted(address._AZ_BARE_STEMS), " ", "  ", "\t", "\n", ",", ".", "!", ";", ":", " və ", "və", " və  ", "x", "_",
    "2", "½", "«", "İ", "ı", "\u212a", "\u00a0", "\u2028", "yazdı", "bu ", "lar",
]


def test_stem_gate_lets_through_every_text_whose_clause_ends_follow_a_stem() -> None:
    passed = 0
    for text in (
        random_texts(_AZ_PIECES, 30_000, 14, longest=10)
        + [fold(text, "az") for text in texts("az")]
        + [fold(text, lang) for lang in ("en", "ru") for text in texts(lang)]
    ):
        if _stems_at_clause_ends(text):
            assert address._may_end_clause_with_stem(text), text
            passed += 1
    assert passed > 1_000


def test_folding_makes_no_digit_and_removes_none() -> None:
    """`structural_figures` no longer tests the masked text for a digit before scanning the folded text for
    figures: the two have their digits at the same places, since folding (any language) maps no character
    to a decimal digit and every digit to itself. Every code point is folded, in blocks."""
    digit = re.compile(r"\d")
    for block in range(0, 0x110000, 4096):
        text = "".join(chr(code) for code in range(block, block + 4096) if not 0xD800 <= code <= 0xDFFF)
        places = [m.start() for m in digit.finditer(text)]
        for lang in ("en", "ru", "az"):
            folded = fold(text, lang)
            assert len(folded) == len(text)
            assert [m.start() for m in digit.finditer(folded)] == places, (hex(block), lang)


def test_refusal_pieces_match_only_themselves_in_folded_text() -> None:
    """Under `re.IGNORECASE` a piece's letter also matches other characters; each of those must be one that
    folded text never holds (a capital), or the piece could be missing where `_REFUSAL` matches."""
    letters = {ch for term in confidential._REFUSAL_NEEDS for choice in term for piece in choice for ch in piece}
    every_character = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in letters:
        for m in re.finditer(re.escape(letter), every_character, re.IGNORECASE):
            other = m.group()
            if other != letter:
                assert all(fold(other, lang) != other for lang in ("en", "ru", "az")), (letter, hex(ord(other)))


_REFUSALS = [
    "don't share", "do  not disclose", "can't publish", "cannot reveal", "won't give out", "never comment on",
    "not able to share", "unable to disclose", "don't really share", "не раскрываем", "не разглашаем", "не публикуем",
    "не сообщаем", "не делимся", "не называем", "не можем раскрыть", "не можем поделиться", "не можем сообщить",
    "не можем назвать", "не можем разглашать", "paylaşmırıq", "açıqlamırıq", "bildirmirik", "dərc etmirik",
    "açıqlaya bilmərik", "paylaşa bilmərik", "deyə bilmərik",
]
_LOOKALIKES = {"i": "ıİI", "s": "ſS", "в": "ᲀВ", "д": "ᲁД", "о": "ᲂО", "с": "ᲃС", "т": "ᲄᲅТ", "k": "\u212aK"}


def _refusal_texts() -> list[str]:
    rng = random.Random(15)
    out = []
    for _ in range(20_000):
        phrase = rng.choice(_REFUSALS)
        phrase = "".join(rng.choice(_LOOKALIKES.get(ch, ch) + ch) if rng.random() < 0.3 else ch for ch in phrase)
        out.append(rng.choice(["", "we ", "x", "Мы ", "biz "]) + phrase + rng.choice(["", " the figures", ".", "x"]))
    return out


def test_every_refusal_holds_its_pieces() -> None:
    matched = 0
    for text in _refusal_texts() + texts():
        for lang in ("en", "ru", "az"):
            folded = fold(text, lang)
            for m in confidential._REFUSAL.finditer(folded):
                assert literals.may_match(confidential._REFUSAL_NEEDS, m.group()), (text, m.group())
                matched += 1
    assert matched > 20_000


def test_every_run_of_marks_opens_with_a_mark_pair() -> None:
    pieces = ["!", "?", " ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "x", ".", "!!", "? ?", "¡", "？", "！"]
    runs = 0
    for text in random_texts(pieces, 30_000, 16, longest=8) + texts():
        if tone_rules._PUNCT_RUN.search(text):
            assert tone_rules._has_mark_pair(text), text
            runs += 1
    assert runs > 5_000


_FIGURE_PIECES = [
    "your", "you", "ваш", "вашего", "sizin", "sizinlə", "mağazanız", "sifarişiniz", "növbənüz", "qutunuz", "sənin",
    "up to", "up", "max", "maximum", "limit of", "до", "не более", "максимум", "20%", "20 %", "off", "discount",
    "скидка", "скидк", "кешбэк", "endirim", "keşbek", "cashback", " ", "\n", ",", ".", "x", "İ", "ı", "\u212a", "5",
]


def test_figure_screens_agree_with_the_searches() -> None:
    found = {"offer": 0, "limit": 0, "yours": 0}
    rng = random.Random(17)
    phrases = [
        " ".join(rng.choice(_FIGURE_PIECES) for _ in range(rng.randint(0, 3)))
        + rng.choice([" up to ", " maximum ", " limit of ", " до ", " не более ", " максимум ", " up to x ", " "])
        + rng.choice(["5000", "20%", "20 %", "2,5"])
        + rng.choice([" off", " discount", " скидка", " endirim", " x off", "", " users"])
        for _ in range(20_000)
    ]
    for text in random_texts(_FIGURE_PIECES, 20_000, 17, longest=10) + phrases + [fold(t, "az") for t in texts()]:
        digits = [at for at, ch in enumerate(text) if ch.isdigit()]
        end = rng.choice(digits) if digits and rng.random() < 0.5 else rng.randint(0, len(text))  # before a figure
        start = rng.randint(max(0, end - 40), end)
        if rng.random() < 0.3:
            end = len(text)  # around a figure
        offer = figures.OFFER.search(text, start, end) is not None
        limit = figures._LIMIT.search(text, start, end) is not None
        yours = any(figures.YOURS_WORD.match(w) for w in figures._WORD.findall(text, start, end)[-figures._YOURS_WINDOW:])
        assert figures._offered(text, start, end) == offer, text
        assert figures._limited(text, start, end) == limit, text
        assert figures._yours_before(text, start, end) == yours, text
        found["offer"] += offer
        found["limit"] += limit
        found["yours"] += yours
    assert min(found.values()) > 300, found


def test_past_ending_search_is_the_four_endings() -> None:
    for text in random_texts(["d", "ı", "i", "ü", "u", "n", "İ", "\u212a", "din", " ", "x"], 20_000, 18, longest=8):
        expected = any(ending in text for ending in address._AZ_PAST_ENDINGS)
        assert (address._AZ_PAST_ENDING.search(text) is not None) == expected, text
