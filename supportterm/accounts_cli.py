"""Provides `supportterm login`, `supportterm logout` and `supportterm doctor` (issue 7 item 5).

Wired into `cli.py` by `accounts_cli.add_parser(sub)` and a dispatch to `accounts_cli.run(args)`. Imports
nothing heavy at module level: httpx and the keyring load only when a command needs them.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

from supportterm.config import Profile

COMMANDS = ("login", "logout", "doctor")
EXIT_OK, EXIT_FAILED = 0, 1


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the three commands on the main parser's sub-parsers."""
    login = sub.add_parser("login", help="check a profile's secret with the helpdesk, keep it in the keyring")
    _profile_args(login)
    how = login.add_mutually_exclusive_group()
    how.add_argument("--oauth", action="store_true", help="sign in in the browser (adapters that offer it)")
    how.add_argument("--no-oauth", action="store_true", help="type an API token even where the browser works")
    login.add_argument("--stdin", action="store_true", help="read the secret from the first line of stdin")
    logout = sub.add_parser("logout", help="remove a profile's secret from the keyring")
    _profile_args(logout)
    doctor = sub.add_parser("doctor", help="check config, keyring, link, sign-in and files; say what to fix")
    _profile_args(doctor)
    doctor.add_argument("--json", action="store_true", help="print the report as JSON")
    doctor.add_argument("--strict", action="store_true", help="warnings fail too (exit status 1)")


def _profile_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--profile", help="profile from config.toml (default: all for doctor, else the "
                        "default profile)", default=argparse.SUPPRESS)
    parser.add_argument("--backend", help="backend kind, instead of a profile", default=argparse.SUPPRESS)
    parser.add_argument("--url", help="helpdesk base URL, with --backend", default=argparse.SUPPRESS)


def run(args: argparse.Namespace, *, out: TextIO | None = None) -> int:
    """Run one of COMMANDS; SupportTermError propagates to `cli.main`, which prints it."""
    out = out or sys.stdout
    if args.command == "doctor":
        return run_doctor(args, out)
    from supportterm.cli import resolve_profile

    profile = resolve_profile(args)
    if args.command == "logout":
        return run_logout(profile, out)
    return run_login(profile, args, out)


def run_doctor(args: argparse.Namespace, out: TextIO) -> int:
    """Print the doctor's report; exit 1 when a check failed."""
    from supportterm import doctor

    adhoc = None
    if getattr(args, "backend", None) or getattr(args, "url", None):
        from supportterm.cli import resolve_profile

        adhoc = resolve_profile(args)
    reports = doctor.diagnose(getattr(args, "profile", None), adhoc=adhoc)
    text = doctor.format_json(reports, strict=args.strict) if args.json else doctor.format_text(reports)
    print(text, file=out)
    return doctor.exit_status(reports, strict=args.strict)


def run_login(profile: Profile, args: argparse.Namespace, out: TextIO) -> int:
    """Sign in to the profile; on a refusal nothing is stored and the message says what to do."""
    from supportterm import accounts
    from supportterm.backends.registry import load_backend
    from supportterm.errors import AuthError, OfflineError
    from supportterm.store.secrets import require_keyring

    backend = load_backend(profile.backend)
    browser = args.oauth or (not args.no_oauth and not args.stdin and accounts.uses_oauth(profile, backend))
    require_keyring()  # before asking: a token typed with nowhere to keep it wastes the agent's time
    try:
        if browser:
            done = asyncio.run(accounts.sign_in_with_oauth(profile, open_browser=_show_url(out)))
        else:
            done = asyncio.run(accounts.sign_in_with_secret(profile, _read_secret(profile, backend, args)))
    except AuthError as exc:
        print(f"supportterm: {exc}", file=sys.stderr)
        print(f"Nothing was stored. Check the secret (or the profile's user) and run "
              f"'supportterm login --profile {profile.name}' again.", file=sys.stderr)
        return EXIT_FAILED
    except OfflineError as exc:
        print(f"supportterm: {exc} Nothing was stored; 'supportterm doctor --profile {profile.name}' "
              "checks the link.", file=sys.stderr)
        return EXIT_FAILED
    email = f" <{done.agent.email}>" if done.agent.email else ""
    refresh = " and its refresh token" if done.refresh_stored else ""
    print(f"Signed in to '{profile.name}' as {done.agent.name}{email}. The token{refresh} is in the keyring "
          f"({done.keyring}).", file=out)
    return EXIT_OK


def _read_secret(profile: Profile, backend: type, args: argparse.Namespace) -> str:
    import getpass

    if args.stdin:
        return sys.stdin.readline().rstrip("\r\n")
    option = next((o for o in getattr(backend, "OPTIONS", ()) if o.secret), None)
    what = option.help if option else "secret"
    who = f" for {profile.user}" if profile.user else ""
    return getpass.getpass(f"{what}{who} on {profile.url} (not shown): ")


def _show_url(out: TextIO) -> object:
    import webbrowser

    def show(url: str) -> None:
        print("Sign in in your browser. If it does not open, open this address yourself:", file=out)
        print(url, file=out, flush=True)
        try:
            webbrowser.open(url)
        except webbrowser.Error:
            pass  # a remote shell has no browser; the printed address is enough

    return show


def run_logout(profile: Profile, out: TextIO) -> int:
    """Remove the profile's secret; drafts, outbox and cache stay (they are not credentials)."""
    from supportterm import accounts, paths

    removed = accounts.sign_out(profile)
    if removed:
        print(f"Signed out of '{profile.name}': its token is no longer in the keyring.", file=out)
    else:
        print(f"No token was stored for '{profile.name}'; nothing to remove.", file=out)
    print(f"Its cached tickets, drafts and outbox stay in {paths.store_path(profile.name)}.", file=out)
    return EXIT_OK
