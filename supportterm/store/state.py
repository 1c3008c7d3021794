"""Provides small key/value sync state: cursors, the signed-in agent, the last sync report."""

from __future__ import annotations

import sqlite3


def get_state(conn: sqlite3.Connection, key: str) -> str | None:
    """A sync-state value (cursor, signed-in agent id...)."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def put_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Store a sync-state value."""
    conn.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", (key, value))
