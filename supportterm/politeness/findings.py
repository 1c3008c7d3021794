"""Provides the checker's result types (`Finding`, `Report`) and the category table.

Rule modules build findings with `finding()`, which fills in the severity of the category, so a
severity is decided in one place (DESIGN §4).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

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

MESSAGES: dict[str, str] = {
    "rude": "Insulting or rude wording: never be rude, even when insulted.",
    "blame": "Blames the customer: describe what happened, not whose fault it was.",
    "dismissive": "Dismisses the customer: offer the next step instead.",
    "sarcasm": "Reads as sarcasm: say it plainly.",
    "shouting": "Reads as shouting (capitals or repeated !/?).",
    "argumentative": "Argues with the customer: restate the facts calmly.",
    "informal_address": "Informal address: answer formally even if the customer does not.",
    "confidential": "Confidential business information.",
    "secret": "Credential or private data: keep it inside.",
    "language_mismatch": "The reply is not in the customer's language.",
    "impersonal_signature": "Sign with a real name, not a department or a number.",
    "negative_wording": "Negative wording: say what can be done.",
    "missing_greeting": "No greeting at the start.",
    "missing_closing": "No closing or thanks at the end.",
}
"""Default message of each category; lexicon entries may override it."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a reply, with the span it covers and an optional rewrite."""

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

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of DESIGN §4."""
        return asdict(self)


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
