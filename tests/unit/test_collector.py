"""The start-up GC policy (ui/collector.py): paused by the CLI, frozen once after the first paint."""

from __future__ import annotations

import gc

import pytest

from supportterm.ui import collector


@pytest.fixture(autouse=True)
def _restore_gc():
    frozen_before = gc.get_freeze_count()
    yield
    collector.resume()
    gc.enable()
    if gc.get_freeze_count() > frozen_before:
        gc.unfreeze()  # give the test process its heap back


def test_settle_after_pause_collects_freezes_and_reenables() -> None:
    collector.pause_for_startup()
    assert not gc.isenabled()

    class Node:
        def __init__(self) -> None:
            self.me = self

    Node()  # a reference cycle made while paused: garbage only the cyclic collector can free
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() > 0
    assert not any(type(o) is Node for o in gc.get_objects())


def test_settle_without_pause_leaves_the_collector_alone() -> None:
    """Apps built by tests (no CLI) must not freeze the test process."""
    frozen = gc.get_freeze_count()
    collector.settle()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


def test_resume_when_the_app_ended_before_painting() -> None:
    frozen = gc.get_freeze_count()
    collector.pause_for_startup()
    collector.resume()
    assert gc.isenabled()
    collector.settle()  # a late settle after resume does nothing
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
