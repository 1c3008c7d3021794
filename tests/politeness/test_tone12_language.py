"""Tests that language detection's session-11 shortcuts give the original answers: stop words counted
per language by one lookup a word, the combining dot of "İ" made a space, and the Russian letter count
skipped when the UTF-8 form has no byte that opens a Russian letter."""

from __future__ import annotations

import random
import re

from supportterm.politeness import language

from .labelled import original_detect, texts

_ORIGINAL_WORD = re.compile(r"[^\W\d_]+")


def _original_by_stopwords(words: list[str], az_bonus: int, default: str) -> str:
    scores = {lang: sum(map(stop.__contains__, words)) for lang, stop in language.STOPWORDS.items()}
    scores["az"] += az_bonus
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] > 0 else default


def test_stop_word_lists_share_no_word() -> None:
    seen: set[str] = set()
    for words in language.STOPWORDS.values():
        assert not seen & words
        seen |= words


def test_stop_word_scores_and_ties_as_the_original() -> None:
    """Few words from each language, so ties (and the Azerbaijani bonus breaking them) are frequent."""
    rng = random.Random(11)
    pool = [w for words in language.STOPWORDS.values() for w in sorted(words)[:3]] + ["zz", "qq", ""]
    for _ in range(20_000):
        words = [rng.choice(pool) for _ in range(rng.randint(0, 6))]
        bonus = rng.choice([0, 0, 1, 2])
        for default in ("en", ""):
            assert language._by_stopwords(words, bonus, default) == _original_by_stopwords(words, bonus, default)


def test_the_combining_dot_is_never_a_word_character() -> None:
    """U+0307 splits words for the regex, so making it a space changes no word."""
    assert _ORIGINAL_WORD.findall("i\u0307lahə i\u0307 \u0307x") == ["i", "lahə", "i", "x"]
    assert language._words_and_letters("i\u0307lahə i\u0307 \u0307x")[0] == ["i", "lahə", "i", "x"]


def test_every_russian_letter_opens_its_utf8_form_with_d0_or_d1() -> None:
    for ch in "абвгдежзийклмнопрстуфхцчшщъыьэюяё":
        assert ch.encode("utf-8")[0] in (0xD0, 0xD1)
    assert all(
        ch.encode("utf-8", "surrogatepass")[0] in (0xD0, 0xD1)
        for ch in map(chr, range(0x110000))
        if language._russian_letters(ch)
    )


def test_detect_agrees_with_the_original_with_dotted_capitals_and_scripts_mixed() -> None:
    rng = random.Random(12)
    pieces = "İlahə İŞ i̇ mı sən və the and и мы «x» — ² Ѐ ђ ǅ \u0307 \u00a0 é ß \n".split(" ")
    for _ in range(20_000):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        for default in ("en", ""):
            assert language.detect(text, default) == original_detect(text, default), text


def test_detect_agrees_with_the_original_on_every_labelled_reply_upper_cased() -> None:
    for text in texts():
        for variant in (text[:600].upper(), text[:200]):
            assert language.detect(variant, "") == original_detect(variant, ""), variant


def test_ascii_texts_split_as_bytes_give_the_original_answers() -> None:
    """Every ASCII character around stop words, as one text and in random mixes."""
    rng = random.Random(13)
    stop = [w for w in language._STOPWORD_LANG if w.isascii()]
    pieces = [*stop, *map(chr, range(128)), "AND", "The", "x"]
    assert language.detect("".join(map(chr, range(128))) + " the and", "") == original_detect(
        "".join(map(chr, range(128))) + " the and", ""
    )
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for default in ("en", ""):
            assert language.detect(text, default) == original_detect(text, default), text
