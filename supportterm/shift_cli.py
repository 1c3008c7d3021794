"""Provides `supportterm shift start|break|resume|stop|status [--json]` (DESIGN §4): the shift clock.

Wired into `cli.py` by two lines (`shift_cli.add_parser(sub)` and a dispatch to `shift_cli.run(args)`);
also runnable alone as `python -m supportterm.shift_cli`. It only reads and writes the profile's local
store and never touches the network, so it works offline and beside a running TUI: when the app holds
the profile lock, the command still appends its rows (WAL and SQLite's busy timeout keep that safe, and
the app re-reads the shift on its tick). JSON shapes are documented in docs/shift.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportterm.store.db import Store
    from supportterm.store.shift import ShiftLog

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
ACTIONS = ("start", "break", "resume", "stop", "status")


def _duration(text: str) -> timedelta:
    from supportterm.domain.durations import parse_duration

    try:
        return parse_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _instant(text: str) -> datetime:
    from supportterm.domain.models import parse_time

    try:
        value = parse_time(text)
    except ValueError:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}")
    return value


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help="profile from config.toml", default=argparse.SUPPRESS)
    parser.add_argument("--backend", help="backend kind, instead of a profile", default=argparse.SUPPRESS)
    parser.add_argument("--url", help="helpdesk base URL, with --backend", default=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    # Tests freeze time with it (STYLE §3.4.8); agents never need it, so it stays out of --help.
    parser.add_argument("--now", type=_instant, default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `shift` command and its actions to the top-level sub-parsers; returns its parser."""
    shift: argparse.ArgumentParser = subparsers.add_parser(
        "shift", help="drive the shift clock headless (start, break, resume, stop, status)")
    _common(shift)
    actions = shift.add_subparsers(dest="shift_command", metavar="ACTION", required=True)
    start = actions.add_parser("start", help="start a shift; shows the previous shift's hand-off note")
    start.add_argument("--plan", type=_duration, help="planned length, e.g. 8h or 7h30m (default 8h)")
    start.add_argument("--break-after", type=_duration, help="active work before a break is due (90m)")
    start.add_argument("--break-length", type=_duration, help="length of a break (15m)")
    start.add_argument("--idle-after", type=_duration, help="no input for this long counts as idle (5m)")
    pause = actions.add_parser("break", help="go on a break")
    pause.add_argument("--length", type=_duration, help="this break's length (default: the shift's)")
    actions.add_parser("resume", help="come back from the break")
    stop = actions.add_parser("stop", help="end the shift and print its summary")
    stop.add_argument("--csv", action="store_true", help="print the summary as CSV")
    stop.add_argument("--handoff", metavar="TEXT", help="leave a hand-off note for the next shift")
    actions.add_parser("status", help="show the running (or last) shift")
    for parser in actions.choices.values():
        _common(parser)
    return shift


def run(args: argparse.Namespace) -> int:
    """Run one `shift` action; returns 0, 1 (refused: e.g. no shift running) or 2 (bad usage)."""
    from supportterm.cli import resolve_profile
    from supportterm.config import load_settings
    from supportterm.domain.shift import ShiftError
    from supportterm.errors import ConfigError, SupportTermError
    from supportterm.store.shift import ShiftLog

    fixed: datetime | None = getattr(args, "now", None)
    clock: Callable[[], datetime] = (lambda: fixed) if fixed else (lambda: datetime.now(timezone.utc))
    try:
        profile = resolve_profile(args)
        settings = load_settings()
        store = _open_store(profile.name)
    except ConfigError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except SupportTermError as exc:
        return _fail(str(exc), EXIT_REFUSED)
    try:
        args.handoff_ticket = settings.shift.handoff_ticket
        log = ShiftLog(store, clock=clock, sla=settings.sla.policy())
        payload, text = _HANDLERS[args.shift_command](log, args)
    except (ShiftError, ValueError) as exc:
        return _fail(str(exc), EXIT_REFUSED)
    finally:
        store.close()
    if getattr(args, "csv", False):
        print(text, end="")
    elif getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False))
    else:
        print(text)
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"supportterm shift: {message}", file=sys.stderr)
    return code


def _open_store(profile_name: str) -> Store:
    """The profile's store; beside a running app (which holds the lock) open it without the lock."""
    from supportterm import paths
    from supportterm.errors import StoreLockedError
    from supportterm.store.db import Store

    path = paths.store_path(profile_name)
    try:
        return Store(path)
    except StoreLockedError:
        return Store(path, lock=False)


Result = tuple[dict[str, object], str]


def _start(log: ShiftLog, args: argparse.Namespace) -> Result:
    from supportterm.domain.shift import ShiftPolicy
    from supportterm.store.shift import handoff_for, mark_handoff

    given = {"planned": args.plan, "break_after": args.break_after,
             "break_length": args.break_length, "idle_after": args.idle_after}
    shift = log.start(ShiftPolicy(**{k: v for k, v in given.items() if v is not None}))
    with log.store.transaction() as conn:
        note = handoff_for(conn, shift.id)
        if note is not None:
            mark_handoff(conn, note.shift_id, seen_at=log.clock())
    view = shift.clock.view(log.clock())
    text = f"Shift {shift.id} started at {_hhmm(view.started_at)} UTC, planned {_span(view.planned)}."
    if note is not None:
        text += f"\nHand-off from shift {note.shift_id}:\n{note.body}"
    return {"action": "start", "shift_id": shift.id, "view": view.as_dict(),
            "handoff": _handoff_dict(note)}, text


def _break(log: ShiftLog, args: argparse.Namespace) -> Result:
    shift = log.take_break(args.length)
    view = shift.clock.view(log.clock())
    return {"action": "break", "shift_id": shift.id, "view": view.as_dict()}, view.header_text()


def _resume(log: ShiftLog, args: argparse.Namespace) -> Result:
    shift = log.resume()
    view = shift.clock.view(log.clock())
    return {"action": "resume", "shift_id": shift.id, "view": view.as_dict()}, view.header_text()


def _stop(log: ShiftLog, args: argparse.Namespace) -> Result:
    from supportterm.store.handoff import queue_handoff_post
    from supportterm.store.shift import save_handoff

    shift, summary = log.stop()
    note, posted_to = None, None
    if args.handoff:
        with log.store.transaction() as conn:
            note = save_handoff(conn, shift.id, args.handoff, now=log.clock())
            # Queued only: the next sync (app or `supportterm sync`) delivers it; `shift` stays offline.
            ticket = args.handoff_ticket
            if ticket and queue_handoff_post(conn, shift.id, ticket, now=log.clock()):
                posted_to = ticket
    view = shift.clock.view(log.clock())
    payload = {"action": "stop", "shift_id": shift.id, "view": view.as_dict(),
               "summary": summary.as_dict(), "handoff": _handoff_dict(note), "handoff_queued_on": posted_to}
    if args.csv:
        return payload, summary.to_csv()
    lines = [view.header_text()] + [f"  {k.replace('_', ' ')}: {'-' if v is None else v}"
                                    for k, v in summary.as_dict().items()]
    return payload, "\n".join(lines)


def _status(log: ShiftLog, args: argparse.Namespace) -> Result:
    from supportterm.domain.models import format_time
    from supportterm.store.shift import follow_ups_due, latest_shift

    def read(conn: Any) -> tuple[Any, list[Any]]:
        return latest_shift(conn), follow_ups_due(conn, log.clock())

    shift, due = log.store.read(read)
    view = (shift.clock if shift else _idle_clock()).view(log.clock())
    follow_ups = [{"id": f.id, "ticket_id": f.ticket_id, "due_at": format_time(f.due_at), "note": f.note}
                  for f in due]
    text = view.header_text() + "".join(f"\n  follow up #{f['ticket_id']} (due {f['due_at']}): {f['note']}"
                                        for f in follow_ups)
    return {"action": "status", "shift_id": shift.id if shift else None, "view": view.as_dict(),
            "follow_ups_due": follow_ups}, text


def _idle_clock() -> Any:
    from supportterm.domain.shift import ShiftClock

    return ShiftClock()


def _handoff_dict(note: Any) -> dict[str, object] | None:
    from supportterm.domain.models import format_time

    if note is None:
        return None
    return {"shift_id": note.shift_id, "body": note.body, "created_at": format_time(note.created_at)}


def _hhmm(value: datetime | None) -> str:
    return value.strftime("%H:%M") if value else "-"


def _span(value: timedelta) -> str:
    from supportterm.domain.shift import format_duration

    return format_duration(value)


_HANDLERS: dict[str, Callable[[Any, argparse.Namespace], Result]] = {
    "start": _start, "break": _break, "resume": _resume, "stop": _stop, "status": _status,
}


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser (`python -m supportterm.shift_cli ...`) accepting what `supportterm` does."""
    parser = argparse.ArgumentParser(prog="supportterm")
    parser.add_argument("--profile", default=argparse.SUPPRESS, help="profile from config.toml")
    parser.add_argument("--backend", default=argparse.SUPPRESS, help="backend kind, instead of a profile")
    parser.add_argument("--url", default=argparse.SUPPRESS, help="helpdesk base URL, with --backend")
    add_parser(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Parse and run; argparse itself exits 2 on bad usage."""
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
