"""Provides `supportterm doctor`: every check of every profile in order, as text lines or JSON.

Order per profile (each line says OK/WARN/FAIL/SKIP and what to fix): config, backend, options, keyring,
reach (DNS + TCP), tls, auth (`whoami`), clock (the server's Date header), data (folder 0700, files 0600),
cache (SQLite integrity check), outbox (queued, conflicts, failures, drafts), log. A check whose
prerequisite failed is SKIPped rather than piling up consequences of one cause. Exit status: 0 when
nothing FAILed (with `strict`, nothing WARNed either), 1 otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from supportterm import paths
from supportterm.config import Problem, Profile, check_settings, config_path
from supportterm.doctor_checks import (
    FAIL,
    OK,
    SKIP,
    WARN,
    Check,
    backend_check,
    cache_check,
    config_check,
    data_check,
    keyring_check,
    lexicon_check,
    log_check,
    options_check,
    outbox_check,
)
from supportterm.domain.text import one_line


@dataclass
class ProfileReport:
    """The checks of one profile, in the order they ran."""

    profile: str
    backend: str = ""
    url: str = ""
    checks: list[Check] = field(default_factory=list)

    def failed(self, *, strict: bool = False) -> bool:
        bad = (FAIL, WARN) if strict else (FAIL,)
        return any(check.status in bad for check in self.checks)


def profile_names(problems: list[Problem], profiles: dict[str, Profile]) -> list[str]:
    """Every profile the config names, including those too broken to load."""
    names = list(profiles)
    for problem in problems:
        parts = problem.key.split(".")
        if len(parts) >= 2 and parts[0] == "profiles" and parts[1] not in names:
            names.append(parts[1])
    return names


def diagnose(only: str | None = None, *, adhoc: Profile | None = None,
             clock: Callable[[], datetime] | None = None) -> list[ProfileReport]:
    """Run the checks for one profile (`only`, or an ad-hoc `--backend/--url` one) or for all of them."""
    file = config_path()
    settings, problems = check_settings(file)
    if adhoc is not None:
        return [check_profile(adhoc.name, adhoc, None, [], clock)]
    names = [only] if only else profile_names(problems, settings.profiles)
    if not names:
        report = ProfileReport("(none)")
        first = next((p for p in problems if p.severity == "error"), None)
        detail = str(first) if first else f"{file}: no [profiles.NAME] section"
        fix = "Add a [profiles.NAME] section (docs/accounts.md), or try supportterm demo."
        report.checks.append(Check("config", FAIL, detail, fix))
        return [report]
    return [check_profile(name, settings.profiles.get(name), file, problems, clock) for name in names]


def check_profile(name: str, profile: Profile | None, file: Path | None, problems: list[Problem],
                  clock: Callable[[], datetime] | None = None) -> ProfileReport:
    """Every check of one profile (`file` None: given by --backend/--url); stops after the config line
    when the profile cannot be read."""
    report = ProfileReport(name, profile.backend if profile else "", profile.url if profile else "")
    add = report.checks.append
    if file is None:
        add(Check("config", OK, "--backend and --url given: no config file needed"))
    else:
        add(config_check(name, file, problems, profile))
    if profile is None:
        return report
    backend_line, backend = backend_check(profile)
    add(backend_line)
    add(options_check(profile, backend) if backend else Check("options", SKIP, "backend not loaded"))
    keyring_line, secret = keyring_check(profile)
    add(keyring_line)
    _network_checks(report, profile, secret if backend else None, clock)
    store = paths.store_path(name)
    add(data_check(store))
    add(cache_check(store))
    add(outbox_check(store))
    add(log_check())
    add(lexicon_check())
    return report


def _network_checks(report: ProfileReport, profile: Profile, secret: str | None,
                    clock: Callable[[], datetime] | None) -> None:
    from supportterm.doctor_net import auth_and_clock_checks, reach_check, tls_check

    reach = reach_check(profile)
    report.checks.append(reach)
    if reach.status == FAIL:
        unreachable = "the helpdesk is not reachable"
        report.checks.extend(Check(name, SKIP, unreachable) for name in ("tls", "auth", "clock"))
        return
    report.checks.append(tls_check(profile))
    report.checks.extend(auth_and_clock_checks(profile, secret, clock=clock))


def exit_status(reports: list[ProfileReport], *, strict: bool = False) -> int:
    """0 when every profile passed, 1 otherwise."""
    return 1 if any(report.failed(strict=strict) for report in reports) else 0


def format_text(reports: list[ProfileReport]) -> str:
    """One line per check, a heading per profile, a count at the end (plain text, no colour)."""
    lines = [f"supportterm doctor: config {config_path()}"]
    for report in reports:
        where = ""
        if report.backend:
            where = f" ({one_line(report.backend, limit=60)}, {one_line(report.url, limit=200)})"
        lines.append(f"profile {one_line(report.profile, limit=80)}{where}")
        for check in report.checks:
            fix = f"  -> {one_line(check.fix, limit=500)}" if check.fix and check.status != "OK" else ""
            lines.append(f"  {check.status:<4}  {check.name:<8} {one_line(check.detail, limit=500)}{fix}")
    fails = sum(c.status == FAIL for r in reports for c in r.checks)
    warns = sum(c.status == WARN for r in reports for c in r.checks)
    lines.append(f"{fails} problem(s), {warns} warning(s)." if fails or warns else "Everything is OK.")
    return "\n".join(lines)


def format_json(reports: list[ProfileReport], *, strict: bool = False) -> str:
    """The report as JSON: {"ok", "config", "profiles": [{"profile", "backend", "url", "ok", "checks"}]}."""
    data = {
        "ok": exit_status(reports, strict=strict) == 0,
        "config": str(config_path()),
        "profiles": [{"profile": r.profile, "backend": r.backend, "url": r.url,
                      "ok": not r.failed(strict=strict), "checks": [asdict(c) for c in r.checks]}
                     for r in reports],
    }
    return json.dumps(data, ensure_ascii=False)
