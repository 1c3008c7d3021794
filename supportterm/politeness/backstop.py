"""Provides `backstop_findings`: a small learned sentence model that warns about tone the lexicons miss.

The lexicons generalise poorly to writers they have never seen (docs/politeness.md, "Learned backstop").
This module scores body sentences of the masked, folded reply (greeting, closing and signature left out,
`frame.py`; quotes and code are blanked by masking) with a per-language logistic regression over counted
words (optionally cut to a few letters, a cheap stem), word pairs and the sentence's last mark, trained
offline by tools/train_backstop.py. A sentence reaching the language's threshold becomes a `warning` in
the tone category a second (one-vs-rest) model picks, unless a rule already speaks for that sentence.

Cost (DESIGN §5: every keystroke): a per-word pass over a whole reply in CPython costs about 0.25 ms,
the whole budget. So a screen comes first: one regex (a trie, run in C) over the folded reply finds the
*trigger* words, those whose weight can lift a sentence most; only sentences holding one are cut into
words and scored, and a reply without a trigger costs that one search; the greeting/sign-off frame is
found only when a sentence reaches the threshold. The trainer scores through this same screen, so its
numbers include what the screen misses. Languages without weights (their ship rule failed: at present
Russian and Azerbaijani; English ships, docs/politeness.md) cost a dictionary lookup. Pure Python over a
small JSON weights file.
"""

from __future__ import annotations

import json
import re
from itertools import repeat
from operator import getitem
from pathlib import Path

from .closure import announces_closing
from .findings import ERROR, WARNING, Finding, translatable
from .frame import body_span
from .greeting import break_after_greeting
from .lexicon_scan import trie

WEIGHTS_FILE = "backstop_weights.json"
SCORE_CACHE = 4096
"""Sentence scores kept per language before the memory starts over."""
TONE_CATEGORIES = ("rude", "blame", "dismissive", "sarcasm", "argumentative")
"""The DESIGN §4 categories the model learns: the ones a sentence's wording carries."""
COVERING = frozenset((*TONE_CATEGORIES, "shouting"))
"""Rule findings that already speak for a sentence's tone; the model stays silent there (as it does
under any rule error)."""
SCALE = 100
"""Weights, biases and thresholds are integers in hundredths: a small file, and exact sums, so a
sentence on the threshold scores the same in every process."""
START = "<s>"
"""The word before a sentence's first word, so pairs also say how a sentence opens."""
CUES = "?!"
"""A sentence's last mark, when it is one of these, is a feature of its own ("c:?")."""

ENDS = ".!?…\n"
"""Characters that end a sentence ("v2.5" is two sentences: a plain class, so C finds the bounds)."""
STRIP = ".,!?…:;\"'()«»“”*"
"""Punctuation stripped from both ends of a whitespace token to give its word ("you," → "you")."""
SENTENCE_END = re.compile("[" + ENDS + "]")
_NO_PAIRS: dict[str, int] = {}
_NONE: frozenset[str] = frozenset()
_MESSAGES = {
    "rude": translatable("This sentence may read as rude to the customer; consider rephrasing."),
    "blame": translatable("This sentence may read as blaming to the customer; consider rephrasing."),
    "dismissive": translatable("This sentence may read as dismissive to the customer; consider rephrasing."),
    "sarcasm": translatable("This sentence may read as sarcastic to the customer; consider rephrasing."),
    "argumentative": translatable(
        "This sentence may read as argumentative to the customer; consider rephrasing."),
}
"""One whole sentence per category (not an adjective in a template), so each translates as a whole."""


def sentences(folded: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every sentence of folded[start:end] that holds a word, end marks excluded."""
    out = []
    at = start
    for m in SENTENCE_END.finditer(folded, start, end):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, end))
    return [(s, e) for s, e in out if keys(folded, s, e, 0)]


NEGATED = "~"
"""Marks a word in a negation's scope ("не проблема" → "не", "~пробл"): a negated word weighs apart from
the same word said plainly (the fourth try read "Не проблема, …" as dismissive)."""
NEGATORS: dict[str, frozenset[str]] = {
    "en": frozenset(("not", "no", "never", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't",
                     "weren't", "can't", "cannot", "won't", "wouldn't", "shouldn't", "haven't", "hasn't")),
    "ru": frozenset(("не", "ни", "нет", "без")),
}
"""Words that negate the words after them, up to the clause's end (a token ending in , ; :)."""
POST_NEGATORS: dict[str, frozenset[str]] = {"az": frozenset(("deyil", "deyildir", "deyilik", "deyilsiniz"))}
"""Words that negate the words before them, back to the clause's start ("Bu sizin səhviniz deyil")."""
CLAUSE_END = ",;:"


def keys(folded: str, s: int, e: int, prefix: int, lang: str | None = None) -> list[str]:
    """The sentence's words as the model knows them: whitespace tokens without surrounding
    punctuation, cut to `prefix` letters when it is > 0; with `lang`, words in a negation's scope
    are marked with `NEGATED` (a loop in Python only for a sentence holding a negator)."""
    tokens = folded[s:e].split()
    words = list(map(str.strip, tokens, repeat(STRIP)))
    if lang is not None:
        words = _negated(tokens, words, lang)
    words = list(filter(None, words))
    if not prefix:
        return words
    cut = slice(prefix)
    if lang is None:
        return list(map(getitem, words, repeat(cut)))
    return [w[: prefix + 1] if w[0] == NEGATED else w[cut] for w in words]


def _negated(tokens: list[str], words: list[str], lang: str) -> list[str]:
    """`words` (one per token) with the words in a negation's scope marked (negators matched whole)."""
    before = NEGATORS.get(lang)
    after = POST_NEGATORS.get(lang)
    if before and not before.isdisjoint(words):
        out = []
        scope = False
        for token, word in zip(tokens, words, strict=True):
            out.append(NEGATED + word if scope and word and word not in before else word)
            if word in before:
                scope = True
            if token[-1:] in CLAUSE_END:
                scope = False
        return out
    if after and not after.isdisjoint(words):
        out = list(words)
        scope = False
        for i in range(len(words) - 1, -1, -1):
            if i < len(words) - 1 and tokens[i][-1:] in CLAUSE_END:
                scope = False
            if scope and words[i] and words[i] not in after:
                out[i] = NEGATED + words[i]
            if words[i] in after:
                scope = True
        return out
    return words


def cue(folded: str, s: int, e: int) -> str:
    """The mark ending the sentence folded[s:e] if it is one of `CUES`, else ""."""
    mark = folded[e : e + 1]
    return mark if mark and mark in CUES else ""


def features(words: list[str], mark: str, pairs: bool = True) -> list[str]:
    """The counted features of a sentence, by name ("u:word", "p:first second", "c:?"): the trainer's
    view of what `_Linear.score` sums."""
    out = ["u:" + w for w in words]
    if pairs:
        out += ["p:" + a + " " + b for a, b in zip([START, *words], words, strict=False)]
    if mark:
        out.append("c:" + mark)
    return out


class _Linear:
    """One logistic model over counted words, word pairs and a sentence's last mark: a bias, word
    weights, pair weights by first word (so a pair costs two dictionary lookups and no string building)."""

    def __init__(self, raw: dict[str, object]) -> None:
        self.bias = int(raw["bias"])  # type: ignore[call-overload]
        self.uni: dict[str, int] = dict(raw.get("uni", {}))  # type: ignore[call-overload]
        pairs: dict[str, dict[str, int]] = raw.get("pair", {})  # type: ignore[assignment]
        self.pair = {first: {w: self.uni.get(w, 0) + v for w, v in seconds.items()}
                     for first, seconds in pairs.items()}
        """Per first word, the second words' values: unigram weight plus pair weight (a word not in the
        table is worth its unigram weight alone)."""
        self.cue: dict[str, int] = dict(raw.get("cue", {}))  # type: ignore[call-overload]

    def score(self, words: list[str], mark: str) -> int:
        """The sentence's score, bias included: each word's weight, or its pair's value after the word
        before it, summed in C."""
        values = map(self.uni.get, words, repeat(0))
        if self.pair:
            values = map(dict.get, map(self.pair.get, [START, *words], repeat(_NO_PAIRS)), words, values)
        return self.bias + self.cue.get(mark, 0) + sum(values)

    def best_values(self) -> dict[str, int]:
        """Each word's largest value in any context (alone or as a pair's second word)."""
        best = dict(self.uni)
        for seconds in self.pair.values():
            for w, v in seconds.items():
                best[w] = max(best.get(w, v), v)
        return best


class _Language:
    """A language's flag model, threshold, prefix length, trigger screen and category models."""

    def __init__(self, raw: dict[str, object]) -> None:
        self.prefix = int(raw.get("prefix", 0))  # type: ignore[call-overload]
        self.negation: str | None = raw.get("negation")  # type: ignore[assignment]
        """The language whose negators mark words (`keys`), or None: words are read plainly."""
        self.negators = NEGATORS.get(self.negation or "", _NONE)
        self.post_negators = POST_NEGATORS.get(self.negation or "", _NONE)
        self.threshold = int(raw["threshold"])  # type: ignore[call-overload]
        self.flag = _Linear(raw)
        categories: dict[str, dict[str, object]] = raw.get("category", {})  # type: ignore[assignment]
        self.categories = {cat: _Linear(m) for cat, m in categories.items()}
        self.screen_at = raw.get("screen")
        """Words worth at least this much (in any context) are triggers; None: every sentence is scored."""
        self.triggers = self.trigger_words(self.screen_at) if self.screen_at is not None else None  # type: ignore[arg-type]
        """The words the screen looks for (`trigger_words`), or None when every sentence is scored."""
        self.trigger = trigger_pattern(self.triggers, self.prefix) if self.triggers is not None else None
        self.outlined = self.triggers is not None and _mostly_ascii(self.triggers)
        """Whether `candidates` searches the ASCII outline (`_Outline`: trigger words mostly ASCII) or the
        code page one (`_CodePageOutline`: mostly Cyrillic)."""
        self._byte_screen: tuple[re.Pattern[bytes], _Outline | _CodePageOutline] | None = None
        """`byte_screen`, built on first use."""
        self.scores: dict[str, int] = {}
        """Scores by sentence (with the character after it); cleared by `clear_cache`."""

    def trigger_words(self, screen_at: int) -> set[str]:
        """The words the screen looks for: worth at least `screen_at`, negated ones by their negators."""
        words = {w for w, v in self.flag.best_values().items() if v >= screen_at and w != START}
        if any(w.startswith(NEGATED) for w in words):
            # A negated word is found through its negator.
            lang = self.negation or ""
            words = {w for w in words if not w.startswith(NEGATED)}
            words |= NEGATORS.get(lang, frozenset()) | POST_NEGATORS.get(lang, frozenset())
        return words

    def byte_screen(self) -> tuple[re.Pattern[bytes], _Outline | _CodePageOutline]:
        r"""The trigger screen for the outline's `spaced` view, and the outline (`_Outline` when the
        trigger words are mostly ASCII, else `_CodePageOutline`).

        A space, then the trigger words as the outline reads them, so the pattern opens with a literal:
        `re` skips from space to space in a tight loop (about four times faster than testing `[^\w']` at
        every character). Compiled on first use.
        """
        if self._byte_screen is None:
            words = self.triggers or set()
            outline = _Outline(words) if self.outlined else _CodePageOutline(words)
            skeletons = {outline.word(w) for w in words}
            exact = {w for w in skeletons if len(w) < self.prefix} if self.prefix else skeletons
            source = " " + trie(exact, skeletons - exact) if skeletons else "(?!)"
            self._byte_screen = (re.compile(source.encode("ascii")), outline)
        return self._byte_screen

    def sentence_score(self, folded: str, s: int, e: int) -> int:
        """The flag model's score of folded[s:e], remembered by the sentence and its end mark: while the
        agent types, every other sentence of the reply is scored again unchanged on each check."""
        sentence = folded[s : e + 1]
        score = self.scores.get(sentence)
        if score is None:
            if len(self.scores) >= SCORE_CACHE:
                self.scores.clear()
            score = self.scores[sentence] = self._flag_score(folded, s, e)
        return score

    def _flag_score(self, folded: str, s: int, e: int) -> int:
        """`self.flag.score(keys(folded, s, e, ...), cue(folded, s, e))` in one loop over the words.

        Why: the chain of `map` objects and lists that `keys` and `_Linear.score` build costs more than
        the ten-odd words of a sentence; one Python loop with two dictionary lookups a word took about
        60 % of the time. Same sum. A sentence holding a negator (a fifth of the Russian ones) marks
        the words in its scope as it goes (`_negated`, forwards); one holding a word that starts with
        `NEGATED` takes that loop too, as `keys` cuts such a word a letter longer (the plain loop skips its
        tests: taking it for every Russian sentence cost 22 % more). A sentence holding a post-negator
        (Azerbaijani, scope backwards) goes the general way.
        """
        sentence = folded[s:e]
        tokens = sentence.split()
        words = list(map(str.strip, tokens, repeat(STRIP)))
        flag = self.flag
        if not self.post_negators.isdisjoint(words):
            return flag.score(keys(folded, s, e, self.prefix, self.negation), cue(folded, s, e))
        uni, pair, cut = flag.uni.get, flag.pair.get, self.prefix
        total = 0
        before = START
        negators = self.negators
        if self.negation is None or (negators.isdisjoint(words) and NEGATED not in sentence):
            for word in words:
                if word:
                    if cut:
                        word = word[:cut]
                    seconds = pair(before)
                    total += seconds.get(word, uni(word, 0)) if seconds else uni(word, 0)
                    before = word
        else:
            scope = False
            for token, word in zip(tokens, words, strict=True):
                if word:
                    key = NEGATED + word if scope and word not in negators else word
                    if cut:
                        key = key[: cut + 1] if key[0] == NEGATED else key[:cut]
                    seconds = pair(before)
                    total += seconds.get(key, uni(key, 0)) if seconds else uni(key, 0)
                    before = key
                    if word in negators:
                        scope = True
                if token[-1] in CLAUSE_END:
                    scope = False
        return flag.bias + flag.cue.get(cue(folded, s, e), 0) + total

    def candidates(
        self, folded: str, start: int, end: int, covered: list[tuple[int, int]] | None = None
    ) -> list[tuple[int, int]]:
        r"""The sentences of folded[start:end] the screen passes: those holding a trigger word (all
        sentences when the model has no screen), without those overlapping a `covered` span (sorted).

        Searched in bytes (`byte_screen`): its pattern over the outline's `spaced` view, sentence ends by
        `bytes.find` in its `ends` view; a hit the outline cannot vouch for is confirmed by `trigger`. The
        same spans as `trigger` over the text (tests/politeness/test_whole12_backstop.py and
        test_bs13_backstop.py compare them on every labelled reply)."""
        if self.trigger is None:
            return sentences(folded, start, end)
        out: list[tuple[int, int]] = []
        screen, outline = self.byte_screen()
        ends, spaced, exact = outline.views(folded)
        # spaced[i + 1] stands for folded[i]: spaced[0] is the space before the text's first word.
        trigger = self.trigger.match
        search = screen.search
        spans = covered or []
        i = 0
        hit = search(spaced, start, end + 1)
        while hit is not None:
            at = hit.start()  # where the trigger word starts in folded
            if not exact and not (trigger(folded, at - 1, end) if at else trigger(" " + folded[:end])):
                hit = search(spaced, at + 1, end + 1)
                continue
            s, e = ends.rfind(b".", 0, at) + 1, ends.find(b".", at, end)
            if s < start:
                s = start
            if e < 0:
                e = end
            while i < len(spans) and spans[i][1] <= s:
                i += 1
            if i == len(spans) or spans[i][0] >= e:
                out.append((s, e))
            hit = search(spaced, e + 1, end + 1)
        return out

    def scored(self, folded: str, start: int, end: int, screened: bool = True) -> list[tuple[int, int, int]]:
        """(start, end, score) of the body sentences, body = folded[start:end]: those the screen passes
        (found over the whole text, so the checker can look for the body only when one is flagged),
        or all of them when `screened` is False. What the checker flags and what the trainer ranks."""
        if screened:
            spans = [(s, e) for s, e in self.candidates(folded, 0, len(folded))
                     if in_body(folded, s, e, start, end)]
        else:
            spans = sentences(folded, start, end)
        return [(s, e, self.sentence_score(folded, s, e)) for s, e in spans]

    def category(self, folded: str, s: int, e: int) -> str:
        """The tone category the one-vs-rest models find most likely for the sentence."""
        if not self.categories:
            return "rude"
        words, mark = keys(folded, s, e, self.prefix, self.negation), cue(folded, s, e)
        return max(self.categories, key=lambda cat: self.categories[cat].score(words, mark))


def trigger_pattern(words: set[str], prefix: int) -> re.Pattern[str]:
    """A regex for the character before a trigger word and the word (a word of `prefix` letters or more
    is a trigger when it starts with one of them); `Trigger.search` adds the text's first word.

    The pattern opens with that character, not with a look-behind: a pattern that opens with a class
    lets `re` skip in C to the characters of that class (spaces and punctuation) instead of trying the
    whole pattern at every position."""
    if not words:
        return re.compile(r"(?!)")
    exact = {w for w in words if len(w) < prefix} if prefix else words
    return re.compile(r"[^\w']" + trie(exact, words - exact))


def _mostly_ascii(words: set[str]) -> bool:
    """True when at least half the characters of `words` are ASCII: the byte outline keeps those, so its
    screen tells words apart; a mostly non-ASCII set would outline to runs of "_" that match any word."""
    chars = "".join(words)
    return 2 * sum(map(str.isascii, chars)) >= len(chars)


def _ascii_skeleton(word: str, letters: str) -> str:
    """`word` as `_Outline.spaced` reads it: ASCII word characters and "'" kept, `letters` as "_", every
    other character as a space (a model's word is a whitespace token, so it may hold "-" or ".": "2-ci")."""
    if _is_outline_word(word):
        return word
    return "".join(ch if _is_outline_word(ch) else "_" if ch in letters else " " for ch in word)


def _is_outline_word(word: str) -> bool:
    """True when `_Outline.spaced` keeps every character of `word` as it is (ASCII word characters, "'")."""
    return word.isascii() and not word.translate(_KEPT_BY_OUTLINE)


_OUTLINE_KEPT = bytes(b for b in range(128) if chr(b).isalnum() or chr(b) in "_'")
"""The ASCII characters `_Outline`'s spaced view keeps: word characters and the apostrophe."""
_KEPT_BY_OUTLINE = dict.fromkeys(_OUTLINE_KEPT)
"""`str.translate` table deleting the characters `_Outline.spaced` keeps."""


_SPACED = bytes(b if b in _OUTLINE_KEPT else 32 for b in range(128)) + b" " * 128
"""Bytes table: ASCII word characters and the apostrophe stay, everything else becomes a space."""
_ENDS_AS_DOTS = bytes(46 if chr(b) in ENDS and b != ord("?") else b for b in range(256))
"""Bytes table: the ASCII sentence ends but "?" become full stops (`_Outline` turns "?" into one first:
in the encoded text "?" stands for a non-ASCII character)."""
_STR_ENDS = "?" + "".join(ch for ch in ENDS if not ch.isascii())
"""Sentence ends turned into full stops before encoding: "?" and the non-ASCII ones ("…")."""


class _Outline:
    """The byte views of a folded text for a model whose trigger words are mostly ASCII, one byte per
    character, for C-level scans in `_Language.candidates` (`views`).

    `ends`: every sentence end (`ENDS`) is "." and no other byte is (non-ASCII characters are "?",
    and a real "?" became "." first), so `find` / `rfind` give a sentence's bounds. `spaced`: a space,
    then the text with ASCII letters, digits, "_" and "'" kept, the trigger words' non-ASCII `letters`
    as "_" (word characters both), and every other character as a space: a non-ASCII letter not among
    them reads as a space, so a hit after it is only a possible trigger, which `trigger` confirms.
    A hit is exact when the trigger words are ASCII word characters only and the text is ASCII.
    """

    __slots__ = ("exact_words", "letters")

    def __init__(self, words: set[str]) -> None:
        self.letters = "".join(sorted({ch for w in words for ch in w if not ch.isascii() and ch.isalnum()}))
        """The trigger words' non-ASCII letters, read as "_" (a letter read as a space would be tried
        as a word start)."""
        self.exact_words = all(map(_is_outline_word, words))

    def word(self, word: str) -> str:
        """A trigger word as `spaced` reads it."""
        return _ascii_skeleton(word, self.letters)

    def views(self, folded: str) -> tuple[bytes, bytes, bool]:
        """(ends, spaced, whether a hit is exact) of the text."""
        exact = self.exact_words and folded.isascii()
        for letter in self.letters:
            if letter in folded:
                folded = folded.replace(letter, "_")
        ends = _sentence_ends(folded)
        return ends, (b" " + ends).translate(_SPACED), exact


def _sentence_ends(folded: str) -> bytes:
    """`folded` one byte per character, every sentence end (`ENDS`) "." and no other byte "." (non-ASCII
    characters "?", a real "?" a "." first): `find` / `rfind` give a sentence's bounds in C."""
    for end in _STR_ENDS:
        if end in folded:
            folded = folded.replace(end, ".")
    return folded.encode("ascii", "replace").translate(_ENDS_AS_DOTS)


CODE_PAGE = "cp1251"
"""The one-byte code page `_CodePageOutline` encodes a text in: Cyrillic (Russian triggers are mostly
Cyrillic). A model whose letters it lacks would still be screened right, only slower (see there)."""
_WORD_CHAR = re.compile(r"\w")
_CODES = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
"""The bytes `_CodePageOutline` gives the trigger words' word characters, one each ("_" is the rest's)."""


class _CodePageOutline:
    r"""The byte views of a folded text for a model whose trigger words are mostly non-ASCII letters
    (Russian), one byte per character, for C-level scans in `_Language.candidates` (`views`).

    Why: `_Outline` reads those letters as "_", so its screen matched nearly every word, each hit
    confirmed in Python, and the trigger regex over the text tests `[^\w']` (a Unicode look-up) at every
    character: 146 µs of a cold 2 KB Russian check. Here the text is encoded in `CODE_PAGE` (a "?"
    turned into "." first, so a "?" byte is a character the code page lacks) and translated by a
    256-byte table: each word character of the trigger words becomes a byte of its own (`_CODES`), "'"
    stays, any other word character becomes "_", and every other character a space. The byte trie then
    tells the trigger words apart as the text regex does. Exact (no confirmation) when every character
    of the trigger words has a byte of its own (or is "'") and the text lacks no character of the code
    page; otherwise (a trigger word such as "да-да", whose "-" reads as a space) `trigger` confirms hits.
    """

    __slots__ = ("dots", "exact_words", "table")

    def __init__(self, words: set[str]) -> None:
        chars = sorted({ch for w in words for ch in w if _WORD_CHAR.match(ch) and _in_code_page(ch)})
        codes = dict(zip(chars, _CODES, strict=False))
        table = bytearray(b" " * 256)
        for byte in range(256):
            try:
                ch = bytes((byte,)).decode(CODE_PAGE)
            except UnicodeDecodeError:
                continue
            table[byte] = ord(codes.get(ch) or ("_" if _WORD_CHAR.match(ch) else "'" if ch == "'" else " "))
        self.table = bytes(table)
        """Bytes table of `spaced`."""
        self.exact_words = all(ch in codes or ch == "'" for w in words for ch in w)
        self.dots = "?" + "".join(ch for ch in ENDS if not _in_code_page(ch))
        """Turned into "." before encoding: "?" (then a "?" byte is a character the code page lacks) and
        the sentence ends the code page lacks."""

    def word(self, word: str) -> str:
        """A trigger word as `spaced` reads it."""
        return self._encoded(word).translate(self.table).decode("ascii")

    def _encoded(self, folded: str) -> bytes:
        for dot in self.dots:
            if dot in folded:
                folded = folded.replace(dot, ".")
        return folded.encode(CODE_PAGE, "replace")

    def views(self, folded: str) -> tuple[bytes, bytes, bool]:
        """(ends, spaced, whether a hit is exact) of the text, as `_Outline.views` gives them."""
        encoded = self._encoded(folded)
        exact = self.exact_words and b"?" not in encoded
        return encoded.translate(_CODE_PAGE_ENDS), (b" " + encoded).translate(self.table), exact


def _in_code_page(ch: str) -> bool:
    try:
        ch.encode(CODE_PAGE)
    except UnicodeEncodeError:
        return False
    return True


_ENDS_IN_CODE_PAGE = "".join(ch for ch in ENDS if ch != "?" and _in_code_page(ch)).encode(CODE_PAGE)
_CODE_PAGE_ENDS = bytes.maketrans(_ENDS_IN_CODE_PAGE, b"." * len(_ENDS_IN_CODE_PAGE))
"""Bytes table of `_CodePageOutline`'s `ends`: the sentence ends but "?" (a real one is "." already)
become ".", every other byte stays."""


def in_body(folded: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether the sentence folded[s:e], without its outer spaces, lies in the body folded[start:end]."""
    seg = folded[s:e]
    return start <= s + len(seg) - len(seg.lstrip()) and s + len(seg.rstrip()) <= end


def load(data: dict[str, object]) -> dict[str, _Language]:
    """The enabled languages' models of a weights document (`{"langs": {lang: {...}}}`)."""
    langs: dict[str, dict[str, object]] = data.get("langs", {})  # type: ignore[assignment]
    return {lang: _Language(raw) for lang, raw in langs.items()}


def _load_file() -> dict[str, _Language]:
    path = Path(__file__).with_name(WEIGHTS_FILE)
    if not path.exists():
        return {}
    return load(json.loads(path.read_text(encoding="utf-8")))


_MODELS = _load_file()


def languages() -> frozenset[str]:
    """Languages the shipped weights cover (those that passed the ship rule)."""
    return frozenset(_MODELS)


def use(models: dict[str, _Language]) -> dict[str, _Language]:
    """Replace the models in use (tests and the trainer's checks); returns the previous ones."""
    global _MODELS
    previous, _MODELS = _MODELS, models
    return previous


def clear_cache() -> None:
    """Forget the remembered sentence scores (benchmarks measure cold checks)."""
    for model in _MODELS.values():
        model.scores.clear()


def message(cat: str) -> str:
    """The plain message of a model finding."""
    return _MESSAGES.get(cat) or f"This sentence may read as {cat} to the customer; consider rephrasing."


def body(text: str, folded: str, lang: str) -> tuple[str, int, int]:
    """The folded reply with the greeting comma read as a full stop, and its body's (start, end)."""
    folded = break_after_greeting(folded)
    start, end = body_span(folded, lang, text)
    return folded, start, end


_OWN_FAULT = re.compile(
    r"\b(?:we|i)\s+(?:\w+\s+)?(?:picked|sent|shipped|packed|printed|made|used|gave|charged|booked)\s+(?:you\s+)?the\s+wrong\b"
    r"|\b(?:that's|that\s+is|it's|it\s+is|this\s+is|was)\s+(?:entirely\s+|completely\s+)?(?:our|my)\s+(?:mistake|fault|error)"
    r"|\b(?:that's|that\s+is|it's)\s+on\s+us\b|(?<!\w)(?:наша|моя)\s+ошибка|(?<!\w)по\s+нашей\s+вине|(?<!\w)мы\s+ошиблись"
    r"|(?<!\w)(?:bizim|mənim)\s+(?:səhvimiz|səhvim|günahımız|günahım)|(?<!\w)səhv\s+bizdə"
)
"""An own fault admitted in the sentence, just after it ('…, and nobody rebooked it. That's our mistake.') or just
before it ('Bu, tamamilə bizim səhvimizdir. … lakin sexə ötürülərkən səhv yazılıb.'): the learned model's blame
reading of the sentence is wrong there."""
_OWN_FAULT_AFTER = 80
_OWN_FAULT_BEFORE = 120
_EMPATHY = re.compile(
    r"\bi\s+(?:fully\s+|completely\s+)?understand\s+why\s+you|\bin\s+your\s+(?:shoes|place|position)"
    r"|(?<!\w)понимаю,?\s+почему\s+вы|(?<!\w)на\s+вашем\s+месте|(?<!\w)niyə\s+\w+\s+başa\s+düşürəm|(?<!\w)yerinizdə\s+olsaydım"
    r"|\bno\s+rush\b|\bwhenever\s+you(?:'re|\s+are)\s+ready|(?<!\w)не\s+торопитесь|(?<!\w)когда\s+будете\s+готовы"
    r"|(?<!\w)tələsiklik\s+yoxdur|(?<!\w)hazır\s+olsanız"
    r"|(?<!\w)(?:вы|вы,\s+безусловно,|вы,\s+конечно,)\s+вправе|(?<!\w)мы\s+это\s+уважаем"
    r"|\byou(?:'re|\s+are)\s+(?:absolutely\s+|of\s+course\s+)?entitled\s+to"
    r"|(?<!\w)(?:tam\s+)?haqqınız\s+var"
)
"""Words that side with the customer ('I understand why you're angry', «на Вашем месте») or give them time ('no
rush, whenever you're ready', after a loss) or grant them their right («Вы, безусловно, вправе сами решать … и мы
это уважаем»): the learned model's tone reading of that sentence is wrong there."""


_THIRD_PARTY_ADVICE = re.compile(
    r"\bdisagree\s+with\s+(?:that|this|the|their|such)\s+"
    r"(?:advice|recommendation|article|claim|guide|video|tip)"
    r"|(?<!\w)не\s+соглаш(?:усь|аюсь)\s+с\s+(?:этим|этой|таким|такой)\s+(?:совет|рекомендаци|стать)"
    r"|(?<!\w)(?:bu|belə)\s+(?:məsləhətlə|tövsiyə\s+ilə)\s+razılaş"
)
"""Disagreeing with advice the customer was given elsewhere ('I'd have to respectfully disagree with that advice'):
neither arguing with the customer nor mocking them, whatever the learned model reads."""


def backstop_findings(text: str, folded: str, lang: str, found: list[Finding]) -> list[Finding]:
    """Warnings for body sentences the model flags and no rule finding speaks for.

    Args:
        text: the reply as typed.
        folded: the reply with quotes and code blanked (`masking.mask`), folded for `lang`.
        lang: the reply's language; one without shipped weights gets no findings.
        found: the rule findings so far.
    """
    model = _MODELS.get(lang)
    if model is None:
        return []
    folded = break_after_greeting(folded)
    covered = _merged([(f.start, f.end) for f in found if f.category in COVERING or f.severity == ERROR])
    threshold = model.threshold
    picked = [
        (s, e) for s, e in model.candidates(folded, 0, len(folded), covered)
        if model.sentence_score(folded, s, e) >= threshold
    ]
    if not picked:
        return []
    start, end = body_span(folded, lang, text)
    out = []
    for s, e in picked:
        if in_body(folded, s, e, start, end):
            cat = model.category(folded, s, e)
            if cat == "blame" and _OWN_FAULT.search(
                folded, max(0, s - _OWN_FAULT_BEFORE), min(len(folded), e + _OWN_FAULT_AFTER)
            ):
                continue  # 'The order clearly says white PETG, and we picked the wrong spool.'
            if announces_closing(lang, folded, s, e):
                continue  # "… I'm closing this ticket.": `closure.closed_without_help` judges closings
            if _THIRD_PARTY_ADVICE.search(folded, s, e):
                continue  # 'I'd have to respectfully disagree with that advice, though.' (another shop's)
            if _EMPATHY.search(folded, s, e):
                continue  # '… а медсестра так и не приехала — я понимаю, почему Вы злитесь'
            out.append(Finding(cat, WARNING, *_extent(folded, s, e), message(cat)))
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted and merged where they overlap, so each sentence meets at most one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _extent(folded: str, s: int, e: int) -> tuple[int, int]:
    """The finding's span for the sentence folded[s:e]: without outer spaces, with its end mark."""
    seg = folded[s:e]
    if e < len(folded) and folded[e] != "\n":
        return s + len(seg) - len(seg.lstrip()), e + 1
    return s + len(seg) - len(seg.lstrip()), s + len(seg.rstrip())
