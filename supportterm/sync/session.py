"""Provides the wiring from a profile to a ready sync engine: client, adapter, store, meter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import httpx

from supportterm.backends.http import Meter, make_client
from supportterm.backends.registry import load_backend
from supportterm.config import Profile
from supportterm.logs import remember_secret
from supportterm.store.db import Store
from supportterm.sync.engine import SyncEngine
from supportterm.sync.events import SyncEvent


def build_engine(
    profile: Profile,
    store: Store,
    *,
    token: str | None,
    on_event: Callable[[SyncEvent], None] = lambda event: None,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], datetime] | None = None,
) -> SyncEngine:
    """An engine for `profile` over a metered client; the caller closes it with `close_engine`."""
    remember_secret(token)
    backend_cls = load_backend(profile.backend)
    meter = Meter()
    client = make_client(profile.url, meter=meter, transport=transport, verify=profile.verify_tls)
    options = {"url": profile.url, **({"user": profile.user} if profile.user else {}), **profile.options}
    backend = backend_cls(options, client=client, token=token)
    if clock is None:
        return SyncEngine(backend, store, meter=meter, on_event=on_event)
    return SyncEngine(backend, store, meter=meter, on_event=on_event, clock=clock)


async def close_engine(engine: SyncEngine) -> None:
    """Close the adapter and its HTTP client."""
    await engine.backend.aclose()
    await engine.backend.client.aclose()
