"""Provides the checker's result types (`Finding`, `Report`) and the category table.

Rule modules build findings with `finding()`, which fills in the severity of the category, so a
severity is decided in one place (DESIGN §4).

Messages are English and stay so in `--json` (a contract). The UI shows them in the agent's language:
every message written here or in a rule module is wrapped in `translatable()` so tools/i18n.py puts it
in the catalogue (the lexicons' `message = "..."` fields are gathered from the TOML files), and a message
with parts that vary keeps its `template` and `arguments`, so a translation can place them itself.
This package never imports the translations (it imports only the domain and the standard library).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

ERROR, WARNING, HINT = "error", "warning", "hint"

SEVERITY: dict[str, str] = {
    "rude": ERROR,
    "blame": ERROR,
    "dismissive": ERROR,
    "sarcasm": ERROR,
    "shouting": ERROR,
    "argumentative": ERROR,
    "informal_address": ERROR,
    "confidential": ERROR,
    "secret": ERROR,
    "language_mismatch": WARNING,
    "impersonal_signature": WARNING,
    "negative_wording": HINT,
    "missing_greeting": HINT,
    "missing_closing": HINT,
}
"""Every category of DESIGN §4 and its severity."""

CATEGORIES = tuple(SEVERITY)


LANGUAGE_NAMES = {
    "en": "English", "ru": "Russian", "az": "Azerbaijani", "de": "German", "fr": "French",
    "uk": "Ukrainian", "tr": "Turkish", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "pl": "Polish", "nl": "Dutch", "other": "another language",
}
"""English names of the languages `language.detect` and `neighbours.neighbour` tell apart (the UI says them in
its own words)."""


def translatable(message: str) -> str:
    """`message` itself: marks an English message for the UI's catalogue (tools/i18n.py extracts every
    call), the way gettext's `N_()` does, without importing any translation here."""
    return message


MESSAGES: dict[str, str] = {
    "rude": translatable("Insulting or rude wording: never be rude, even when insulted."),
    "blame": translatable("Blames the customer: describe what happened, not whose fault it was."),
    "dismissive": translatable("Dismisses the customer: offer the next step instead."),
    "sarcasm": translatable("Reads as sarcasm: say it plainly."),
    "shouting": translatable("Reads as shouting (capitals or repeated !/?)."),
    "argumentative": translatable("Argues with the customer: restate the facts calmly."),
    "informal_address": translatable("Informal address: answer formally even if the customer does not."),
    "confidential": translatable("Confidential business information."),
    "secret": translatable("Credential or private data: keep it inside."),
    "language_mismatch": translatable("The reply is not in the customer's language."),
    "impersonal_signature": translatable("Sign with a real name, not a department or a number."),
    "negative_wording": translatable("Negative wording: say what can be done."),
    "missing_greeting": translatable("No greeting at the start."),
    "missing_closing": translatable("No closing or thanks at the end."),
}
"""Default message of each category; lexicon entries may override it."""


class Finding(NamedTuple):
    """One problem in a reply, with the span it covers and an optional rewrite.

    A named tuple rather than a frozen dataclass: a check builds ~20 of them (per-chunk findings are
    built again at their offsets in the reply), and a frozen dataclass's `__init__` sets each of its
    eight fields through `object.__setattr__`, about three times the cost of `tuple.__new__`.
    """

    category: str
    """One of `CATEGORIES`."""
    severity: str
    """"error", "warning" or "hint"."""
    start: int
    """Offset of the first character (in str indices of the checked text)."""
    end: int
    """Offset just past the last character."""
    message: str
    """Plain-language explanation for the agent."""
    suggestion: str | None = None
    """Text that replaces `text[start:end]` when the agent applies the fix; None when there is none."""
    template: str | None = None
    """The English message with `{name}` places, when parts of it vary; `message` is it filled in."""
    arguments: tuple[tuple[str, str], ...] = ()
    """(name, value) of each place of `template`. A name ending in `_language` holds a language's
    English name ("Russian"), which the UI says in its own words; other values are shown as they are."""

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of DESIGN §4 (the template and its arguments are the UI's, not the contract's)."""
        return {"category": self.category, "severity": self.severity, "start": self.start, "end": self.end,
                "message": self.message, "suggestion": self.suggestion}


@dataclass(frozen=True, slots=True)
class Report:
    """The result of one check: the language used for the rules, the findings and the tone."""

    language: str
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    tone: float = 0.0
    """Politeness of the reply from -1 (rude) to 1 (polite); see tone.py."""

    @property
    def has_errors(self) -> bool:
        """True when a finding is severe enough to ask before sending."""
        return any(f.severity == ERROR for f in self.findings)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of DESIGN §4."""
        return {
            "language": self.language,
            "findings": [f.to_dict() for f in self.findings],
            "tone": self.tone,
        }


def finding(
    category: str, start: int, end: int, message: str | None = None, suggestion: str | None = None
) -> Finding:
    """A finding with the category's severity and default message."""
    return Finding(category, SEVERITY[category], start, end, message or MESSAGES[category], suggestion)


def worded_finding(category: str, start: int, end: int, template: str, **arguments: str) -> Finding:
    """A finding whose message fills `template` with `arguments`; both are kept so the UI can fill a
    translated template instead (no sentence is ever glued together from translated pieces)."""
    return Finding(category, SEVERITY[category], start, end, template.format(**arguments), None, template,
                   tuple(arguments.items()))
