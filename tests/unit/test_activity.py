"""Tests of ui/activity.py: background work waits for a pause in the agent's typing, within a bound."""

from __future__ import annotations

import asyncio
import sys
import time

import pytest

from supportterm.ui import activity


def test_quiet_for_counts_from_the_last_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(activity, "_last_key", time.monotonic() - 5)
    assert activity.quiet_for() >= 5
    activity.key_pressed()
    assert activity.quiet_for() < 1


def test_waits_while_keys_keep_coming_and_returns_after_the_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    async def scenario() -> tuple[int, float]:
        keys = 0

        async def typing() -> None:
            nonlocal keys
            for _ in range(5):
                activity.key_pressed()
                keys += 1
                await asyncio.sleep(0.02)

        typist = asyncio.create_task(typing())
        await asyncio.sleep(0)
        await activity.wait_for_quiet(quiet_s=0.1, at_most_s=10)
        await typist
        return keys, activity.quiet_for()

    keys, quiet = asyncio.run(scenario())
    assert keys == 5  # it did not run in the middle of the burst
    assert quiet >= 0.1


def test_never_waits_past_its_bound() -> None:
    async def scenario() -> bool:
        stop = False

        async def typing() -> None:
            while not stop:
                activity.key_pressed()
                await asyncio.sleep(0.005)

        typist = asyncio.create_task(typing())
        await activity.wait_for_quiet(quiet_s=60, at_most_s=0.05)
        returned_while_typing = activity.quiet_for() < 60
        stop = True
        await typist
        return returned_while_typing

    assert asyncio.run(scenario())


def test_an_interactive_run_shortens_the_switch_interval() -> None:
    before = sys.getswitchinterval()
    try:
        activity.favour_the_ui_thread()
        assert sys.getswitchinterval() == pytest.approx(activity.UI_SWITCH_INTERVAL_S)
    finally:
        sys.setswitchinterval(before)
