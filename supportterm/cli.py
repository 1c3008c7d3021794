"""Provides the `supportterm` command line (DESIGN §4).

Headless commands stay fast because the Textual UI is imported only by the commands that open it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from supportterm import __version__, paths, settings_cli
from supportterm.config import Profile, config_path, load_settings
from supportterm.errors import ConfigError, SupportTermError

DEMO_USER = "aysel"


VALUE_OPTIONS = frozenset({"--config", "--profile", "--backend", "--url", "--theme"})
"""Top-level options followed by a value (so that value is not taken for a command's name)."""


def names_a_command(argv: Sequence[str]) -> bool:
    """Whether the command line needs the sub-commands' parsers: a command's name, or help.

    Opening the TUI (no command) skips them: argparse and its gettext lookups for the 60 parsers of
    the sub-commands cost about 6 ms of every start-up (benchmarks/startup.py).
    """
    taking_value = False
    for arg in argv:
        if taking_value:
            taking_value = False
        elif arg in ("-h", "--help") or not arg.startswith("-"):
            return True
        elif arg in VALUE_OPTIONS:
            taking_value = True
    return False


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The argument parser, with one sub-parser per command (`commands=False`: the top level only)."""
    parser = argparse.ArgumentParser(
        prog="supportterm", description="A keyboard-first terminal client for helpdesk agents.")
    parser.add_argument("--version", action="version", version=f"supportterm {__version__}")
    parser.add_argument("--config", type=Path, metavar="FILE", default=argparse.SUPPRESS,
                        help="read this config.toml (default: SUPPORTTERM_CONFIG or the config folder)")
    _add_profile_args(parser)
    _add_theme_arg(parser)
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="open the TUI on the embedded demo helpdesk")
    demo.add_argument("--home", type=Path, help="keep data here instead of a throwaway folder")
    demo.add_argument("--tickets", type=int, default=300, help="tickets to seed (default 300)")
    demo.add_argument("--seed", type=int, default=1, help="seed of the generated data")
    _add_theme_arg(demo)

    serve = sub.add_parser("serve-demo", help="run the demo helpdesk alone; prints its URL first")
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: any free port)")
    serve.add_argument("--tickets", type=int, default=300, help="tickets to seed (default 300)")
    serve.add_argument("--seed", type=int, default=1, help="seed of the generated data")
    serve.add_argument("--db", type=Path, help="SQLite file of the demo (default: a temporary one)")
    serve.add_argument("--quiet-customers", action="store_true", help="no simulated customer activity")

    sync = sub.add_parser("sync", help="run one sync cycle headless and print what moved")
    _add_profile_args(sync)
    sync.add_argument("--json", action="store_true", help="print the report as JSON")

    from supportterm import accounts_cli, shift_cli
    from supportterm.politeness import cli as check_cli

    shift_cli.add_parser(sub)
    accounts_cli.add_parser(sub)
    check_cli.add_parser(sub)
    settings_cli.add_parsers(sub)
    return parser


def _add_theme_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--theme", metavar="NAME", default=argparse.SUPPRESS,
                        help="theme for this run ('supportterm themes' lists them)")


def _add_profile_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help="profile from config.toml", default=argparse.SUPPRESS)
    parser.add_argument("--backend", help="backend kind, instead of a profile", default=argparse.SUPPRESS)
    parser.add_argument("--url", help="helpdesk base URL, with --backend", default=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(commands=names_a_command(argv))
    args = parser.parse_args(argv)
    if getattr(args, "config", None):
        os.environ["SUPPORTTERM_CONFIG"] = str(args.config)
    from supportterm.logs import setup_logging

    setup_logging()
    try:
        if args.command == "serve-demo":
            return serve_demo(args)
        if args.command == "demo":
            return run_demo(args)
        if args.command == "sync":
            return run_sync(args)
        if args.command == "check":
            from supportterm.politeness import cli as check_cli

            return check_cli.run(args)
        if args.command == "shift":
            from supportterm import shift_cli

            return shift_cli.run(args)
        if args.command in settings_cli.COMMANDS:
            return settings_cli.run(args, parser)
        from supportterm import accounts_cli

        if args.command in accounts_cli.COMMANDS:
            return accounts_cli.run(args)
        return run_tui(resolve_profile(args), theme=getattr(args, "theme", None))
    except SupportTermError as exc:
        print(f"supportterm: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ConfigError) else 1
    except KeyboardInterrupt:
        return 130


def resolve_profile(args: argparse.Namespace) -> Profile:
    """The profile named by the flags, by `--backend/--url`, or the configured default."""
    backend, url = getattr(args, "backend", None), getattr(args, "url", None)
    if backend or url:
        if not (backend and url):
            raise ConfigError("--backend and --url go together.")
        return Profile(name=f"{backend}-adhoc", backend=backend, url=url,
                       user=os.environ.get("SUPPORTTERM_USER"))
    settings = load_settings()
    name = getattr(args, "profile", None) or settings.default_profile
    if name is None and len(settings.profiles) == 1:
        name = next(iter(settings.profiles))
    if name is None or name not in settings.profiles:
        known = ", ".join(settings.profiles) or "none"
        raise ConfigError(
            f"No profile to open (asked: {name or 'default'}; configured: {known}). "
            "Try 'supportterm demo', or add a [profiles.NAME] section to config.toml."
        )
    return settings.profiles[name]


def serve_demo(args: argparse.Namespace) -> int:
    """Run the demo helpdesk in the foreground until interrupted."""
    from supportterm.demo.server import create_demo_server

    tmp = None if args.db else tempfile.mkdtemp(prefix="supportterm-demo-")
    db = args.db or Path(tmp or ".") / "demo.sqlite3"
    server = create_demo_server(
        db, port=args.port, tickets=args.tickets, seed=args.seed, simulate=not args.quiet_customers
    )
    server.start()
    print(server.url, flush=True)
    print(f"agent tokens: demo-<login> (e.g. demo-{DEMO_USER}); admin: demo-admin", flush=True)
    try:
        import signal
        import threading

        # Ctrl+C stops it even when started from a shell that ignores SIGINT for background jobs
        # (non-interactive `cmd &`): an ignored SIGINT is inherited and the server would never stop.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


def run_demo(args: argparse.Namespace) -> int:
    """Start the demo helpdesk in the background and the TUI against it."""
    from supportterm.demo.server import create_demo_server

    home = args.home or Path(tempfile.mkdtemp(prefix="supportterm-home-"))
    # The demo keeps its data aside, but the agent's own config.toml and themes still apply.
    os.environ.setdefault("SUPPORTTERM_CONFIG", str(config_path()))
    os.environ["SUPPORTTERM_HOME"] = str(home)
    server = create_demo_server(paths.data_dir() / "demo-helpdesk.sqlite3", tickets=args.tickets,
                                seed=args.seed)
    server.start()
    try:
        profile = Profile(name="demo", backend="demo", url=server.url, user=DEMO_USER,
                          options={"company": "Nimbus"})
        return run_tui(profile, token=f"demo-{DEMO_USER}", theme=getattr(args, "theme", None))
    finally:
        server.stop()
        if args.home is None:
            shutil.rmtree(home, ignore_errors=True)


def _token(profile: Profile) -> str | None:
    from supportterm.store.secrets import get_token

    return get_token(profile.name, profile.user)


def run_tui(profile: Profile, *, token: str | None = None, theme: str | None = None) -> int:
    """Open the TUI on a profile (`theme` overrides the configured one for this run)."""
    from supportterm.ui import activity, collector

    activity.favour_the_ui_thread()  # background threads hand the interpreter lock back sooner
    collector.pause_for_startup()  # no cyclic GC walks over the imports until the inbox has painted
    try:
        return _open_tui(profile, token, theme)
    finally:
        collector.resume()  # only if the app ended before its first paint (settle did it otherwise)


def _open_tui(profile: Profile, token: str | None, theme: str | None) -> int:
    """Load settings and the UI, run the app on the profile's store."""
    from dataclasses import replace

    from supportterm import i18n
    from supportterm.store.db import Store

    settings = load_settings()
    # Before the UI import: binding descriptions are translated at class definition.
    i18n.activate(i18n.resolve(settings.ui_language))
    from supportterm.ui.app import SupportTermApp

    if theme:
        settings = replace(settings, theme=theme)
    store = Store(paths.store_path(profile.name))
    try:
        app = SupportTermApp(profile=profile, store=store, token=token, token_lookup=_token,
                             settings=settings)
        app.run(mouse=settings.mouse)
        return app.return_code or 0
    finally:
        store.close()


def run_sync(args: argparse.Namespace) -> int:
    """One headless sync cycle (DESIGN §4): push the outbox, pull changes, print what moved."""
    from supportterm.store.db import Store
    from supportterm.sync.session import build_engine, close_engine

    profile = resolve_profile(args)
    store = Store(paths.store_path(profile.name))

    async def cycle() -> dict[str, object]:
        engine = build_engine(profile, store, token=_token(profile))
        try:
            return asdict(await engine.sync_once())
        finally:
            await close_engine(engine)

    try:
        report = asyncio.run(cycle())
    finally:
        store.close()
    if args.json:
        print(json.dumps(report))
    else:
        from supportterm.domain.text import one_line  # the error may quote the server: never raw

        print(one_line(", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in report.items()), limit=2000))
    return 0 if report["error"] is None else 1
