"""Provides the lexicons: per-language TOML files compiled into one regex per category.

Who calls it: the rule modules, at import time, so a check never compiles anything. The files in
`lexicons/` are meant to be edited by a support team; docs/politeness.md describes the format.

Entry syntax (matched on folded text, see `folding.fold`):
- words separated by spaces match words separated by spaces or light punctuation;
- `word*` matches any ending ("idiot*" matches "idiots"); `a|b` inside a word gives alternatives;
- `_` stands for any one word and `...` for up to four words;
- `{a b|c d}` gives alternative phrases ("{you are|you're} wrong");
- an entry starting with `re:` is a raw regular expression;
- an inline table `{ match = "...", suggest = "...", message = "..." }` adds a rewrite or a message.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from .folding import fold

LANGUAGES = ("en", "ru", "az", "de", "fr")
"""Languages that ship a lexicon file."""

_GAP = r"[^\w\n.!?]+"
_FEW_WORDS = r"(?:[\w'-]+[^\w\n.!?]+){0,4}"
_TOKEN = re.compile(r"\{[^}]*\}|\S+")
_AZ_CLASSES = {"ı": "[ıi]", "i": "[iı]", "ə": "[əe]", "ü": "[üu]", "ö": "[öo]", "ç": "[çc]",
               "ş": "[şs]", "ğ": "[ğg]"}
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


@dataclass(frozen=True, slots=True)
class Category:
    """A compiled category of one language: one alternation with a named group per entry."""

    pattern: re.Pattern[str] | None
    entries: tuple[Entry, ...]
    message: str

    def finditer(self, folded: str) -> list[tuple[int, int, Entry]]:
        """(start, end, entry) for every match in `folded` text."""
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(folded):
            group = m.lastgroup or "g0"
            out.append((m.start(), m.end(), self.entries[int(group[1:])]))
        return out

    def fullmatch(self, folded: str) -> bool:
        """True when the whole of `folded` is one entry."""
        return self.pattern is not None and self.pattern.fullmatch(folded) is not None


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
    """The regex of a sequence of entry words, joined by light punctuation or spaces."""
    parts: list[str] = []
    for token in tokens:
        if parts and parts[-1] != _FEW_WORDS:
            parts.append(_GAP)
        if token == "...":
            parts.append(_FEW_WORDS)
        elif token.startswith("{") and token.endswith("}"):
            alts = [_phrase(alt.split(), lang) for alt in token[1:-1].split("|")]
            parts.append("(?:" + "|".join(alts) + ")")
        else:
            parts.append(_word(token, lang))
    return "".join(parts)


def entry_regex(source: str, lang: str) -> str:
    """The regex source for one lexicon entry, with Unicode word boundaries."""
    if source.startswith("re:"):
        return source[3:]
    tokens = _TOKEN.findall(fold(source, lang))
    return r"(?<![\w'])" + _phrase(tokens, lang) + r"(?![\w])"


def _entry(raw: object) -> Entry:
    if isinstance(raw, str):
        return Entry(raw, None, None)
    if isinstance(raw, dict) and isinstance(raw.get("match"), str):
        return Entry(raw["match"], raw.get("message"), raw.get("suggest"))
    raise ValueError(f"lexicon entry must be a string or {{match = ...}}: {raw!r}")


def compile_category(raw: dict[str, object], lang: str, default_message: str) -> Category:
    """Compile one `[category]` table of a lexicon file."""
    items = raw.get("entries", [])
    if not isinstance(items, list):
        raise ValueError("'entries' must be a list")
    entries = tuple(_entry(item) for item in items)
    alternation = "|".join(f"(?P<g{i}>{entry_regex(e.source, lang)})" for i, e in enumerate(entries))
    pattern = re.compile(alternation) if entries else None
    message = raw.get("message", default_message)
    return Category(pattern, entries, message if isinstance(message, str) else default_message)


def load_raw(lang: str) -> dict[str, dict[str, object]]:
    """The parsed TOML of one language's lexicon (empty when the language has none)."""
    if lang not in LANGUAGES:
        return {}
    data = resources.files(__package__).joinpath("lexicons", f"{lang}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


def load(lang: str, defaults: dict[str, str]) -> dict[str, Category]:
    """Every category of `lang`, compiled; `defaults` gives each category's default message."""
    raw = load_raw(lang)
    return {
        name: compile_category(table, lang, defaults.get(name, name.replace("_", " ")))
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
