"""Provides the inbox row layout: which columns, how wide, and the text of one ticket's line.

Every value that comes from the helpdesk passes through `one_line` and becomes plain `Text`, never
markup, so a subject like "[red]x" or an escape sequence is shown, not obeyed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from supportterm.domain.models import Priority, Ticket
from supportterm.domain.sla import SlaStatus, sla_status
from supportterm.domain.text import one_line
from supportterm.i18n import _
from supportterm.ui import format as fmt


@dataclass(frozen=True, slots=True)
class Column:
    """One inbox column; width 0 means "takes the space left"."""

    key: str
    title: str
    width: int
    drop: int = 0
    """When the terminal is too narrow for the subject, columns go in this order (1 first; 0 never)."""


COLUMNS: tuple[Column, ...] = (
    Column("flag", "", 1), Column("priority", "Pri", 4), Column("due", "Due", 5),
    Column("status", "Status", 7), Column("channel", "Chan", 5, drop=2), Column("language", "Lg", 2, drop=1),
    Column("customer", "Customer", 18, drop=6), Column("subject", "Subject", 0),
    Column("age", "Upd", 4, drop=5), Column("assignee", "Assignee", 12, drop=3), Column("id", "#", 7, drop=4),
)
"""The default layout. Ticket `#` last: it matters least while scanning."""

CATALOGUE = {column.key: column for column in COLUMNS}
"""Every column there is; config `columns = ["subject", "customer:24", ...]` picks and sizes them."""

MIN_SUBJECT = 24
"""Narrower than this, the subject is no longer readable: lesser columns give way first (80x24)."""


def columns_from(spec: tuple[str, ...]) -> tuple[Column, ...]:
    """Columns from config entries "key" or "key:width" (keys checked by config against CATALOGUE)."""
    if not spec:
        return COLUMNS
    chosen = []
    for entry in spec:
        key, _, width = entry.partition(":")
        base = CATALOGUE[key]
        chosen.append(Column(base.key, base.title, int(width) if width else base.width, base.drop))
    return tuple(chosen)


@lru_cache(maxsize=32)
def layout(width: int, columns: tuple[Column, ...] = COLUMNS) -> tuple[tuple[Column, int], ...]:
    """The columns that fit a terminal `width`, with their widths (one space between columns)."""
    shown = list(columns)
    for victim in sorted((c for c in columns if c.drop), key=lambda c: c.drop):
        if _flexible(width, shown) >= MIN_SUBJECT:
            break
        shown.remove(victim)
    flexible = max(10, _flexible(width, shown))
    return tuple((c, c.width or flexible) for c in shown)


def _flexible(width: int, columns: list[Column]) -> int:
    return width - sum(c.width for c in columns) - len(columns)


def widths(width: int, columns: tuple[Column, ...] = COLUMNS) -> list[int]:
    """Widths of the columns `layout` shows at `width`."""
    return [size for _, size in layout(width, columns)]


AT_RISK = timedelta(minutes=30)
"""A due time closer than this is shown as at risk, unless the list is told `[sla] warn_minutes` (the
same threshold as the SLA notices and the "SLA at risk" view; 30 minutes is its default)."""
_SLA_STYLE = {SlaStatus.BREACHED: "bold reverse red", SlaStatus.AT_RISK: "bold yellow", SlaStatus.OK: ""}
_PRIORITY_STYLE = {Priority.URGENT: "bold red", Priority.HIGH: "yellow"}


LOCAL_MARK = "*"
"""Trails a due time computed from the local `[sla]` policy (the helpdesk gave none)."""


def _cells(ticket: Ticket, names: dict[str, str], now: datetime, marked: bool,
           local_due: datetime | None = None, at_risk: timedelta = AT_RISK) -> dict[str, tuple[str, str]]:
    due_text, due_style = "", ""
    if ticket.due_at is not None and ticket.status.is_active:
        due_text = fmt.due(ticket.due_at, now)
        due_style = _SLA_STYLE[sla_status(ticket.due_at, now, at_risk)]
    elif local_due is not None and ticket.status.is_active:
        due_text = fmt.due(local_due, now) + LOCAL_MARK
        due_style = _SLA_STYLE[sla_status(local_due, now, at_risk)]
    flag = ("✓", "bold green") if marked else ("●" if ticket.awaiting_reply else " ", "bold yellow")
    return {
        "flag": flag,
        "priority": (fmt.PRIORITY_CELL[ticket.priority], _PRIORITY_STYLE.get(ticket.priority, "")),
        "due": (due_text, due_style),
        "status": (fmt.STATUS_CELL[ticket.status], ""),
        "channel": (fmt.CHANNEL_LABEL[ticket.channel], "dim"),
        "language": (one_line(ticket.language or "", limit=20), "dim"),
        "customer": (one_line(names.get(ticket.requester_id, ticket.requester_id)), ""),
        "subject": (one_line(ticket.subject), "bold" if ticket.awaiting_reply else ""),
        "age": (fmt.age(ticket.updated_at, now), "dim"),
        "assignee": (one_line(names.get(ticket.assignee_id or "", "—")), ""),
        "id": (one_line(ticket.id, limit=40), "dim"),
    }


def _line(values: list[tuple[str, str]], sizes: list[int]) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    for (value, style), size in zip(values, sizes, strict=True):
        cell = Text(value, style=style)
        cell.truncate(size, overflow="ellipsis", pad=True)
        text.append_text(cell)
        text.append(" ")
    return text


def row_text(ticket: Ticket, names: dict[str, str], now: datetime, width: int, *, marked: bool = False,
             columns: tuple[Column, ...] = COLUMNS, local_due: datetime | None = None) -> Text:
    """One ticket's inbox line; a marked ticket (for a bulk action) shows a tick instead of the dot.
    `local_due` is the policy's due time when the helpdesk gives none (`domain.sla.local_due_at`)."""
    cells = _cells(ticket, names, now, marked, local_due)
    shown = layout(width, columns)
    return _line([cells[c.key] for c, _ in shown], [size for _, size in shown])


@lru_cache(maxsize=256)
def _style(spec: str, cursor: bool, focus: bool, base: Style | None = None) -> Style:
    """A cell's style over the list's own (theme) style: combined once here, not per painted line
    (Strip.apply_style on every row cost ~0.17 ms a line, half of a page-down)."""
    style = Style.parse(spec) if spec else Style()
    if cursor:
        style += Style(reverse=True, bold=focus)
    return base + style if base is not None else style


def _fit(value: str, size: int) -> str:
    """`value` in exactly `size` cells: padded, or cut with an ellipsis (as Text.truncate does)."""
    length = len(value) if value.isascii() else cell_len(value)
    if length <= size:
        return value + " " * (size - length)
    return set_cell_size(value, size - 1) + "…" if size > 0 else ""


def row_segments(ticket: Ticket, names: dict[str, str], now: datetime, width: int, *, marked: bool = False,
                 cursor: bool = False, focus: bool = False, columns: tuple[Column, ...] = COLUMNS,
                 base: Style | None = None, local_due: datetime | None = None,
                 at_risk: timedelta = AT_RISK) -> list[Segment]:
    """The same line as `row_text`, built straight as segments: ~5x cheaper, which is what keeps a
    page-down (a full repaint of the list) inside one frame at 100k tickets. Neighbouring cells of the
    same style share one segment (half the segments, so less to allocate and for the GC to track); the
    line is `line_width(width, columns)` cells long."""
    cells = _cells(ticket, names, now, marked, local_due, at_risk)
    plain = _style("", cursor, focus, base)
    segments: list[Segment] = []
    run: list[str] = []
    run_style = plain
    for column, size in _row_layout(width, columns)[0]:
        value, spec = cells[column.key]
        style = _style(spec, cursor, focus, base)  # cached: equal specs give the same object
        if style is not run_style:
            if run:
                segments.append(Segment("".join(run), run_style))
            run, run_style = [], style
        run.append(_fit(value, size))
        if style is not plain:
            segments.append(Segment("".join(run), style))
            run, run_style = [], plain
        run.append(" ")
    segments.append(Segment("".join(run), run_style))
    return segments


def line_width(width: int, columns: tuple[Column, ...] = COLUMNS) -> int:
    """Cells in a row of `row_segments`: `width`, unless even the narrowest layout is wider."""
    return _row_layout(width, columns)[1]


_last_layout: list[tuple[int, tuple[Column, ...], tuple[tuple[tuple[Column, int], ...], int]]] = []


def _row_layout(width: int, columns: tuple[Column, ...]) -> tuple[tuple[tuple[Column, int], ...], int]:
    """`layout` and the line's cell count, remembered for the last (width, columns) by identity: every
    painted row asks, and the lru_cache of `layout` hashes all the columns on each call (~8 us a row)."""
    if _last_layout and _last_layout[0][0] == width and _last_layout[0][1] is columns:
        return _last_layout[0][2]
    shown = layout(width, columns)
    result = (shown, sum(size + 1 for _, size in shown))
    _last_layout[:] = [(width, columns, result)]
    return result


def header_text(width: int, columns: tuple[Column, ...] = COLUMNS) -> Text:
    """The column titles."""
    shown = layout(width, columns)
    return _line([(_(c.title), "bold") for c, _width in shown], [size for _c, size in shown])
