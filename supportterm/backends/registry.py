"""Provides backend discovery through the `supportterm.backends` entry-point group.

Three grains, as harlequin's plugin loader has them: names without importing anything, one adapter
loaded with a helpful error, and all adapters with a warning on stderr for each that fails.
"""

from __future__ import annotations

import sys
from importlib.metadata import EntryPoint, entry_points

from supportterm.backends.base import HelpdeskBackend
from supportterm.errors import ConfigError

GROUP = "supportterm.backends"

_BUILTIN = {
    "demo": "supportterm.backends.demo:DemoBackend",
    "rt": "supportterm.backends.rt:RTBackend",
    "django-helpdesk": "supportterm.backends.django_helpdesk:DjangoHelpdeskBackend",
    "generic": "supportterm.backends.generic:GenericRestBackend",
    "zendesk": "supportterm.backends.zendesk:ZendeskBackend",
    "helpscout": "supportterm.backends.helpscout:HelpScoutBackend",
    "freshdesk": "supportterm.backends.freshdesk:FreshdeskBackend",
    "zammad": "supportterm.backends.zammad:ZammadBackend",
}
"""Used when the package runs from a source tree without installed metadata."""


def _entry_points() -> dict[str, EntryPoint]:
    found = {ep.name: ep for ep in entry_points(group=GROUP)}
    for name, target in _BUILTIN.items():
        found.setdefault(name, EntryPoint(name=name, value=target, group=GROUP))
    return found


def backend_names() -> list[str]:
    """Names of every installed backend, without importing any of them."""
    return sorted(_entry_points())


def load_backend(name: str) -> type[HelpdeskBackend]:
    """Import exactly one backend class; ConfigError lists the installed names if it is unknown."""
    points = _entry_points()
    if name not in points:
        raise ConfigError(
            f"Unknown backend '{name}'. Installed backends: {', '.join(sorted(points))}."
        )
    cls = points[name].load()
    if not (isinstance(cls, type) and issubclass(cls, HelpdeskBackend)):
        raise ConfigError(f"Backend '{name}' ({points[name].value}) is not a HelpdeskBackend.")
    return cls


def load_all() -> dict[str, type[HelpdeskBackend]]:
    """Every backend that imports; a broken third-party plug-in only costs a warning."""
    loaded: dict[str, type[HelpdeskBackend]] = {}
    for name in backend_names():
        try:
            loaded[name] = load_backend(name)
        except Exception as exc:  # noqa: BLE001 - a plug-in may fail in any way
            print(f"supportterm: backend '{name}' failed to load: {exc}", file=sys.stderr)
    return loaded
