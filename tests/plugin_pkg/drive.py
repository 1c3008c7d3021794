"""Run in a subprocess by tests/unit/test_plugin_backend.py, with the installed plug-in on sys.path:
serves a two-ticket TinyDesk on loopback, finds the adapter by name through the entry point, syncs once
through the real engine and prints what happened as JSON."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from supportterm.backends.registry import backend_names, load_backend
from supportterm.config import Profile
from supportterm.store import tickets as cache
from supportterm.store.db import Store
from supportterm.sync.session import build_engine, close_engine

ROUTES = {
    "/me": {"id": "agent-1", "name": "Aysel"},
    "/tickets": {"tickets": [
        {"id": 1, "subject": "Printer on fire", "status": "open", "customer": "c1",
         "updated": "2026-11-20T10:00:00Z"},
        {"id": 2, "subject": "VPN drops", "status": "new", "customer": "c2",
         "updated": "2026-11-20T11:00:00Z"},
    ]},
}


class TinyDesk(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        known = self.headers.get("X-Tiny-Key") == "tiny-key"
        answer = ROUTES.get(self.path, {"error": "not found"}) if known else {"error": "key"}
        body = json.dumps(answer).encode()
        self.send_response(200 if known and self.path in ROUTES else 401 if not known else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


async def main(folder: Path) -> dict[str, object]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), TinyDesk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    backend_cls = load_backend("tinydesk")
    store = Store(folder / "store.sqlite3")
    engine = build_engine(Profile(name="tiny", backend="tinydesk", url=url), store, token="tiny-key")
    try:
        report = await engine.sync_once()
        agent = await engine.sign_in()
    finally:
        await close_engine(engine)
        server.shutdown()
    cached = [store.read(lambda c, i=i: cache.get_ticket(c, i)) for i in ("1", "2")]
    subjects = sorted(t.subject for t in cached if t is not None)
    store.close()
    return {"names": backend_names(), "class": f"{backend_cls.__module__}.{backend_cls.__name__}",
            "module_file": sys.modules[backend_cls.__module__].__file__, "error": report.error,
            "tickets_changed": report.tickets_changed, "subjects": subjects, "agent": agent.name}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(Path(sys.argv[1])))))
