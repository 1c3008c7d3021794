"""Provides the lexicons: per-language TOML files compiled into regexes indexed by their first word.

Who calls it: the rule modules. Loading parses the files and indexes every entry by its first word;
an entry's regex is built and compiled the first time a rule needs it (`Category.pattern`), because
compiling all ~3,700 took seconds and a reply needs a few dozen. A broken `re:` entry raises
`LexiconError` naming it then, or from `validation.validate` (`supportterm check --validate`). The files
in `lexicons/` are meant to be edited by a support team; docs/politeness.md describes the format.

Entry syntax (matched on folded text, see `folding.fold`):
- words separated by spaces match words separated by spaces or light punctuation;
- `word*` matches any ending ("idiot*" matches "idiots"); `a|b` inside a word gives alternatives;
- `_` stands for any one word and `...` for up to four words;
- `{a b|c d}` gives alternative phrases ("{you are|you're} wrong");
- an entry starting with `re:` is a raw regular expression; start it (after any lookbehinds) with a
  literal word or `(?:word|word)` so it can be indexed, otherwise it is tried at every position;
- an inline table `{ match = "...", suggest = "...", message = "..." }` adds a rewrite or a message.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from .folding import fold, replace_all

LANGUAGES = ("en", "ru", "az", "de", "fr")
"""Languages that ship a lexicon file."""

_GAP = r"[^\w\n.!?]+"
_PUNCTUATION_TOKENS = frozenset({",", ";", ":", "—", "–", "-"})
"""Tokens that the gap between words already allows."""
_FEW_WORDS = r"(?:[\w'-]+[^\w\n.!?]+){0,4}"
_TOKEN = re.compile(r"\{[^}]*\}|\S+")
_WORDS = re.compile(r"[\w']+")
_STARTERS_LIMIT = 4096
"""First words a category remembers for `Category.starts` before it starts over."""
_SKELETONS = {"az": tuple(zip("əışçğöü", "eiscgou", strict=True))}
"""Azerbaijani words are looked up without their special letters, as they are often typed."""
_AZ_CLASSES = {
    "ı": "[ıi]",
    "i": "[iı]",
    "ə": "[əe]",
    "ü": "[üu]",
    "ö": "[öo]",
    "ç": "[çc]",
    "ş": "[şs]",
    "ğ": "[ğg]",
}
"""Azerbaijani is often typed without its letters; each matches its ASCII stand-in too."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry: what to say and what to suggest when it matches."""

    source: str
    """The entry as written in the file (shown in tests and reports)."""
    message: str | None
    """A message that overrides the category's default."""
    suggest: str | None
    """A rewrite of the matched text, or None when the text should simply go."""


class LexiconError(ValueError):
    """A lexicon entry whose regular expression does not compile, named so a team can find and fix it."""


@dataclass(frozen=True, slots=True)
class Category:
    """A category of one language, indexed by the first word of each entry.

    A check looks every word of the text up in `exact` and `prefixes` and runs only the regexes
    of entries that can start there; one big alternation tried at every position was 10× slower.
    Each regex is compiled the first time it is needed (`pattern`): compiling all ~3,700 entries
    when the checker loaded took seconds, and a reply needs a few dozen of them.
    """

    entries: tuple[Entry, ...]
    exact: dict[str, tuple[int, ...]]
    prefixes: dict[str, tuple[int, ...]]
    prefix_lengths: tuple[int, ...]
    scan_source: str | None
    """Entries without a literal first word (raw regexes, `_`), as one alternation (`scan`)."""
    scan_ids: tuple[int, ...]
    message: str
    lang: str
    name: str = "?"
    compiled: dict[int | str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)
    """Patterns compiled so far: entry index, or "scan" / "whole" for the alternations."""
    regexes: dict[int, str] = field(default_factory=dict, repr=False, compare=False)
    """Regex sources built so far, by entry index."""
    starters: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict, repr=False, compare=False)
    """Per first word seen by `starts`: the compiled entries it can start (a few words per reply recur)."""

    def source(self, i: int) -> str:
        """The regex source of entry `i` (`entry_regex`), built on first use like its pattern."""
        found = self.regexes.get(i)
        if found is None:
            found = self.regexes[i] = entry_regex(self.entries[i].source, self.lang)
        return found

    def pattern(self, i: int) -> re.Pattern[str]:
        """The compiled regex of entry `i`; a `LexiconError` names the entry when it does not compile."""
        found = self.compiled.get(i)
        if found is None:
            try:
                found = re.compile(self.source(i))
            except re.error as exc:
                raise LexiconError(
                    f"{self.lang}.toml [{self.name}] entry {i + 1} {self.entries[i].source!r}: {exc}"
                ) from exc
            self.compiled[i] = found
        return found

    @property
    def scan(self) -> re.Pattern[str] | None:
        """The entries without a literal first word as one alternation (None when there are none)."""
        found = self.compiled.get("scan")
        if found is None and self.scan_source is not None:
            found = self._alternation("scan", self.scan_source, self.scan_ids)
        return found

    @property
    def whole(self) -> re.Pattern[str] | None:
        """Every entry as one alternation, for `fullmatch` (signature lines are checked whole)."""
        found = self.compiled.get("whole")
        if found is None and self.entries:
            ids = tuple(range(len(self.entries)))
            found = self._alternation("whole", "|".join(f"(?:{self.source(i)})" for i in ids), ids)
        return found

    def _alternation(self, key: str, source: str, ids: tuple[int, ...]) -> re.Pattern[str]:
        """Compile an alternation of entries `ids` and remember it as `key`; a `LexiconError` names the
        entry at fault, or the category when the entries compile alone but not together."""
        try:
            found = re.compile(source)
        except re.error as exc:
            for i in ids:
                self.pattern(i)  # raises for the entry at fault
            raise LexiconError(f"{self.lang}.toml [{self.name}]: entries do not combine: {exc}") from exc
        self.compiled[key] = found
        return found

    def validate(self) -> list[LexiconError]:
        """Compile every entry and alternation now; the errors, one per entry that does not compile."""
        errors = []
        for i in range(len(self.entries)):
            try:
                self.pattern(i)
            except LexiconError as exc:
                errors.append(exc)
        if not errors:
            try:
                self.scan, self.whole  # noqa: B018 (compiled for the check they make)
            except LexiconError as exc:
                errors.append(exc)
        return errors

    def finditer(self, folded: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) for every match in `folded` text.

        A category with exact keys only (no prefix keys, no unindexed entries) can match only at a word
        whose skeleton is a key: when no word is, one `findall` and a set test in C say so, instead of a
        lookup per word in Python (each skeleton letter is one word letter, so the words are the same).
        """
        if self.scan_source is None and not self.prefix_lengths:
            skeleton = _SKELETONS.get(self.lang)
            keyed = replace_all(folded, skeleton) if skeleton else folded
            if self.exact.keys().isdisjoint(_WORDS.findall(keyed)):
                return []
        out = []
        for m in _WORDS.finditer(folded):
            for i in self._ids(m.group()):
                hit = self.pattern(i).match(folded, m.start())
                if hit:
                    out.append((hit.start(), hit.end(), self.entries[i]))
        scan = self.scan
        if scan is not None:
            for hit in scan.finditer(folded):
                out.append(
                    (hit.start(), hit.end(), self.entries[self.scan_ids[int((hit.lastgroup or "g0")[1:])]])
                )
        return out

    def starts(self, folded: str) -> bool:
        """True when `finditer` would find a match at offset 0 (a greeting or closing line).

        Only the first word can start a match there, so the other words are not looked up; the patterns
        a first word can start are remembered (`starters`): looking the word up and fetching each pattern
        was about half the cost of a call, and replies open their lines with a few words.
        """
        first = _WORDS.match(folded)
        if first is not None:
            word = first.group()
            patterns = self.starters.get(word)
            if patterns is None:
                if len(self.starters) >= _STARTERS_LIMIT:
                    self.starters.clear()
                patterns = self.starters[word] = tuple(map(self.pattern, self._ids(word)))
            for pattern in patterns:
                if pattern.match(folded) is not None:
                    return True
        scan = self.scan
        return scan is not None and scan.match(folded) is not None

    def _ids(self, word: str) -> tuple[int, ...]:
        """Entries that can start with `word` (by its skeleton in Azerbaijani), each once."""
        skeleton = _SKELETONS.get(self.lang)
        word = replace_all(word, skeleton) if skeleton else word
        ids = self.exact.get(word, ())
        for n in self.prefix_lengths:
            if n <= len(word):
                ids += self.prefixes.get(word[:n], ())
        return tuple(dict.fromkeys(ids)) if len(ids) > 1 else ids

    def fullmatch(self, folded: str) -> bool:
        """True when the whole of `folded` is one entry."""
        whole = self.whole
        return whole is not None and whole.fullmatch(folded) is not None


def _word(token: str, lang: str) -> str:
    """The regex for one word of an entry."""
    if token == "_":
        return r"[\w'-]+"
    alts = []
    for alt in token.split("|"):
        stem, wild = (alt[:-1], r"[\w'-]*") if alt.endswith("*") else (alt, "")
        esc = re.escape(stem)
        if lang == "az":
            esc = "".join(_AZ_CLASSES.get(ch, ch) for ch in esc)
        alts.append(esc + wild)
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _phrase(tokens: list[str], lang: str) -> str:
    """The regex of a sequence of entry words, joined by light punctuation or spaces.

    A bare "," between words is what the gap allows anyway, so it is dropped; "{a|b}?" makes the
    braced phrase optional ("вы {явно|опять}? что-то сломали").
    """
    parts: list[str] = []
    open_gap = False  # the last part is a leading optional word that holds its own gap after it
    for token in tokens:
        if token in _PUNCTUATION_TOKENS:
            continue
        if token == "?" or (token.endswith("}?") and token.startswith("{")):
            if token == "?":
                if len(parts) >= 2 and parts[-2] == _GAP:
                    parts[-2:] = ["(?:" + _GAP + parts[-1] + ")?"]
                elif len(parts) == 1 or open_gap:
                    parts[-1] = "(?:" + parts[-1] + _GAP + ")?"  # "{ваше}? пятое письмо": leading, gap inside
                    open_gap = True
                continue
            token = token[:-1]
            optional = True
        else:
            optional = False
        gap = _GAP if parts and parts[-1] != _FEW_WORDS and not open_gap else ""
        open_gap = False
        if token == "...":
            part = _FEW_WORDS
        elif token.startswith("{") and token.endswith("}"):
            alts = [_phrase(alt.split(), lang) for alt in token[1:-1].split("|")]
            part = "(?:" + "|".join(alts) + ")"
        else:
            part = _word(token, lang)
        if optional:
            parts.append("(?:" + gap + part + ")?")
        else:
            parts += [gap, part] if gap else [part]
    return "".join(parts)


def entry_regex(source: str, lang: str) -> str:
    """The regex source for one lexicon entry, with Unicode word boundaries."""
    if source.startswith("re:"):
        return _ascii_tolerant(source[3:]) if lang == "az" else source[3:]
    tokens = _TOKEN.findall(fold(source, lang))
    return r"(?<![\w'])" + _phrase(tokens, lang) + r"(?![\w])"


def _ascii_tolerant(regex: str) -> str:
    """A raw Azerbaijani regex whose literal letters also match their ASCII stand-ins (ə → [əe]).

    Why: replies are often typed without the Azerbaijani letters ("gunah sizdedir"); phrase entries
    allow that letter by letter, and the word index already finds raw entries by their ASCII skeleton,
    so raw entries must match it too. Letters after a backslash (\\s, \\w) and inside [...] stay as written.
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in regex:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif in_class:
            out.append(ch)
            in_class = ch != "]"
        elif ch == "[":
            out.append(ch)
            in_class = True
        else:
            out.append(_AZ_CLASSES.get(ch, ch))
    return "".join(out)


def _entry(raw: object) -> Entry:
    if isinstance(raw, str):
        return Entry(raw, None, None)
    if isinstance(raw, dict) and isinstance(raw.get("match"), str):
        return Entry(raw["match"], raw.get("message"), raw.get("suggest"))
    raise ValueError(f"lexicon entry must be a string or {{match = ...}}: {raw!r}")


def _anchors(token: str, lang: str) -> tuple[list[str], list[str]] | None:
    """(exact words, prefixes) an entry can start with, or None when it can start anywhere."""
    exact: list[str] = []
    prefixes: list[str] = []
    if token.startswith("{") and token.endswith("}"):
        for alt in token[1:-1].split("|"):
            words = _TOKEN.findall(alt)
            sub = _anchors(words[0], lang) if words else None
            if sub is None:
                return None
            exact += sub[0]
            prefixes += sub[1]
        return exact, prefixes
    skeleton = _SKELETONS.get(lang)
    for alt in token.split("|"):
        run = _WORDS.match(alt)
        if run is None or alt in ("_", "..."):
            return None
        key = replace_all(run.group(), skeleton) if skeleton else run.group()
        (prefixes if alt.endswith("*") and run.end() == len(alt) - 1 else exact).append(key)
    return exact, prefixes


def _leading_anchors(tokens: list[str], lang: str) -> tuple[list[str], list[str]] | None:
    """`_anchors` of an entry's first word, and of the words after it while it is optional ("{ваше}? пятое
    письмо" starts with "ваше" or "пятое"); None when the entry can start anywhere."""
    exact: list[str] = []
    prefixes: list[str] = []
    at = 0
    while at < len(tokens):
        found = _anchors(tokens[at], lang)
        if found is None:
            return None
        exact += found[0]
        prefixes += found[1]
        if at + 1 >= len(tokens) or tokens[at + 1] != "?":
            return exact, prefixes
        at += 2
    return None  # every word optional: it can start anywhere


_LEADING_LOOKBEHIND = re.compile(r"\(\?<[!=][^()]*\)")
_LITERAL_ALTS = re.compile(r"\(\?:([\w'|]+)\)(?![*+?{])|([\w']+)(?![\w'*+?{\\\[])")


_WORD_GOES_ON = re.compile(r"\\w[*+]|\[\\w[^\]]*\][*+]")
r"""After the opening words, `\w*`, `\w+` or a class holding `\w` (`[\w-]*`): the words are stems."""


def _raw_anchors(regex: str) -> tuple[list[str], list[str]] | None:
    r"""Words a raw-regex entry starts with, when it opens (after lookbehinds) with literal words: exact
    words, or stems when the regex lets the word go on (`(?:гениальн|блестящ)\w*`, indexed as prefixes;
    as exact words they were never looked up, so the entry silently never matched)."""
    while (m := _LEADING_LOOKBEHIND.match(regex)) is not None:
        regex = regex[m.end() :]
    m = _LITERAL_ALTS.match(regex)
    if m is None:
        return None
    words = (m.group(1) or m.group(2)).split("|")
    if _WORD_GOES_ON.match(regex, m.end()):
        return [], words
    return words, []


def compile_category(raw: dict[str, object], lang: str, default_message: str, name: str = "?") -> Category:
    """Index one `[category]` table of a lexicon file; its regexes compile on use (`name` names errors)."""
    items = raw.get("entries", [])
    if not isinstance(items, list):
        raise ValueError("'entries' must be a list")
    entries = tuple(_entry(item) for item in items)
    exact: dict[str, tuple[int, ...]] = {}
    prefixes: dict[str, tuple[int, ...]] = {}
    scan_ids: list[int] = []
    for i, entry in enumerate(entries):
        if entry.source.startswith("re:"):
            found = _raw_anchors(entry.source[3:])
            skeleton = _SKELETONS.get(lang)
            if found is not None and skeleton:
                # Words are looked up by their skeleton (sözü → sozu), so index raw anchors the same way.
                found = ([replace_all(w, skeleton) for w in found[0]], found[1])
        else:
            found = _leading_anchors(_TOKEN.findall(fold(entry.source, lang)), lang)
        if found is None:
            scan_ids.append(i)
            continue
        for key in found[0]:
            exact[key] = exact.get(key, ()) + (i,)
        for key in found[1]:
            prefixes[key] = prefixes.get(key, ()) + (i,)
    scan = "|".join(f"(?P<g{n}>{entry_regex(entries[i].source, lang)})" for n, i in enumerate(scan_ids))
    message = raw.get("message", default_message)
    return Category(
        entries,
        exact,
        prefixes,
        tuple(sorted({len(k) for k in prefixes})),
        scan or None,
        tuple(scan_ids),
        message if isinstance(message, str) else default_message,
        lang,
        name,
    )


@functools.cache
def load_raw(lang: str) -> dict[str, dict[str, object]]:
    """The parsed TOML of one language's lexicon (empty when the language has none).

    Parsed once: the lexicons, the signature and the figure rules all read it, and parsing the three
    big files took about 40 ms. Callers only read the tables.
    """
    if lang not in LANGUAGES:
        return {}
    data = resources.files(__package__).joinpath("lexicons", f"{lang}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def load(lang: str, defaults: dict[str, str]) -> dict[str, Category]:
    """Every category of `lang`, compiled; `defaults` gives each category's default message."""
    raw = load_raw(lang)
    return {
        name: compile_category(table, lang, defaults.get(name, name.replace("_", " ")), name)
        for name, table in raw.items()
        if isinstance(table, dict)
    }


def _load_all() -> dict[str, dict[str, Category]]:
    from .findings import MESSAGES

    return {lang: load(lang, MESSAGES) for lang in LANGUAGES}


BY_LANG: dict[str, dict[str, Category]] = _load_all()
"""Every shipped lexicon, compiled once when the package is imported."""


def category(lang: str, name: str) -> Category | None:
    """The compiled category `name` of `lang`, or None when that language has none."""
    return BY_LANG.get(lang, {}).get(name)


MAIN_PASS = (
    "rude",
    "blame",
    "dismissive",
    "sarcasm",
    "argumentative",
    "negative_wording",
    "informal_address",
    "confidential_figures",
    "confidential_markers",
)
"""Categories matched over the whole reply; greeting, closing and signature look at single lines."""

WORD_LISTS = (
    "signature_sentence_words", "figure_nouns", "figure_metrics", "figure_owners", "figure_prepositions"
)
"""Tables that are not categories of their own but word lists of structural rules (signature.py,
figures.py); they are matched only inside a candidate signature or sentence."""

Hits = dict[str, list[tuple[int, int, Entry]]]
"""Matches by category name: (start, end, entry), found by `lexicon_scan.scan`."""
