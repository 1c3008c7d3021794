"""Provides `FaultProxy`: a real TCP proxy on 127.0.0.1 for fault tests and bandwidth benchmarks.

It sits between a client and a server (asyncio, in its own daemon thread), forwards bytes both ways
and can misbehave on command. "up" is client → server (requests), "down" is server → client.

    with FaultProxy(("127.0.0.1", server_port)) as proxy:      # client talks to proxy.url
        proxy.latency = {"up": 0.05, "down": 0.05}             # seconds added to every chunk
        proxy.bandwidth = {"up": 8000, "down": 8000}           # bytes/s per connection (None: no cap)
        proxy.add_fault("up", "cut", after=40, trigger=b"POST ")  # the next POST dies 40 bytes in
        proxy.add_fault("down", "cut", trigger=b"POST ")       # its response is lost (server applied it)
        proxy.add_fault("down", "hold", trigger=b"POST ")      # its response waits for release()
        proxy.release()                                        # let every held byte go
        proxy.go_down(); proxy.go_up()                         # listener closed: ECONNREFUSED, then back
        proxy.reset_next(2)                                    # accept, then reset, the next 2 connections
        proxy.upstream = ("127.0.0.1", new_port)               # new connections go there
        before = proxy.stats(); ...; proxy.stats() - before    # bytes/requests/connections moved

Faults are one-shot and fire in the order they were added. `after` counts bytes of the fault's
direction that still pass: without a `trigger` from the moment the fault is added, on whichever
connection carries them; with one, on the connection whose request bytes contain `trigger`, counted
from the trigger ("up") or from that moment ("down"). `skip=k` lets k trigger matches go by first.
A "cut" closes both sides of that connection; a "hold" stops the direction until `release()`.

The byte counters are what the proxy wrote to the other side (the TCP payload, i.e. HTTP heads and
bodies as sent, compressed or not); requests and responses are counted by HTTP/1.1 framing
(Content-Length; chunked bodies are not supported), an independent check of the client's own meter.
A peer's close ends the connection both ways once the bytes queued before it are through.
"""

from __future__ import annotations

import asyncio
import re
import socket
import struct
import threading
import time
from dataclasses import dataclass, fields
from typing import Any

DIRECTIONS = ("up", "down")


@dataclass
class Stats:
    """Counters since the proxy started; subtract two snapshots for one step."""

    up: int = 0
    """Bytes forwarded client → server."""
    down: int = 0
    """Bytes forwarded server → client."""
    requests: int = 0
    responses: int = 0
    connections: int = 0
    """Client connections accepted and forwarded (not counting resets)."""
    resets: int = 0
    cuts: int = 0
    holds: int = 0
    """Holds that took effect (bytes are waiting behind them)."""

    def __sub__(self, other: Stats) -> Stats:
        return Stats(**{f.name: getattr(self, f.name) - getattr(other, f.name) for f in fields(self)})

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class _Fault:
    direction: str
    action: str
    after: int
    trigger: bytes | None
    skip: int
    conn: _Conn | None = None


class _HttpCounter:
    """Counts HTTP/1.1 messages in one direction of one connection by their framing."""

    _LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)

    def __init__(self) -> None:
        self.head = b""
        self.body_left = 0

    def feed(self, data: bytes) -> int:
        done = 0
        while data:
            if self.body_left:
                take = min(self.body_left, len(data))
                self.body_left -= take
                data = data[take:]
                continue
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                return done
            head, data, self.head = self.head[:end], self.head[end + 4:], b""
            done += 1
            match = self._LENGTH.search(head)
            self.body_left = int(match[1]) if match else 0
        return done


class _Conn:
    """One proxied connection: two pumps (read → queue) and two drains (queue → write)."""

    def __init__(self, proxy: FaultProxy, client: tuple[Any, Any], server: tuple[Any, Any]) -> None:
        self.proxy = proxy
        self.readers = {"up": client[0], "down": server[0]}
        self.writers = {"up": server[1], "down": client[1]}
        self.queues: dict[str, asyncio.Queue[tuple[float, str, Any]]] = {
            d: asyncio.Queue() for d in DIRECTIONS}
        self.counters = {d: _HttpCounter() for d in DIRECTIONS}
        self.free_at = {d: 0.0 for d in DIRECTIONS}
        self.tail = b""
        self.tasks: list[asyncio.Task[None]] = []

    async def run(self) -> None:
        self.tasks = [asyncio.ensure_future(c) for d in DIRECTIONS for c in (self.pump(d), self.drain(d))]
        try:
            await asyncio.gather(*self.tasks)
        except (asyncio.CancelledError, OSError):
            pass
        finally:
            self.close()

    def close(self) -> None:
        for task in self.tasks:
            if task is not asyncio.current_task():
                task.cancel()
        for writer in self.writers.values():
            writer.close()
        self.proxy._conns.discard(self)

    async def pump(self, direction: str) -> None:
        reader = self.readers[direction]
        while True:
            try:
                data = await reader.read(65536)
            except OSError:
                data = b""
            due = time.monotonic() + self.proxy.latency.get(direction, 0.0)
            if not data:
                await self.queues[direction].put((due, "eof", b""))
                return
            for action, part in self.proxy._process(self, direction, data):
                await self.queues[direction].put((due, action, part))

    async def drain(self, direction: str) -> None:
        writer, queue = self.writers[direction], self.queues[direction]
        while True:
            due, action, data = await queue.get()
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            if action == "data":
                if data:
                    await self._write(direction, writer, data)
            elif action == "hold":  # `data` is the proxy's release event of the moment it was decided
                self.proxy._count(holds=1)
                await data.wait()
            else:  # "cut" or "eof": the connection ends here, both sides
                self.close()
                return

    async def _write(self, direction: str, writer: Any, data: bytes) -> None:
        rate = self.proxy.bandwidth.get(direction)
        step = len(data) if not rate else max(1, min(len(data), int(rate) // 20 or 1))
        for start in range(0, len(data), step):
            piece = data[start:start + step]
            if rate:  # serialise at `rate`: each piece leaves when the link is free again
                now = time.monotonic()
                self.free_at[direction] = max(now, self.free_at[direction]) + len(piece) / rate
                await asyncio.sleep(self.free_at[direction] - now)
            # Counted before the write: once the peer has the bytes, a snapshot must include them.
            messages = self.counters[direction].feed(piece)
            key = "requests" if direction == "up" else "responses"
            self.proxy._count(**{direction: len(piece), key: messages})
            writer.write(piece)
            await writer.drain()


class FaultProxy:
    """A TCP proxy with scriptable faults; see the module docstring. Use as a context manager."""

    def __init__(self, upstream: tuple[str, int], *, host: str = "127.0.0.1", port: int = 0) -> None:
        self.upstream = upstream
        self.host, self.port = host, port
        self.latency: dict[str, float] = {"up": 0.0, "down": 0.0}
        self.bandwidth: dict[str, float | None] = {"up": None, "down": None}
        self._stats = Stats()
        self._lock = threading.Lock()
        self._faults: list[_Fault] = []
        self._resets = 0
        self._conns: set[_Conn] = set()
        self._server: asyncio.AbstractServer | None = None
        self._released = asyncio.Event()
        """Set (and replaced) by `release()`; each hold waits on the one current when it was decided."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    # ---- life cycle ---------------------------------------------------------------------------

    def start(self) -> FaultProxy:
        self._thread.start()
        self._call(self._listen())
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            self._call(self._shutdown(final=True))
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
        self._loop.close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- faults -------------------------------------------------------------------------------

    def add_fault(self, direction: str, action: str, *, after: int = 0, trigger: bytes | None = None,
                  skip: int = 0) -> None:
        """Arm a one-shot "cut" or "hold" in direction "up" or "down" (see the module docstring)."""
        assert direction in DIRECTIONS and action in ("cut", "hold")
        with self._lock:
            self._faults.append(_Fault(direction, action, after, trigger, skip))

    def clear_faults(self) -> int:
        """Disarm faults (and resets) that have not fired yet; returns how many there were."""
        with self._lock:
            left, self._faults = len(self._faults) + self._resets, []
            self._resets = 0
        return left

    def pending_faults(self) -> int:
        with self._lock:
            return len(self._faults)

    def release(self) -> None:
        """Let every held direction flow again."""
        def wake() -> None:
            self._released.set()
            self._released = asyncio.Event()
        self._loop.call_soon_threadsafe(wake)

    def go_down(self) -> None:
        """Stop listening (new connections are refused) and cut every open connection."""
        self._call(self._shutdown())

    def go_up(self) -> None:
        """Listen again on the same port."""
        self._call(self._listen())

    def cut_all(self) -> None:
        """Close every open connection now (keep listening)."""
        self._loop.call_soon_threadsafe(lambda: [c.close() for c in list(self._conns)])

    def reset_next(self, n: int) -> None:
        """Accept the next `n` connections and reset them at once (a flaky middlebox)."""
        with self._lock:
            self._resets += n

    def stats(self) -> Stats:
        with self._lock:
            return Stats(**self._stats.as_dict())

    # ---- inside the loop ----------------------------------------------------------------------

    def _call(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(10)

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._accept, self.host, self.port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def _shutdown(self, final: bool = False) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        for conn in list(self._conns):
            conn.close()
        if final:  # let cancelled tasks finish, so none is destroyed while pending
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            if tasks:
                await asyncio.wait(tasks, timeout=2)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with self._lock:
            reset, self._resets = self._resets > 0, max(0, self._resets - 1)
        if reset:
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
            self._count(resets=1)
            return
        try:
            server = await asyncio.open_connection(*self.upstream)
        except OSError:  # the server is down: the client sees its connection closed
            writer.transport.abort()
            return
        conn = _Conn(self, (reader, writer), server)
        self._conns.add(conn)
        self._count(connections=1)
        await conn.run()

    def _count(self, **deltas: int) -> None:
        with self._lock:
            for key, value in deltas.items():
                setattr(self._stats, key, getattr(self._stats, key) + value)

    def _process(self, conn: _Conn, direction: str, data: bytes) -> list[tuple[str, Any]]:
        """Split a chunk by the faults it meets: [("data", part), ("cut"|"hold", b""), ...]."""
        with self._lock:
            offsets: dict[int, int] = {}
            if direction == "up":
                offsets = self._bind_triggers(conn, data)
            for fault in self._faults:
                if fault.direction != direction or (fault.trigger is not None and fault.conn is not conn):
                    continue
                room = fault.after + offsets.get(id(fault), 0)
                if len(data) <= room:
                    fault.after = room - len(data)
                    return [("data", data)]
                self._faults.remove(fault)
                if fault.action == "cut":
                    self._stats.cuts += 1
                    return [("data", data[:room]), ("cut", None)]
                return [("data", data[:room]), ("hold", self._released), ("data", data[room:])]
            return [("data", data)]

    def _bind_triggers(self, conn: _Conn, data: bytes) -> dict[int, int]:
        """Give each trigger occurrence in this chunk to the first unbound fault waiting for it (which
        lets it go by while `skip` lasts, else binds to this connection); returns start offsets."""
        offsets: dict[int, int] = {}
        seen = conn.tail + data
        for trigger in {f.trigger for f in self._faults if f.trigger is not None and f.conn is None}:
            start = 0
            while (at := seen.find(trigger, start)) >= 0:
                start = at + 1
                if at + len(trigger) <= len(conn.tail):
                    continue  # matched within the previous chunk already
                fault = next((f for f in self._faults if f.trigger == trigger and f.conn is None), None)
                if fault is None:
                    break
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.conn = conn
                offsets[id(fault)] = max(0, at - len(conn.tail))
        conn.tail = seen[-64:]
        return offsets
