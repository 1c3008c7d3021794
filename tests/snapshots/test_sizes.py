"""Snapshot tests at the smallest and a large terminal (80x24, 160x48): inbox, ticket, help, palette.

Same fixed store and frozen clock as test_snapshots.py; nothing reaches the network. At 80x24 the
point is that nothing important is cut off (subject, status, the reply/note label); at 160x48 that the
layout uses the room.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_snapshots import SnapCompare, app  # noqa: F401 - `app` is the shared fixture
from textual.pilot import Pilot

from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.inbox import InboxScreen
from supportterm.ui.widgets.shift_bar import ShiftBar

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


async def _open_first(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _inbox_drawn(pilot: Pilot[Any]) -> None:
    """The inbox behind a modal as the agent sees it: view counts counted (a thread worker) and the shift
    line drawn (its first tick is a 50 ms timer after the first paint, which a loaded machine can miss:
    test_help[160x48] once showed an empty shift line)."""
    for _ in range(100):  # the inbox is pushed just after the app's mount
        if isinstance(pilot.app.screen, InboxScreen):
            break
        await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    pilot.app.screen.query_one(ShiftBar).tick()


async def _help(pilot: Pilot[Any]) -> None:
    await _inbox_drawn(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def _palette(pilot: Pilot[Any]) -> None:
    await _inbox_drawn(pilot)
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"refund")
    await pilot.pause(0.3)


@pytest.mark.parametrize("size", SIZES)
def test_inbox(app: SupportTermApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:  # noqa: F811
    assert snap_compare(app, terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_ticket(app: SupportTermApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:  # noqa: F811
    assert snap_compare(app, terminal_size=size, run_before=_open_first)


@pytest.mark.parametrize("size", SIZES)
def test_help(app: SupportTermApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:  # noqa: F811
    assert snap_compare(app, terminal_size=size, run_before=_help)


@pytest.mark.parametrize("size", SIZES)
def test_palette(app: SupportTermApp, snap_compare: SnapCompare, size: tuple[int, int]) -> None:  # noqa: F811
    assert snap_compare(app, terminal_size=size, run_before=_palette)
