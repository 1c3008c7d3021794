"""Snapshot of the composer with the checker's findings drawn in the text, at the smallest size (80x24).

Same fixed store and frozen clock as test_snapshots.py. The check is started at once (`check_now`) and
its worker awaited, so the highlights are there before the picture is taken; the cursor does not blink.
Regenerate only this one with `pytest tests/snapshots/test_composer_snapshot.py --snapshot-update`.
"""

from __future__ import annotations

from typing import Any

from test_snapshots import SnapCompare, app  # noqa: F401 - `app` is the shared fixture
from textual.pilot import Pilot
from ui.helpers import settle

from supportterm.ui.app import SupportTermApp
from supportterm.ui.screens.ticket import TicketScreen

REPLY = (
    "Hello ⟨customer.first_name⟩,\n"
    "sadly we cannot refund it, you should have read the manual.\n"
    "Key sk_live_4eC39HqLyjWDarjtT1zdp7dc\n"
    "Thanks, Support Unit 1"
)


async def _reply_with_findings(pilot: Pilot[Any]) -> None:
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TicketScreen)
    await pilot.press("r")
    area = screen.composer.text_area
    area.cursor_blink = False
    area.insert(REPLY)
    area.move_cursor((2, 10))  # on the key: the panel marks that finding
    await pilot.pause()
    screen.composer.check_now()
    await settle(pilot)
    pilot.app.clear_notifications()  # toasts of other features (SLA alerts) are not this picture's subject
    await pilot.pause()


def test_composer_with_highlights(app: SupportTermApp, snap_compare: SnapCompare) -> None:  # noqa: F811
    assert snap_compare(app, terminal_size=(80, 24), run_before=_reply_with_findings)
