"""The start-up GC policy (ui/collector.py): paused by the CLI, frozen once after the first paint."""

from __future__ import annotations

import gc
import time

import pytest

from supportterm.ui import activity, collector


@pytest.fixture(autouse=True)
def _restore_gc(monkeypatch: pytest.MonkeyPatch):
    frozen_before, threshold = gc.get_freeze_count(), gc.get_threshold()
    monkeypatch.setattr(collector, "_settled", False)
    yield
    collector.resume()
    gc.enable()
    gc.set_threshold(*threshold)
    if gc.get_freeze_count() > frozen_before:
        gc.unfreeze()  # give the test process its heap back


def test_settle_after_pause_collects_freezes_and_reenables() -> None:
    collector.pause_for_startup()
    assert not gc.isenabled()

    class Node:
        def __init__(self) -> None:
            self.me = self

    Node()  # a reference cycle made while paused: garbage only the cyclic collector can free
    assert collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert not any(type(o) is Node for o in gc.get_objects())


def test_settle_without_pause_leaves_the_collector_alone() -> None:
    """Apps built by tests (no CLI) must not freeze the test process."""
    frozen, threshold = gc.get_freeze_count(), gc.get_threshold()
    assert not collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
    assert gc.get_threshold() == threshold
    assert not collector.collect_when_idle()


def test_resume_when_the_app_ended_before_painting() -> None:
    frozen = gc.get_freeze_count()
    collector.pause_for_startup()
    collector.resume()
    assert gc.isenabled()
    collector.settle()  # a late settle after resume does nothing
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_full_collections_wait_for_a_pause_in_typing(monkeypatch: pytest.MonkeyPatch) -> None:
    collector.pause_for_startup()
    assert collector.settle()
    assert gc.get_threshold()[2] >= 1000  # no automatic full collection in the middle of a page-down
    activity.key_pressed()
    assert not collector.collect_when_idle()  # typing: wait
    monkeypatch.setattr(activity, "_last_key", time.monotonic() - collector.IDLE_S - 1)
    assert collector.collect_when_idle()  # a pause: collect now
    activity.key_pressed()
    assert not collector.collect_when_idle()  # typing again, and the last full collection is recent


def test_a_full_collection_is_never_overdue(monkeypatch: pytest.MonkeyPatch) -> None:
    collector.pause_for_startup()
    assert collector.settle()
    activity.key_pressed()
    monkeypatch.setattr(collector, "_last_full", time.monotonic() - collector.FULL_AT_LEAST_EVERY_S - 1)
    assert collector.collect_when_idle()  # typing without a pause for a minute: collect anyway
