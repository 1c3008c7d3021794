"""Provides the features of the tone model, shared by the scorer (tone.py) and its trainer.

Two feature sets, both sparse dicts with language-independent names:
- `strategy_features`: the politeness strategies of Danescu-Niculescu-Mizil et al. (2013) found with
  per-language cue regexes (en, ru, az), for languages without a word model;
- `english_features`: those strategies, English-only strategies that need English word order
  (first/second person start, imperatives, counterfactuals, "you should"...), words, word pairs,
  sentence openers and VADER sentiment valences.
Names of things, not tone (links, e-mail addresses, @user names, code, formulas, numbers) are blanked
before words are taken: they differ from one community to the next and say nothing of politeness.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import cache
from itertools import chain
from typing import NamedTuple

from .folding import fold
from .literals import Needs, may_match, required_literals

_SHARED_CUES: dict[str, dict[str, str]] = {
    "ru": {
        "GRAT": r"спасиб|благодар",
        "APOL": r"извин|прости|к сожалению|приносим извинения",
        "PLEASE": r"\w[\s,]+пожалуйста|будьте добры",
        "HEDGE": r"возможно|наверное|кажется|думаю|пожалуй|может быть|вероятно|по-моему",
        "SUBJ": r"не могли бы|не затруднит|могли бы вы|не могу ли я",
        "INDIC": r"(?<!\w)(?:можете|сможете) ли",
        "FACT": r"на самом деле|вообще-то|очевидно|конечно же|честно говоря",
        "WE": r"м(?<!\wм)ы(?!\w)|н(?<!\wн)а(?:ш\w*|м|с)(?!\w)",
    },
    "az": {
        "GRAT": r"təşəkkür|sağ ol|minnətdar",
        "APOL": r"üzr|bağışla|təəssüf",
        "PLEASE": r"\w[\s,]+(?:zəhmət olmasa|lütfən)|xahiş edirəm|xahiş edirik",
        "HEDGE": r"bəlkə|yəqin|deyəsən|məncə|zənnimcə|ehtimal",
        "SUBJ": r"bilərsinizmi|olarmı|mümkündürmü",
        "INDIC": r"edə bilərsiniz\?",
        "FACT": r"əslində|açığı|əlbəttə|aydındır",
        "WE": r"b(?<!\wb)iz(?:im|ə)?(?!\w)",
    },
}
r"""Strategies of the 2013 paper found anywhere in a Russian or Azerbaijani text (cues are stems). The
"WE" cues open with their first letter and check the word start after it (`(?<!\wм)`), so `re` skips
ahead to that letter instead of trying a look-behind at every position."""

_ENGLISH_WORDS = {
    "GRAT": frozenset("thank thanks thx thankyou appreciate appreciates appreciated grateful".split()),
    "APOL": frozenset("sorry oops whoops apologise apologize apologies pardon".split()),
    "HEDGE": frozenset(
        "think thought guess maybe perhaps possibly probably presumably seem seems seemed appear appears "
        "suppose suggest wonder wondering wondered might assume believe likely somewhat fairly rather "
        "apparently usually generally".split()
    ),
    "FACT": frozenset("actually really honestly surely obviously clearly".split()),
    "WE": frozenset("we our us let's we're we've we'll we'd".split()),
}
_ENGLISH_PAIRS = {
    "APOL": frozenset({"excuse_me", "forgive_me"}),
    "HEDGE": frozenset({"kind_of", "sort_of", "not_sure", "my_opinion"}),
    "FACT": frozenset({"in_fact", "of_course", "the_point", "the_truth"}),
    "SUBJ": frozenset({"could_you", "would_you"}),
    "INDIC": frozenset({"can_you", "will_you"}),
}
_ENGLISH_PLEASE = re.compile(r"\w[\s,]+please\b")
"""The same strategies in English, found from words and word pairs (a set lookup is cheaper than
a regex per strategy); "please" counts here only inside a sentence."""
_PLEASE_WORD = re.compile(r"please\b")

_OPENING_CUES: dict[str, dict[str, str]] = {
    "en": {
        "PLEASE_START": r"please\b",
        "GREET": r"(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b",
        "DEFER": r"(?:great|good|nice|interesting|cool|excellent|awesome|wonderful|fantastic|brilliant"
        r"|impressive|well done)\b",
        "DIRECT": r"(?:so|then|and|but|or)\b",
        "DIRQ": r"(?:why|what|how|who|where|when)\b",
        "YOUSTART": r"(?:you|your|you're|you've|u|ur)\b",
    },
    "ru": {
        "PLEASE_START": r"пожалуйста(?!\w)",
        "GREET": r"(?:здравствуй|добр(?:ый|ое|ого)|привет|уважаем)",
        "DEFER": r"(?:отлично|прекрасно|замечательно|хорошо|здорово)(?!\w)",
        "DIRECT": r"(?:так|и|но|а)(?!\w)",
        "DIRQ": r"(?:почему|зачем|что|как)(?!\w)",
        "YOUSTART": r"(?:вы|ты|ваш|твой)(?!\w)",
    },
    "az": {
        "PLEASE_START": r"(?:zəhmət olmasa|lütfən)(?!\w)",
        "GREET": r"(?:salam|hörmətli|xoş gördük|sabahınız)",
        "DEFER": r"(?:əla|çox yaxşı|gözəl|möhtəşəm)(?!\w)",
        "DIRECT": r"(?:və|amma|ancaq|yəni)(?!\w)",
        "DIRQ": r"(?:niyə|nə üçün|nə|necə)(?!\w)",
        "YOUSTART": r"(?:siz|sən|sizin|sənin)(?!\w)",
    },
}
"""Strategies of the 2013 paper that open a sentence (or a clause after ';' / ':')."""

_FIRST_PERSON = frozenset("i my me mine myself i'm i've i'd i'll".split())
_SECOND_PERSON = frozenset("you your yours yourself you're you've u ur".split())
_IMPERATIVES = frozenset(
    "show try read check look stop fix give post see add explain tell provide use make do don't go get "
    "put remove change edit learn google search note consider keep leave answer define clarify include "
    "let".split()
)
_NEGATIONS = frozenset("not no never nothing nobody none".split())
_WHATEVER = frozenset("anyway anyways whatever".split())
_COUNTERFACTUAL = frozenset(f"{m}_have" for m in ("would", "could", "should", "might")) | {"you_had", "i_had"}
_OBLIGE = frozenset(f"you_{m}" for m in ("should", "must", "need", "ought", "shouldn't", "mustn't"))
_DID_YOU = frozenset(f"{v}_you" for v in ("did", "have", "didn't", "haven't", "do", "don't"))
_SMILEY = re.compile(r"[:;]-?[)dp]|\(:")
_SMILEY_OPENINGS = ":;("
"""The characters a `_SMILEY` match opens with (`_has_smiley` tries it only there)."""
"""English strategies that need English word order or have no cue list in the other languages yet;
they are found from the words of each sentence, which the word features split anyway."""


_AZ_ASCII = {
    "ə": "[əe]",
    "ı": "[ıi]",
    "i": "[iı]",
    "ş": "(?:ş|sh?)",
    "ç": "(?:ç|ch?)",
    "ğ": "(?:ğ|gh?)",
    "ö": "[öo]",
    "ü": "[üu]",
}
"""Azerbaijani is often typed without its letters (tesekkur, zehmet olmasa); cues accept both. The
cue patterns have these letters only outside character classes."""


def _compile(cues: dict[str, str], lang: str) -> dict[str, re.Pattern[str]]:
    if lang == "az":
        cues = {name: _az_pattern(rx) for name, rx in cues.items()}
    return {name: re.compile(rx) for name, rx in cues.items()}


def _az_pattern(cue: str) -> str:
    """`cue` with `_AZ_ASCII`'s letters mapped; a top-level alternative that would open with a class
    (`[əe]sl…`) becomes one alternative per letter of it (`əsl…|esl…`).

    Why: `re` skips ahead in C only to where a pattern can start, and it knows that only when the
    pattern opens with a literal, a class, or alternatives that all open with literals; one class
    among them makes it try the pattern at every position. Same matches, in the same order.
    """
    alternatives = []
    for alternative in _top_level_alternatives(cue):
        opening = _AZ_ASCII.get(alternative[:1], "")
        rest = "".join(_AZ_ASCII.get(ch, ch) for ch in alternative[1:])
        if opening.startswith("["):
            alternatives += [letter + rest for letter in opening[1:-1]]
        else:
            alternatives.append("".join(_AZ_ASCII.get(ch, ch) for ch in alternative[:1]) + rest)
    return "|".join(alternatives)


def _top_level_alternatives(pattern: str) -> list[str]:
    r"""`pattern` split at each "|" outside parentheses and classes (cues escape no "(", "[" or "|")."""
    alternatives, depth, start = [], 0, 0
    for at, ch in enumerate(pattern):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "|" and not depth:
            alternatives.append(pattern[start:at])
            start = at + 1
    return [*alternatives, pattern[start:]]


_SHARED = {lang: _compile(cues, lang) for lang, cues in _SHARED_CUES.items()}
_SHARED_NEEDS = {rx: required_literals(rx.pattern) for cues in _SHARED.values() for rx in cues.values()}
"""Strings one of which each cue's matches contain: a text without them skips that cue's search."""
_LITERAL_CUES = frozenset(
    rx
    for cues in _SHARED.values()
    for rx in cues.values()
    if _SHARED_NEEDS[rx] == tuple(((alternative,),) for alternative in _top_level_alternatives(rx.pattern))
    and not any(ch in rx.pattern for ch in "\\[](){}.*+?^$")
)
"""Cues that are alternatives of plain strings (спасиб|благодар): their screen, one `in` test per
string, already says whether they match, so they are not searched again."""
_AFTER_A_WORD = r"\w[\s,]+"
"""How a cue that counts only inside a sentence ("…, пожалуйста") opens."""


def _inside_cue_parts(cue: str, lang: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    r"""A cue `\w[\s,]+WORD|OTHERS` as compiled WORD and OTHERS (None when the cue opens otherwise).

    The cue opens with `\w`, which `re` tries at almost every position; `_word_inside` finds WORD
    first and looks back from it instead (`_present` searches OTHERS as they are).
    """
    first, *others = _top_level_alternatives(cue)
    if not first.startswith(_AFTER_A_WORD):
        return None
    parts = {"word": first[len(_AFTER_A_WORD) :], "others": "|".join(others)}
    compiled = _compile({k: v for k, v in parts.items() if v}, lang)
    return compiled["word"], compiled.get("others")


_INSIDE_CUES = {
    _SHARED[lang][name]: parts
    for lang, cues in _SHARED_CUES.items()
    for name, cue in cues.items()
    if (parts := _inside_cue_parts(cue, lang))
}
r"""The cues that open with `\w[\s,]+`, as (the word after it, the other alternatives)."""
_OPENING = {lang: _compile(cues, lang) for lang, cues in _OPENING_CUES.items()}


@cache
def _opening_after_newline(lang: str) -> dict[str, re.Pattern[str]]:
    r"""The opening cues of `lang` after a "\n", to search the heads joined by "\n" in one call.

    `rx.match(head)` for some head is the same as this search in "\n" + "\n".join(heads): heads hold
    no "\n" (`_SENTENCE` splits at each), no cue matches a "\n", and the end of a head looks to a cue's
    `\b` or `(?!\w)` as "\n" does. The search skips ahead to each "\n" in C; one `match` per head
    and cue cost a Python-level call each. Compiled on first use (load time).
    """
    return {name: re.compile("\n *(?:" + rx.pattern + ")") for name, rx in _OPENING[lang].items()}


_MULTIPUNCT = re.compile(r"[!?][!?]+")
_CAPS = re.compile(r"[A-ZА-ЯƏİÖÜĞŞÇ](?<!\w[A-ZА-ЯƏİÖÜĞŞÇ])[A-ZА-ЯƏİÖÜĞŞÇ]{3,}\b")
"""A word of four or more capitals. This and the patterns below open with a character (word
boundaries and lookbehinds checked after it) so `re` can skip ahead instead of trying every position."""

_CODE = re.compile(r"`[^`\n]*+`|\$[^$\n]++\$")
"""Inline code and TeX formulas."""
_TOKEN_MARKS = ("://", "@", "www.", "<url>")
"""A whitespace-delimited token with one of these is a link, an e-mail address or an @user name."""
_IDENTIFIERS = re.compile(r"\b(?:\d[\d.,:/-]*+|[^\W_]*+(?:(?:_[^\W_]*+|\.[^\W_]++)++(?:\(\))?|\(\)))")
"""Numbers, dates and versions; identifiers, file names and calls (snake_case, a.b.c, f())."""
_IDENTIFIER_MARK = re.compile(r"[^\x00-'\x29-\x2d/:-^`-\u065f](?:(?<=[\d_])|(?<=\.)[^\W_]|(?<=\()\))")
r"""Where an `_IDENTIFIERS` match can start its mark (what every match contains): a digit, "_", "." before
a letter or digit, or "()"; same starts as `[\d_]|\.[^\W_]|\(\)`.

It opens with one class, so `re` skips ahead to it instead of trying `\b` at every position, and that
class is of ranges only: `0-9 _ . (` and everything from U+0660 up (no decimal digit lies between 9
and U+0660), written negated as it compiles fast. A `\d` in the class would cost a Unicode category
lookup per character (3× slower on the replies, and Cyrillic and Azerbaijani letters lie below U+0660);
the look-behinds after it keep only the real marks."""
_SPACE = re.compile(r"\s")
_NOT_SPACE = re.compile(r"\S*")

_WORD = re.compile(r"[a-z!?](?:(?<=[a-z])[a-z]*(?:'[a-z]+)?|(?<=[!?])[!?]*)")
"""A word (with one apostrophe part) or a run of ! and ?: the first character opens the pattern so `re`
skips ahead to it; the branches check which kind it was."""
_SENTENCE = re.compile(r"\s(?:(?<=[.!?;:]\s)\s*|(?<=\n)\n*)")
"""Spaces after . ! ? ; : or newlines: where a sentence (or clause) ends."""


def blank_names(text: str) -> str:
    """`text` with links, addresses, @user names, code, formulas and numbers replaced by spaces."""
    if "`" in text or "$" in text:
        text = _CODE.sub(" ", text)
    for mark in _TOKEN_MARKS:
        if mark in text:
            text = _blank_tokens_with(text, mark)
    return _blank_identifiers(text)


def _blank_identifiers(text: str) -> str:
    r"""`_IDENTIFIERS.sub(" ", text)`, trying the pattern only where a match can start.

    A match holds a mark (`_IDENTIFIER_MARK`) and what precedes its first mark is letters and digits
    (`[^\W_]`, which is `str.isalnum`). So with the first mark at `at`, a match can only start at
    the start of that run of letters and digits, or at `at`: inside the run there is no `\b`. Both
    tried in order and failing, the next match starts after `at`, like `sub`'s own scan.
    """
    parts, done = [], 0
    mark = _IDENTIFIER_MARK.search(text)
    while mark:
        at = start = mark.start()
        while start > done and text[start - 1].isalnum():
            start -= 1
        found = _IDENTIFIERS.match(text, start) or (start < at and _IDENTIFIERS.match(text, at))
        if found:
            parts += [text[done : found.start()], " "]
            done = found.end()
        mark = _IDENTIFIER_MARK.search(text, done if found else at + 1)
    return "".join(parts) + text[done:]


def _blank_tokens_with(text: str, mark: str) -> str:
    """`text` with every whitespace-delimited token that contains `mark` replaced by a space.

    Found from the mark outwards: a regex that tries every position costs ten times more.
    """
    parts, done = [], 0
    at = text.find(mark)
    while at >= 0:
        start = at
        while start > done and not _SPACE.match(text, start - 1):
            start -= 1
        end = _NOT_SPACE.match(text, at).end()  # type: ignore[union-attr]
        parts += [text[done:start], " "]
        done = end
        at = text.find(mark, end)
    return "".join(parts) + text[done:]


class _Cue(NamedTuple):
    """A shared cue with what `_shared_cues` needs of it, looked up once at import."""

    feature: str  # "S:" + its name
    pattern: re.Pattern[str]
    needs: Needs | None  # its screen (`_SHARED_NEEDS`)
    literal: bool  # the screen is the answer (`_LITERAL_CUES`)
    inside: tuple[re.Pattern[str], re.Pattern[str] | None] | None  # `_INSIDE_CUES`' parts


_SHARED_PLAN = {
    lang: tuple(
        _Cue("S:" + name, rx, _SHARED_NEEDS[rx], rx in _LITERAL_CUES, _INSIDE_CUES.get(rx))
        for name, rx in cues.items()
    )
    for lang, cues in _SHARED.items()
}
"""Each language's cues in `_SHARED` order with their screen and parts: a compiled pattern as a dict
key costs a hash of its whole code on every lookup (about 0.5 µs for these cues), so the per-text
loop looks nothing up by pattern."""


def _shared_cues(lang: str, folded: str) -> dict[str, float]:
    """The shared strategies of a Russian or Azerbaijani text, in cue order (1.0 each)."""
    return {
        cue.feature: 1.0
        for cue in _SHARED_PLAN[lang]
        if may_match(cue.needs, folded) and (cue.literal or _found_with(cue.pattern, cue.inside, folded))
    }


def _found(rx: re.Pattern[str], folded: str) -> bool:
    """Whether `rx` matches `folded`; a cue of `_INSIDE_CUES` is found from its word backwards."""
    return _found_with(rx, _INSIDE_CUES.get(rx), folded)


def _found_with(
    rx: re.Pattern[str], inside: tuple[re.Pattern[str], re.Pattern[str] | None] | None, folded: str
) -> bool:
    """`_found` with the cue's `_INSIDE_CUES` parts given (None: searched as it is)."""
    if inside is None:
        return rx.search(folded) is not None
    word, others = inside
    return bool(others and others.search(folded)) or _word_inside(word, folded)


def strategies(text: str, lang: str, rude: int) -> dict[str, float]:
    """Which shared strategies `text` uses (1.0 each), its punctuation and capitals, and `rude`.

    Args:
        text: the reply, names already blanked.
        lang: en, ru or az (others get the English cues, which rarely fire).
        rude: how many rude-lexicon words the text has.
    """
    folded = fold(text, lang)
    if lang in _SHARED:
        feats = _shared_cues(lang, folded)
    else:
        words = _WORD.findall(folded)
        feats = _english_shared(set(words), _pairs(words), folded)
    feats.update(_surface_lines(text, _cue_lines(folded), lang, rude))
    return feats


def _english_shared(words: set[str], pairs: set[str], folded: str) -> dict[str, float]:
    """The shared strategies of an English text, from its words and word pairs."""
    found = {name for name, cues in _ENGLISH_WORDS.items() if words & cues}
    found |= {name for name, cues in _ENGLISH_PAIRS.items() if pairs & cues}
    if "would it be" in folded:
        found.add("SUBJ")
    if "please" in words and _please_inside(folded):
        found.add("PLEASE")
    return {"S:" + name: 1.0 for name in found}


def _please_inside(folded: str) -> bool:
    """Whether `_ENGLISH_PLEASE` matches `folded`."""
    return _word_inside(_PLEASE_WORD, folded)


def _word_inside(word: re.Pattern[str], folded: str) -> bool:
    r"""Whether `\w[\s,]+` followed by `word` matches `folded`, found from each match of `word` backwards.

    Its `[\s,]+` is the whole run of spaces and commas before the word (a `\w` is neither), so a
    match is a word whose run is not empty and follows a `\w` (`\s` is `str.isspace`, `\w` is
    `str.isalnum` or "_"). Each start of `word` is tried, overlapping ones too. The pattern itself
    opens with `\w`, which `re` would try at almost every position.
    """
    found = word.search(folded)
    while found:
        at = start = found.start()
        while start > 0 and (folded[start - 1].isspace() or folded[start - 1] == ","):
            start -= 1
        if 0 < start < at and (folded[start - 1].isalnum() or folded[start - 1] == "_"):
            return True
        found = word.search(folded, at + 1)
    return False


def _cue_lines(folded: str) -> str:
    r"""A "\n" before each sentence head of `folded`, for `_opening_after_newline`'s patterns: the same
    search results as "\n" + "\n".join of the heads `_SENTENCE.split` gives, mostly without it.

    When " " and "\n" are the only spaces, a sentence ends at a "\n" or at a space after . ! ? ; :
    and `str.replace` puts a "\n" there; the head is then the rest of the line after the spaces the
    patterns' " *" skips. Lines that are only spaces give no match; no cue matches a "\n" or ends in
    a space, so the end of a head looks to `\b` or `(?!\w)` the same. `str.isprintable` is false for
    every other space (and for a few other characters, which take the split too): one C pass. The
    split costs about twice as much.
    """
    if not folded.replace("\n", "").isprintable():
        return "\n" + "\n".join(map(str.lstrip, _SENTENCE.split(folded)))
    for mark in ".!?;:":
        folded = folded.replace(mark + " ", mark + "\n")
    return "\n" + folded


def _surface(text: str, heads: list[str], lang: str, rude: int) -> dict[str, float]:
    """Sentence openers of the shared strategies, !!/??, capitals, question marks, rude words."""
    return _surface_lines(text, "\n" + "\n".join(heads), lang, rude)


def _surface_lines(text: str, lines: str, lang: str, rude: int) -> dict[str, float]:
    """`_surface` with the heads given as `lines`, each after a "\n" (`_cue_lines`)."""
    feats = {}
    for name, rx in _opening_after_newline(lang if lang in _OPENING else "en").items():
        if rx.search(lines):
            feats["S:" + name] = 1.0
    if _has_multipunct(text):
        feats["S:MULTIPUNCT"] = 1.0
    if _CAPS.search(text):
        feats["S:CAPS"] = 1.0
    questions = text.count("?")
    if questions:
        feats["S:QUESTION"] = 1.0
    if questions > 1:
        feats["S:QUESTIONS"] = 1.0
    if rude:
        feats["S:RUDE"] = float(min(rude, 3))
    return feats


def _has_multipunct(text: str) -> bool:
    """Whether `_MULTIPUNCT` matches `text` (two of ! and ? in a row), by four `in` tests that run in
    C without the regex's per-character class check (about 40 % less time on the replies)."""
    return "!!" in text or "??" in text or "!?" in text or "?!" in text


def _pairs(words: list[str]) -> set[str]:
    return {f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)}


def strategy_features(text: str, lang: str, rude: int) -> dict[str, float]:
    """The strategy model's input: shared strategies and a bias, L2-normalised."""
    feats = strategies(blank_names(text), lang, rude)
    feats["S:BIAS"] = 1.0
    return normalised(feats)


def _openers(sentences: list[tuple[list[str], bool]], feats: dict[str, float]) -> None:
    """How each sentence starts ("^why", "^could_you") and which word opens a question ("Q:why")."""
    for words, question in sentences:
        feats["^" + words[0]] = 1.0
        if len(words) > 1:
            feats[f"^{words[0]}_{words[1]}"] = 1.0
        if question:
            feats["Q:" + words[0]] = 1.0


def _english_strategies(
    sentences: list[tuple[list[str], bool]], pairs: set[str], low: str, feats: dict[str, float],
    every_word: set[str] | None = None, words: list[str] | None = None,
) -> None:
    """The English-only strategies, from the words of each sentence and the word pairs of the text.

    `every_word` (the set of all words) and `words` (all words in order) are passed when the caller
    has them. Whether a word occurs after the start of a sentence is read from counts, not from a set
    of every sentence's other words: it does iff it occurs more often in all words than among the
    sentences' first words, and only the few first- and second-person words present are counted.
    """
    first_words = [sentence_words[0] for sentence_words, _ in sentences]
    firsts = set(first_words)
    if words is None:
        words = list(chain.from_iterable([sentence_words for sentence_words, _ in sentences]))
    if every_word is None:
        every_word = set(words)
    found = {
        "E:FIRST_START": not firsts.isdisjoint(_FIRST_PERSON),
        "E:FIRST": _after_a_start(every_word & _FIRST_PERSON, words, first_words),
        "E:SECOND": _after_a_start(every_word & _SECOND_PERSON, words, first_words),
        "E:IMPERATIVE": not firsts.isdisjoint(_IMPERATIVES),
        "E:WHY": "why" in every_word,
        "E:NEGATION": not every_word.isdisjoint(_NEGATIONS) or "n't" in low,
        "E:WHATEVER": not every_word.isdisjoint(_WHATEVER),
        "E:BTW": "btw" in every_word or "by the way" in low,
        "E:COUNTERFACTUAL": not pairs.isdisjoint(_COUNTERFACTUAL),
        "E:OBLIGE": not pairs.isdisjoint(_OBLIGE),
        "E:DID_YOU": not pairs.isdisjoint(_DID_YOU),
        "E:SMILEY": _has_smiley(low),
        "E:EXCLAIM": "!" in low,
    }
    feats.update({name: 1.0 for name, yes in found.items() if yes})


def _after_a_start(candidates: set[str], words: list[str], first_words: list[str]) -> bool:
    """Whether one of `candidates` occurs in `words` other than as a sentence's first word."""
    return any(words.count(word) > first_words.count(word) for word in candidates)


def _has_smiley(low: str) -> bool:
    """Whether `_SMILEY` matches `low`, tried only where one of its opening characters stands.

    The pattern opens with a class and a literal in two alternatives, so `re` would try it at every
    position; `str.find` skips to those few characters in C.
    """
    for opening in _SMILEY_OPENINGS:
        at = low.find(opening)
        while at >= 0:
            if _SMILEY.match(low, at):
                return True
            at = low.find(opening, at + 1)
    return False


def english_features(
    text: str, valence: dict[str, float], rude: int, known: Callable[[str], bool]
) -> dict[str, float]:
    """Words, word pairs, openers, strategies and sentiment of English `text`, L2-normalised.

    Args:
        text: the reply.
        valence: word → VADER valence (-4 … 4).
        rude: how many rude-lexicon words the text has.
        known: keeps only the features the model has weights for, so that words it never saw do
            not shrink the others through the normalisation (the trainer filters the same way).
    """
    return normalised({k: v for k, v in english_raw(text, valence, rude).items() if known(k)})


def english_raw(text: str, valence: dict[str, float], rude: int) -> dict[str, float]:
    """Every English feature of `text`, before filtering and normalisation (the trainer's input)."""
    return {k: v for k, v in english_unfiltered(text, valence, rude).items() if v}


class EnglishText(NamedTuple):
    """What the English features are read from: the blanked text, its folded form, its sentences
    (words, ends with "?"), their stripped heads, all words in order and the set of word pairs."""

    plain: str
    low: str
    sentences: list[tuple[list[str], bool]]
    heads: list[str]
    words: list[str]
    pairs: set[str]


def english_text(text: str) -> EnglishText:
    """Splits `text` once, for both the feature dict (trainer) and the fused scorer (tone.py)."""
    plain = blank_names(text)
    low = fold(plain, "en")
    pieces = _SENTENCE.split(low)
    word_lists = list(map(_WORD.findall, pieces))  # C-level calls: no Python loop over the pieces
    sentences = [
        (words, piece.rstrip().endswith("?"))
        for words, piece in zip(word_lists, pieces, strict=True)
        if words
    ]
    words = list(chain.from_iterable(word_lists))
    return EnglishText(plain, low, sentences, list(map(str.lstrip, pieces)), words, _pairs(words))


def english_context(parts: EnglishText, rude: int) -> dict[str, float]:
    """The English features other than words, word pairs and valences: openers and strategies,
    in the order `english_unfiltered` inserts them."""
    feats: dict[str, float] = {}
    _openers(parts.sentences, feats)
    feats.update(english_cues(parts, rude))
    return feats


def english_cues(parts: EnglishText, rude: int) -> dict[str, float]:
    """`english_context` after its openers: the strategies ("S:", "E:"), in its order. The scorer
    looks the openers up by word instead (tone.py), without a "^word" string per sentence."""
    feats: dict[str, float] = {}
    every_word = set(parts.words)
    feats.update(_english_shared(every_word, parts.pairs, parts.low))
    feats.update(_surface(parts.plain, parts.heads, "en", rude))
    _english_strategies(parts.sentences, parts.pairs, parts.low, feats, every_word, parts.words)
    return feats


_ZERO = 0.0
"""`_ZERO.__lt__(v)` is `v > 0`: a filter that runs in C."""


def valence_features(words: list[str], valence: dict[str, float]) -> dict[str, float]:
    """VADER sentiment of the words: positive and negative sums, extremes (scaled by 1/4).

    The lookups and filters run as C calls (`map`, `filter`), summing the same values in the same
    order as a loop over the words would, so the same floats. Only the words with a valence other
    than 0 are kept (about one in seven): the others add nothing to the sums, and when there are any
    they only bring the extremes to 0.0, which `min`/`max` with 0.0 does.
    """
    vals = list(filter(None, map(valence.get, words)))
    lowest, highest = min(vals, default=0.0), max(vals, default=0.0)
    if len(vals) < len(words):  # a word without a valence counted as 0.0
        lowest, highest = min(lowest, 0.0), max(highest, 0.0)
    return {
        "V:POS": sum(filter(_ZERO.__lt__, vals)) / 4,
        "V:NEG": sum(filter(_ZERO.__gt__, vals)) / 4,
        "V:MIN": lowest / 4,
        "V:MAX": highest / 4,
    }


def english_unfiltered(text: str, valence: dict[str, float], rude: int) -> dict[str, float]:
    """`english_raw` with its zero-valued sentiment features left in (they add nothing to a dot product).

    Key order (the order of the dot product's sum): words by first occurrence, the pair set's own
    order, then `english_context`, then valences; the four groups have disjoint prefixes.
    """
    parts = english_text(text)
    feats: dict[str, float] = {f"u:{w}": 1.0 for w in parts.words}
    feats.update({f"b:{pair}": 1.0 for pair in parts.pairs})
    feats.update(english_context(parts, rude))
    feats.update(valence_features(parts.words, valence))
    return feats


def normalised(feats: dict[str, float]) -> dict[str, float]:
    """`feats` scaled to unit length, so long and short texts weigh alike."""
    norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
    return {k: v / norm for k, v in feats.items()}
