"""The sync governor: idle slow-down, recovery, Retry-After, rate-limit windows, jittered backoff."""

from __future__ import annotations

import random

import httpx

from supportterm.backends.http import Meter
from supportterm.sync.events import SyncReport
from supportterm.sync.governor import Governor


def _governor() -> Governor:
    return Governor(interval_s=30, idle_max_s=300, retry_first_s=2, retry_max_s=120, rng=random.Random(7))


def test_quiet_cycles_slow_polling_down_to_a_ceiling_and_activity_resets_it() -> None:
    gov = _governor()
    delays = [gov.next_delay(SyncReport()) for _ in range(10)]
    assert delays[0] == 45 and delays[1] == 67.5
    assert delays == sorted(delays) and delays[-1] == 300
    assert gov.next_delay(SyncReport(tickets_changed=1)) == 30
    gov.next_delay(SyncReport())
    gov.activity()
    assert gov.next_delay(SyncReport(outbox_delivered=1)) == 30


def test_failures_back_off_exponentially_with_jitter_and_recover() -> None:
    gov = _governor()
    offline = SyncReport(online=False, error="down")
    delays = [gov.next_delay(offline) for _ in range(9)]
    for n, delay in enumerate(delays):
        ceiling = min(120, 2 * 2**n)
        assert ceiling / 2 <= delay <= ceiling
    assert delays[-1] >= 60
    assert gov.next_delay(SyncReport(tickets_changed=3)) == 30
    assert gov.failures == 0


def test_retry_after_is_honoured() -> None:
    gov = _governor()
    delay = gov.next_delay(SyncReport(error="slow down", retry_after=17))
    assert 17 <= delay <= 18


def test_an_exhausted_rate_window_waits_for_its_reset() -> None:
    assert _governor().next_delay(SyncReport(rate_reset_s=90)) == 90
    assert _governor().next_delay(SyncReport(rate_reset_s=3)) == 30


def test_meter_reads_rate_limit_headers_in_both_common_spellings() -> None:
    meter = Meter()
    meter.observe_limits(httpx.Headers({"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "40"}), now=1000.0)
    assert (meter.rate_remaining, meter.rate_reset_s) == (0, 40)
    meter.observe_limits(httpx.Headers({"ratelimit-remaining": "5", "ratelimit-reset": "1700000060"}), now=1700000000.0)
    assert (meter.rate_remaining, meter.rate_reset_s) == (5, 60)
    meter.observe_limits(httpx.Headers({"Content-Type": "application/json"}), now=0.0)
    assert meter.rate_remaining == 5
