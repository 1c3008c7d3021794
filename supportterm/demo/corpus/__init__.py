"""Provides the demo corpus: per-language text packs for `supportterm.demo.seed`.

Each language has a customer module (`en`, `ru`, `az`: subjects, bodies, extra details per scenario)
and a conversation module (`*_talk`: agent replies, mood and channel framing, names). Both fill the
scenario keys of `common.SCENARIOS`; a test checks that they do.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from supportterm.demo.corpus import az, az_talk, en, en_talk, ru, ru_talk


@dataclass(frozen=True, slots=True)
class Pack:
    """One language's texts: the customer scenarios and the conversation module."""

    language: str
    scenarios: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]
    """Scenario key -> (subjects, first-message bodies, extra details)."""
    talk: ModuleType
    """The `*_talk` module: REPLIES, GREET, OPEN, CLOSE, CHASE, names and the rest."""


PACKS: dict[str, Pack] = {
    "en": Pack("en", en.SCENARIOS, en_talk),
    "ru": Pack("ru", ru.SCENARIOS, ru_talk),
    "az": Pack("az", az.SCENARIOS, az_talk),
}
"""Language code -> its pack."""
