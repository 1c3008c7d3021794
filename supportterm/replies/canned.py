"""Provides `render`: a canned reply filled in for one ticket, with the places still to fill.

`render` never lets raw braces through. A placeholder with a value becomes the value; one without
becomes a visible marker (`⟨customer.first_name⟩`) whose span is listed in `Rendered.missing`, so
the composer can highlight it and refuse to send until the agent has replaced it. After the agent
edits the text, `unfilled(text)` finds the markers that are still there.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportterm.domain.models import CannedReply

from .placeholders import MARKER_CLOSE, MARKER_OPEN, PATTERN, Context, find_markers, marker


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a placeholder ended up in the rendered text, and whether it got a value."""

    name: str
    start: int
    end: int
    filled: bool


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered reply: the text and every placeholder's span in it."""

    text: str
    slots: tuple[Slot, ...] = ()

    @property
    def missing(self) -> tuple[Slot, ...]:
        """The placeholders left as `⟨name⟩` markers; the reply must not be sent while any remain."""
        return tuple(s for s in self.slots if not s.filled)

    @property
    def complete(self) -> bool:
        """True when every placeholder got a value."""
        return not self.missing


def _safe(value: str) -> str:
    """A value with braces and marker brackets neutralised, so it cannot look like a placeholder."""
    return _strip_braces(value).replace(MARKER_OPEN, "<").replace(MARKER_CLOSE, ">")


def render_text(body: str, context: Context) -> Rendered:
    """Fill the placeholders of a template string; see `render`."""
    values = context.values()
    parts: list[str] = []
    slots: list[Slot] = []
    length = 0
    last = 0
    for match in PATTERN.finditer(body):
        literal = _strip_braces(body[last:match.start()])
        parts.append(literal)
        length += len(literal)
        name = match.group(1)
        value = values.get(name)
        piece = _safe(value) if value is not None else marker(name or "?")
        parts.append(piece)
        slots.append(Slot(name, length, length + len(piece), value is not None))
        length += len(piece)
        last = match.end()
    parts.append(_strip_braces(body[last:]))
    return Rendered("".join(parts), tuple(slots))


def _strip_braces(text: str) -> str:
    """Literal text with stray `{{`/`}}` (only possible in server replies) made harmless."""
    return text.replace("{{", "{ {").replace("}}", "} }")


def render(reply: CannedReply, context: Context) -> Rendered:
    """Fill `reply` for the ticket in `context`.

    Known placeholders with a value are replaced by it; the others (unknown names from a server
    macro included) become `⟨name⟩` markers listed in `Rendered.missing`. The text never contains
    `{{` or `}}`.
    """
    return render_text(reply.body, context)


def unfilled(text: str) -> tuple[Slot, ...]:
    """The `⟨name⟩` markers still in an edited reply (filled=False); empty when it may be sent."""
    return tuple(Slot(name, start, end, False) for name, start, end in find_markers(text))
