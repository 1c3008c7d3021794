"""Provides the 21 politeness strategies of Danescu-Niculescu-Mizil et al. (2013), per sentence, in English.

The paper found its strategies on Stanford dependency parses of each sentence of a request, with
token positions counted from 1 in each sentence ("start" = the sentence's first token); a request
has a strategy when one of its sentences does. No parser is available offline, so the relations are
approximated from token positions:

- Hedges (a hedge verb or adjective governing a subject: "I think", "it seems", "it is likely") =
  a hedge verb or adjective with a subject pronoun among the three tokens before it, no punctuation
  between. Misses noun subjects ("the article seems"), counts a pronoun that is an object.
- Gratitude's "I appreciate" and Apologizing's "I apologize" (subject relations) = "i" among the
  three tokens before the verb; "excuse me" / "forgive me" (object relations) = adjacent words.
- Factuality's "in fact" (prep_in) and "the point/reality/truth" (det) = adjacent words.
- Indirect (btw) (prep_by with "way" at position 3) = a sentence opening with "by the way".
- Tokens follow the Penn Treebank convention of the paper's tokenizer for the cues that need it:
  contractions are split ("I'm" gives "i", "don't" gives "do" and "n't"), punctuation is a token.
  Leading punctuation is skipped before taking the first token (the paper's parses leave
  punctuation out of relations, so a sentence opening with a quote had no start strategy there).
- The positive and negative lexicons of the paper are Liu & Hu's opinion lexicon, which has no
  licence; VADER's valences (MIT) stand in: words above 0 are positive, below 0 negative.
- The hedge list is the paper's list as published; its multi-word entries ("in my opinion") never
  matched there (unigrams were compared with the list), so they are left out here too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

HEDGE_WORDS = frozenset(
    """
    think thought thinking almost apparent apparently appear appeared appears approximately around assume
    assumed claim claimed claims doubt doubtful essentially estimate estimated feel felt feels frequently
    generally guess indicate indicated indicates largely likely mainly may maybe might mostly often ought
    perhaps plausible plausibly possible possibly postulate postulated postulates presumable presumably
    probable probably relatively roughly seems should sometimes somewhat suggest suggested suggests suppose
    supposed supposes suspect suspects typical typically uncertain uncertainly unclear unclearly unlikely
    usually broadly fairly quite rather argue argues argued
    """.split()
)
"""HASHEDGE: the paper's hedge words (any of them anywhere in the request)."""

_HEDGE_HEADS = HEDGE_WORDS - frozenset(
    """
    almost apparently approximately around essentially frequently generally largely mainly may maybe might
    mostly often ought perhaps plausibly possibly presumably probably relatively roughly should sometimes
    somewhat typically uncertainly unclearly usually broadly fairly quite rather
    """.split()
)
"""Hedge words that can govern a subject (verbs, and adjectives after a copula); adverbs and modals cannot."""

_SUBJECTS = frozenset("i we you he she it they this that there which who".split())
_FIRST = frozenset("i my mine myself".split())
_SECOND = frozenset("you your yours yourself".split())
_PLURAL = frozenset("we our us ourselves".split())
_DEFERENCE = frozenset("great good nice interesting cool excellent awesome".split())
_GREETING = frozenset("hi hello hey".split())
_QUESTION = frozenset("what why who how".split())
_CONJUNCTION = frozenset("so then and but or".split())
_FACT_WORDS = frozenset("really actually honestly surely".split())
_FACT_NOUNS = frozenset("point reality truth".split())
_APOLOGY_WORDS = frozenset("sorry woops oops".split())
_I = frozenset({"i"})

NAMES = (
    "please",
    "please_start",
    "hashedge",
    "btw",
    "hedges",
    "factuality",
    "deference",
    "gratitude",
    "apologizing",
    "first_plural",
    "first",
    "first_start",
    "second",
    "second_start",
    "greeting",
    "direct_question",
    "direct_start",
    "positive",
    "negative",
    "subjunctive",
    "indicative",
)
"""The strategies in the order of the paper's code; Table 3 calls subjunctive and indicative the
counterfactual and indicative modal."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_TOKEN = re.compile(r"[a-z]+(?=n't\b)|n't\b|'[a-z]+|[a-z]+|\d+|[^\sa-z\d]")
_SUBJUNCTIVE = re.compile(r"\b(?:could|would) you")
_INDICATIVE = re.compile(r"\b(?:can|will) you")


def tokens(sentence: str) -> list[str]:
    """The tokens of one lower-cased sentence, leading punctuation dropped."""
    found = _TOKEN.findall(sentence)
    start = 0
    while start < len(found) and not found[start][0].isalnum():
        start += 1
    return found[start:]


def _subject_before(tokens: list[str], at: int, subjects: frozenset[str]) -> bool:
    """Whether a subject word stands among the three tokens before `at`, with no punctuation between."""
    for j in range(at - 1, max(-1, at - 4), -1):
        token = tokens[j]
        if token in subjects:
            return True
        if not token[0].isalnum() and token[0] != "'" and token != "n't":
            return False
    return False


def sentence_strategies(tokens: list[str], text: str, lexicon: Mapping[str, float]) -> set[str]:
    """The strategies one sentence uses, from its tokens and its lower-cased text."""
    found: set[str] = set()
    head, rest = tokens[0], tokens[1:]
    words = set(tokens)
    later = set(rest)
    if "please" in later:
        found.add("please")
    if head == "please":
        found.add("please_start")
    if words & HEDGE_WORDS:
        found.add("hashedge")
    if tokens[:3] == ["by", "the", "way"]:
        found.add("btw")
    if words & _HEDGE_HEADS and any(
        t in _HEDGE_HEADS and _subject_before(tokens, i, _SUBJECTS) for i, t in enumerate(tokens)
    ):
        found.add("hedges")
    if words & _FACT_WORDS or _adjacent(tokens, {"in"}, {"fact"}) or _adjacent(tokens, {"the"}, _FACT_NOUNS):
        found.add("factuality")
    if head in _DEFERENCE:
        found.add("deference")
    if any(t.startswith("thank") for t in tokens) or _after_i(tokens, "appreciate"):
        found.add("gratitude")
    if (
        words & _APOLOGY_WORDS
        or _adjacent(tokens, {"excuse", "forgive"}, {"me"})
        or _after_i(tokens, "apologize")
        or _after_i(tokens, "apologise")
    ):
        found.add("apologizing")
    if words & _PLURAL:
        found.add("first_plural")
    if later & _FIRST:
        found.add("first")
    if head in _FIRST:
        found.add("first_start")
    if later & _SECOND:
        found.add("second")
    if head in _SECOND:
        found.add("second_start")
    if head in _GREETING:
        found.add("greeting")
    if set(tokens[:2]) & _QUESTION:
        found.add("direct_question")
    if head in _CONJUNCTION:
        found.add("direct_start")
    values = [lexicon.get(t, 0.0) for t in words]
    if any(v > 0 for v in values):
        found.add("positive")
    if any(v < 0 for v in values):
        found.add("negative")
    if "you" in text:
        if _SUBJUNCTIVE.search(text):
            found.add("subjunctive")
        if _INDICATIVE.search(text):
            found.add("indicative")
    return found


def _adjacent(tokens: list[str], first: set[str] | frozenset[str], second: set[str] | frozenset[str]) -> bool:
    return any(a in first and b in second for a, b in zip(tokens, tokens[1:], strict=False))


def _after_i(tokens: list[str], verb: str) -> bool:
    return verb in tokens and any(t == verb and _subject_before(tokens, i, _I) for i, t in enumerate(tokens))


def split_sentences(low: str) -> list[str]:
    """The sentences of a request (after . ! ? and at line breaks, as the paper's splitter roughly did)."""
    return _SENTENCE.split(low)


def strategies(low: str, lexicon: Mapping[str, float]) -> set[str]:
    """The strategies of a lower-cased request: those of any of its sentences.

    Args:
        low: the request, lower-cased (names of things may be blanked).
        lexicon: word -> sentiment valence; positive and negative words are those above and below 0.
    """
    found: set[str] = set()
    for sentence in split_sentences(low):
        words = tokens(sentence)
        if words:
            found |= sentence_strategies(words, sentence, lexicon)
    return found
