"""Provides the seed's writer: corpus templates turned into message bodies shaped by mood and channel.

`Traits` says what a ticket is about and how it arrives; `Writer` fills subjects, first messages,
follow-ups, agent replies and internal notes from `supportterm.demo.corpus` with the caller's random,
so the texts are as deterministic as the seed. Used by `seed.py` (`generate` and `Activity`).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from supportterm.demo.corpus import PACKS, Pack, common
from supportterm.demo.corpus.values import Values, pick, upper

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class Traits:
    """What a new ticket is about and how it arrives; shared by `generate` and `Activity`."""

    key: str
    mood: str
    channel: str
    priority: str
    informal: bool
    tags: list[str]
    variant: int = 0
    """Which body of the scenario; the subject usually matches it."""


class Writer:
    """Turns corpus texts into message bodies shaped by mood and channel, with the caller's random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def subject(self, pack: Pack, t: Traits, v: Values) -> str:
        """A subject line; angry customers sometimes shout or prefix URGENT."""
        if t.channel == "chat" and self.rng.random() < 0.25:
            return pack.talk.CHAT_SUBJECT.format(name=v["name"])
        subjects = pack.scenarios[t.key][0]
        matching = self.rng.random() < 0.85  # usually the subject that goes with the body
        text = v.fill(subjects[t.variant % len(subjects)] if matching else pick(self.rng, subjects))
        roll = self.rng.random()
        if t.mood == "angry" and roll < 0.25:
            return upper(text, pack.language) + "!!!"
        if t.mood == "angry" and roll < 0.45:
            return pack.talk.URGENT + text
        return text

    def first_message(self, pack: Pack, t: Traits, v: Values) -> str:
        """The customer's first message, in the shape of its channel."""
        talk, rng = pack.talk, self.rng
        bodies = pack.scenarios[t.key][1]
        core = v.fill(bodies[t.variant % len(bodies)])
        informal = t.informal and bool(talk.INFORMAL)
        opener = v.fill(pick(rng, talk.INFORMAL["open"] if informal else talk.OPEN[t.mood]))
        closer = v.fill(pick(rng, talk.INFORMAL["close"] if informal else talk.CLOSE[t.mood]))
        if t.channel == "chat":
            lines = [pick(rng, talk.CHAT_HELLO), opener if t.mood == "angry" else ""]
            lines += _SENTENCE.split(core)[:3] + [closer if informal else pick(rng, talk.CHAT_END)]
            return "\n".join(line for line in lines if line)
        if t.channel == "phone":
            return self._call(talk, core, t.mood, v)
        if t.channel == "forum":
            return "\n\n".join(p for p in (opener, core, pick(rng, talk.FORUM_TAIL)) if p)
        if t.channel == "web":
            company = talk.FORM_COMPANY.format(org=v["org"]) if v["org"] else ""
            text = core if t.mood == "calm" and not informal else f"{core}\n\n{closer}"
            return talk.FORM.format(name=v["name"], email=v["email"], company=company, domain=v["domain"],
                                    topic=talk.TOPICS[common.SCENARIOS[t.key][0]], text=text)
        return self._email(talk, core, opener, closer, v)

    def _email(self, talk: Any, core: str, opener: str, closer: str, v: Values) -> str:
        rng = self.rng
        org = f"\n{v['org']}" if v["org"] else ""
        signature = v["first"] if rng.random() < 0.5 else v["name"] + org
        body = f"{opener}\n\n{core}\n\n{closer}\n{signature}"
        if rng.random() < 0.12:  # a resend, quoting the customer's own unanswered mail
            earlier = v.when - timedelta(hours=rng.uniform(20, 72))
            resend = v.fill(pick(rng, talk.RESEND))
            body = f"{resend}\n\n{body}\n\n{self.quote(talk, earlier, v['name'], v['email'], core)}"
        return body

    def _call(self, talk: Any, core: str, mood: str, v: Values) -> str:
        rng = self.rng
        phone = v["phone"] or talk.PHONE.format(
            pick(rng, talk.PHONE_PREFIXES), rng.randrange(100), rng.randrange(100))
        text = " ".join(_SENTENCE.split(core)[:2])
        note = pick(rng, talk.CALL).format(mins=rng.randrange(2, 16), text=text, phone=phone)
        return f"{note}\n{talk.CALL_ANGRY}" if mood == "angry" else note

    def quote(self, talk: Any, when: datetime, who: str, addr: str, text: str) -> str:
        """An e-mail client's quoted history block: "On ..., X wrote:" and "> " lines."""
        header = talk.QUOTE.format(
            wd=talk.WEEKDAYS[when.weekday()], day=when.day, mon=talk.MONTHS[when.month - 1],
            year=when.year, hm=f"{when:%H:%M}", who=who, addr=addr)
        lines = text.splitlines()[:8]
        return header + "\n" + "\n".join(f"> {line}" if line else ">" for line in lines)

    def follow_up(self, pack: Pack, t: Traits, kind: str, v: Values, previous: tuple | None = None) -> str:
        """A customer's later message: `kind` is chase, detail, still or thanks."""
        talk, rng = pack.talk, self.rng
        pool = {"detail": pack.scenarios[t.key][2], "still": talk.STILL, "thanks": talk.THANKS_CUSTOMER}
        text = v.fill(pick(rng, pool.get(kind) or talk.CHASE[t.mood]))
        if t.mood == "angry" and kind == "still":
            text += " " + v.fill(pick(rng, talk.CLOSE["angry"]))
        if t.channel in ("chat", "forum"):
            return text
        if t.channel == "phone":
            return talk.CALL_AGAIN.format(text=text)
        greeting = "" if kind == "chase" else v.fill(pick(rng, talk.AGAIN)) + "\n\n"  # chasers greet already
        body = f"{greeting}{text}\n\n{v['first']}"
        if previous is not None and rng.random() < 0.6:
            body += "\n\n" + self.quote(talk, *previous)
        return body

    def agent_reply(self, pack: Pack, t: Traits, kind: str, v: Values, agent: dict, first: bool,
                    variant: int) -> str:
        """An agent's public answer (A), delay notice (U) or resolution (R): polite, formal, signed."""
        talk, rng = pack.talk, self.rng
        v["agent"], v["agent_first"] = agent["name"], agent["name"].split()[0]
        replies = talk.REPLIES[t.key]
        text = {"A": replies[variant], "U": pick(rng, talk.UPDATE), "R": replies[2]}[kind]
        if first:  # the first answer thanks, reassures or apologises, depending on the mood
            lead = {"angry": talk.EMPATHY, "confused": talk.REASSURE if kind == "A" else talk.THANKS}
            text = f"{pick(rng, lead.get(t.mood, talk.THANKS))} {text}"
        elif kind == "R":
            text = f"{pick(rng, talk.RESOLVED)} {text}"
        female = agent["id"] in common.FEMALE_AGENTS
        if t.channel == "chat":
            return v.fill(f"{pick(rng, talk.GREET_CHAT)} {text}" if first else text, female)
        mail = t.channel in ("email", "web")  # CLOSING[0] says "reply to this e-mail"
        closing = pick(rng, talk.CLOSING if mail else talk.CLOSING[1:])
        parts = (pick(rng, talk.GREET), text, closing, pick(rng, talk.SIGNOFF))
        return v.fill("\n\n".join(parts), female)

    def note(self, pack: Pack, t: Traits, v: Values, agent: dict, answered: bool) -> str:
        """An internal note: in English, or in the agent's own language now and then.

        Until an agent has answered in public (`answered`), notes that speak of a reply (`AfterReply`)
        are left out. The random draws are the same either way, so only that note's text changes.
        """
        rng = self.rng
        own = _usable(PACKS[agent["language"]].talk.NOTES, answered)
        if own and rng.random() < 0.4:
            template = pick(rng, own)
        else:
            scenario = _usable(common.NOTES[t.key], answered) if rng.random() < 0.75 else ()
            template = pick(rng, scenario or _usable(common.GENERIC_NOTES, answered))
        return v.fill(template, agent["id"] in common.FEMALE_AGENTS)


def _usable(notes: tuple[str, ...], answered: bool) -> tuple[str, ...]:
    """The note templates that fit the thread so far: all once an agent replied, else no `AfterReply`."""
    return notes if answered else tuple(n for n in notes if not isinstance(n, common.AfterReply))
