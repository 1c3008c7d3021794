"""Provides the `supportterm check` command (DESIGN §4): the politeness checker on a file or stdin.

The main CLI wires it in with `add_parser(subparsers)` and dispatches to `run(args)`. Exit status:
1 when any finding is an error, 0 otherwise, 2 on bad usage (unreadable file, bad --batch line).
Messages stay English whatever the UI language, in the text lines (read by scripts and editors) as in
`--json` (a contract); only the TUI translates them (ui/finding_text.py).
`--validate` compiles every lexicon entry (they compile on first use otherwise) and exits 2 when one
does not, naming it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .findings import Report

COMMAND = "check"
LANGS = ("auto", "en", "ru", "az")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    """Register `check` on the main parser's sub-parsers and return its parser."""
    parser = subparsers.add_parser(
        COMMAND, help="check a reply for tone, address, secrets and confidential data"
    )
    parser.add_argument(
        "--lang", choices=LANGS, default="auto", help="language of the reply (default: detect)"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--batch",
        action="store_true",
        help='read JSON lines {"text": ..., "lang"?: ...}; write one JSON result per line',
    )
    parser.add_argument(
        "--customer", metavar="FILE", help="the customer's last message (language, own contacts)"
    )
    parser.add_argument(
        "--validate",
        action="store_true",
        help="compile every lexicon entry and list those that do not compile (after editing the lexicons)",
    )
    parser.add_argument("file", nargs="?", default="-", metavar="FILE|-", help="the reply (default: stdin)")
    return parser


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def format_report(text: str, report: Report, name: str = "-") -> str:
    """One readable line per finding: FILE:LINE:COL: severity category: message [→ suggestion]."""
    lines = []
    for f in report.findings:
        line, col = _position(text, f.start)
        hint = f' → "{f.suggestion}"' if f.suggestion is not None else ""
        lines.append(f"{name}:{line}:{col}: {f.severity} {f.category}: {f.message}{hint}")
    errors = sum(f.severity == "error" for f in report.findings)
    lines.append(
        f"{len(report.findings)} finding(s), {errors} error(s); "
        f"language {report.language}, tone {report.tone:+.2f}"
    )
    return "\n".join(lines)


def _batch(stream: TextIO, lang: str, out: TextIO) -> int:
    """Check JSON lines; returns 1 when any reply had an error, 2 on a malformed line."""
    from .checker import check

    status = 0
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            item = json.loads(raw)
            text, code = item["text"], item.get("lang") or lang
            if not isinstance(text, str):
                raise TypeError("text must be a string")
            if code not in LANGS + ("de", "fr"):
                raise ValueError(f"unknown lang {code!r}")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            print(f"supportterm check: line {number}: {exc}", file=sys.stderr)
            return 2
        report = check(text, lang=code, customer_text=item.get("customer_text"))
        out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        status = max(status, int(report.has_errors))
    return status


def _validate() -> int:
    """List the lexicon entries that do not compile; 2 when there is one, else 0."""
    from .validation import entry_count, validate

    errors = validate()
    for error in errors:
        print(f"supportterm check: lexicon error: {error}", file=sys.stderr)
    if errors:
        return 2
    print(f"lexicons: all {entry_count()} entries compile")
    return 0


def run(args: argparse.Namespace) -> int:
    """Run `supportterm check`; returns the exit status."""
    if getattr(args, "validate", False):
        return _validate()
    try:
        if args.batch:
            stream = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
            with stream:
                return _batch(stream, args.lang, sys.stdout)
        text = _read(args.file)
        customer = _read(args.customer) if getattr(args, "customer", None) else None
    except (OSError, UnicodeDecodeError) as exc:
        print(f"supportterm check: {exc}", file=sys.stderr)
        return 2
    from .checker import check  # here, so registering the command costs no lexicon load
    from .lexicons import LexiconError

    try:
        report = check(text, lang=args.lang, customer_text=customer)
    except LexiconError as exc:  # an edited lexicon entry this text needed does not compile
        print(f"supportterm check: lexicon error: {exc} (--validate lists every one)", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(format_report(text, report, args.file))
    return 1 if report.has_errors else 0


def main(argv: list[str] | None = None) -> int:
    """Run `check` on its own (python -m supportterm.politeness.cli)."""
    parser = argparse.ArgumentParser(prog="supportterm")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
