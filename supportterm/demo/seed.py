"""Provides the deterministic seed data of the demo helpdesk: agents, customers, tickets and threads.

`generate()` builds the whole data set from a seed when the demo server starts; `Activity` writes the
new customer messages that arrive while the demo runs. Standard library only, one `random.Random` per
caller and no wall clock, so the same arguments always give the same data (tests and benchmarks rely
on it). Texts come from `supportterm.demo.corpus`; this module only picks, fills and arranges them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from supportterm.demo.corpus import PACKS, Pack, common
from supportterm.demo.corpus.values import Values, pick, slug, upper, weighted
from supportterm.domain.models import utc

DEFAULT_NOW = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
"""Fixed "now" of the seed, so that two runs on different days give identical data."""

SPAN = timedelta(days=14)
"""How far back the seeded tickets go."""

LANGUAGE_CYCLE = ("en", "ru", "en", "az")
"""Customer languages in turn: half English, a quarter Russian, a quarter Azerbaijani."""

MOODS = ("calm", "confused", "angry")
MOOD_WEIGHTS = (50, 25, 25)
CHANNELS = ("email", "web", "chat", "phone", "forum")
CHANNEL_WEIGHTS = (40, 20, 15, 12, 13)
PRIORITIES = ("low", "normal", "high", "urgent")
STATUSES = ("new", "open", "pending", "on_hold", "solved", "closed")
STATUS_WEIGHTS_BY_AGE = (
    (timedelta(days=1), (45, 35, 10, 3, 7, 0)),
    (timedelta(days=4), (15, 35, 20, 8, 20, 2)),
    (SPAN, (5, 20, 15, 10, 35, 15)),
)
"""Older tickets are more likely to be finished; the newest are mostly new or open."""

UNASSIGNED_SHARE = {"new": 0.95, "open": 0.5, "pending": 0.15, "on_hold": 0.15, "solved": 0.2, "closed": 0.2}
"""Chance that a ticket in a status has no assignee (about 40 % overall)."""

SCRIPTS: dict[str, tuple[str, ...]] = {
    "new": ("C", "C", "CF", "CN"),
    "open": ("CAF", "CNAF", "CAFN", "CF", "CAFUF", "CA", "CN", "CAFNUF"),
    "pending": ("CA", "CNA", "CAFA", "CAFU"),
    "on_hold": ("CAN", "CNU", "CAFNU"),
    "solved": ("CR", "CAFR", "CNR", "CAFRT", "CAFNR"),
    "closed": ("CRT", "CAFR", "CR"),
}
"""Thread shapes per status. C first message, A agent answer, N internal note, F customer follow-up,
U agent delay notice, R agent resolution, T customer thanks. New/open ones often end with the customer."""

GAPS = {"A": (600, 21600), "N": (120, 10800), "F": (1200, 72000), "U": (3600, 36000), "R": (1800, 72000),
        "T": (300, 14400)}
"""Seconds between a message and the one before it, by the kind of the later one."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass
class SeedData:
    """Everything the demo server stores at start-up; plain dicts so it can write them as it likes."""

    agents: list[dict] = field(default_factory=list)
    customers: list[dict] = field(default_factory=list)
    tickets: list[dict] = field(default_factory=list)
    messages: list[dict] = field(default_factory=list)


SCENARIO_KEYS = tuple(common.SCENARIOS)
_MOOD = weighted(MOODS, MOOD_WEIGHTS)
_CHANNEL = weighted(CHANNELS, CHANNEL_WEIGHTS)
_PRIORITY = {severity: weighted(PRIORITIES, w) for severity, w in common.PRIORITY_WEIGHTS.items()}
_LANGUAGE = weighted(("en", "ru", "az"), (50, 25, 25))
_STATUS_BY_AGE = tuple((limit, weighted(STATUSES, w)) for limit, w in STATUS_WEIGHTS_BY_AGE)
AGENT_BY_ID = {a["id"]: a for a in common.AGENTS}


@dataclass(frozen=True, slots=True)
class _Traits:
    """What a new ticket is about and how it arrives; shared by `generate` and `Activity`."""

    key: str
    mood: str
    channel: str
    priority: str
    informal: bool
    tags: list[str]
    variant: int = 0
    """Which body of the scenario; the subject usually matches it."""


def _traits(rng: random.Random, language: str) -> _Traits:
    """Pick scenario, mood, channel and priority. Priority follows the scenario, never the mood."""
    key = pick(rng, SCENARIO_KEYS)
    category, severity = common.SCENARIOS[key]
    mood, channel, priority = _MOOD(rng), _CHANNEL(rng), _PRIORITY[severity](rng)
    informal = language != "en" and mood != "angry" and rng.random() < 0.35
    tags = [key, category]
    if rng.random() < 0.05:
        tags.append("vip")
    if channel == "phone" and rng.random() < 0.5:
        tags.append("callback")
    return _Traits(key, mood, channel, priority, informal, tags, rng.randrange(3))


class _Writer:
    """Turns corpus texts into message bodies shaped by mood and channel, with the caller's random."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def subject(self, pack: Pack, t: _Traits, v: Values) -> str:
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

    def first_message(self, pack: Pack, t: _Traits, v: Values) -> str:
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

    def follow_up(self, pack: Pack, t: _Traits, kind: str, v: Values, previous: tuple | None = None) -> str:
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

    def agent_reply(self, pack: Pack, t: _Traits, kind: str, v: Values, agent: dict, first: bool,
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

    def note(self, pack: Pack, t: _Traits, v: Values, agent: dict) -> str:
        """An internal note: in English, or in the agent's own language now and then."""
        rng = self.rng
        own = PACKS[agent["language"]].talk.NOTES
        if own and rng.random() < 0.4:
            template = pick(rng, own)
        else:
            template = pick(rng, common.NOTES[t.key] if rng.random() < 0.75 else common.GENERIC_NOTES)
        return v.fill(template, agent["id"] in common.FEMALE_AGENTS)


class _Generator:
    """Builds one `SeedData`; holds the random, the writer and the running message number."""

    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.writer = _Writer(self.rng)
        self.now = now
        self.data = SeedData(agents=[dict(a) for a in common.AGENTS])
        self.by_language: dict[str, list[dict]] = {"en": [], "ru": [], "az": []}

    def customers(self, count: int) -> None:
        """Make `count` customers, languages in `LANGUAGE_CYCLE` order, e-mails unique."""
        rng, seen = self.rng, set()
        for i in range(count):
            language = LANGUAGE_CYCLE[i % len(LANGUAGE_CYCLE)]
            talk = PACKS[language].talk
            female = rng.random() < 0.5
            first = pick(rng, talk.FEMALE if female else talk.MALE)
            last = pick(rng, talk.SURNAMES_F if female else talk.SURNAMES_M)
            org = pick(rng, talk.ORGS) if rng.random() < 0.35 else None
            local = pick(rng, ("{f}.{l}", "{f}{l}", "{i}.{l}", "{f}_{l}", "{f}"))
            local = local.format(f=slug(first), l=slug(last), i=slug(first)[0]).replace("-", "")
            domain = slug(org) + ".example" if org and rng.random() < 0.6 else pick(rng, talk.MAIL_DOMAINS)
            email = f"{local}@{domain}"
            if email in seen:
                email = f"{local}{i}@{domain}"
            seen.add(email)
            phone = talk.PHONE.format(pick(rng, talk.PHONE_PREFIXES), rng.randrange(100), rng.randrange(100))
            customer = {"id": f"c{i + 1}", "name": f"{first} {last}", "email": email,
                        "phone": phone if rng.random() < 0.5 else None, "organization": org,
                        "language": language}
            self.data.customers.append(customer)
            self.by_language[language].append(customer)

    def pick_customer(self) -> dict:
        """A customer of a random language; the first ones of each list write more often."""
        pool = self.by_language[_LANGUAGE(self.rng)]
        return pool[int(len(pool) * self.rng.random() ** 1.6)]

    def ticket(self, number: int, created: datetime) -> None:
        """Make ticket `number` created at `created`, with its thread."""
        rng, now = self.rng, self.now
        customer = self.pick_customer()
        pack = PACKS[customer["language"]]
        t = _traits(rng, pack.language)
        age = now - created
        status = next(p for limit, p in _STATUS_BY_AGE if age <= limit or limit == SPAN)(rng)
        assignee = None
        if rng.random() >= UNASSIGNED_SHARE[status]:
            assignee = AGENT_BY_ID[pick(rng, common.SPEAKERS[pack.language])]
        v = Values(rng, pack, customer, t.key, created)
        ticket = {"id": str(1000 + number), "subject": self.writer.subject(pack, t, v), "status": status,
                  "priority": t.priority, "channel": t.channel, "language": pack.language,
                  "requester_id": customer["id"], "assignee_id": assignee["id"] if assignee else None,
                  "created_at": created, "updated_at": created, "due_at": self.due(status, created),
                  "tags": t.tags, "mood": t.mood}
        script = pick(rng, SCRIPTS[status])
        times = self.times(created, script)
        ticket["updated_at"] = times[-1]
        self.data.tickets.append(ticket)
        self.thread(ticket, script, times, pack, t, v, assignee)

    def times(self, created: datetime, script: str) -> list[datetime]:
        """Message times: gaps by message kind, squeezed to end before `now`; strictly increasing."""
        gaps = [self.rng.uniform(*GAPS[kind]) for kind in script[1:]]
        room = (self.now - created).total_seconds() - 60
        total = sum(gaps)
        if total > room:
            gaps = [max(1.0, g * room / total) for g in gaps]
        out = [created]
        for gap in gaps:
            out.append(out[-1] + timedelta(seconds=int(gap) or 1))
        return out

    def due(self, status: str, created: datetime) -> datetime | None:
        """SLA due time for active tickets: some breached, some due within the hour, most later."""
        if status not in ("new", "open", "on_hold"):
            return None
        rng, now = self.rng, self.now
        roll = rng.random()
        if roll < 0.15:
            return max(created + timedelta(minutes=1), now - timedelta(seconds=int(rng.uniform(300, 129600))))
        if roll < 0.32:
            return now + timedelta(seconds=int(rng.uniform(120, 3600)))
        return now + timedelta(seconds=int(rng.uniform(3600, 259200)))

    def thread(self, ticket: dict, script: str, times: list[datetime], pack: Pack, t: _Traits, v: Values,
               assignee: dict | None) -> None:
        """Write the messages of one ticket, following `script`."""
        rng, w, customer = self.rng, self.writer, v.customer
        replier = assignee or AGENT_BY_ID[pick(rng, common.SPEAKERS[pack.language])]  # one voice per thread
        previous: tuple | None = None
        last_public, variant, answered = "C", rng.randrange(2), False
        for kind, when in zip(script, times):
            v.when = when
            if kind == "N":
                agent = assignee or AGENT_BY_ID[pick(rng, common.SPEAKERS["en"])]
                self.message(ticket, agent["id"], "agent", "internal", w.note(pack, t, v, agent), when)
                continue
            if kind in "AUR":
                agent = replier
                body = w.agent_reply(pack, t, kind, v, agent, not answered, variant)
                variant, answered = (1 - variant if kind == "A" else variant), True
                self.message(ticket, agent["id"], "agent", "public", body, when)
                previous = (when, agent["name"], "support@nimbus.example", body)
            else:
                body = self.customer_text(pack, t, kind, last_public, v, previous)
                self.message(ticket, customer["id"], "customer", "public", body, when)
                previous = (when, customer["name"], customer["email"], body)
            last_public = kind

    def customer_text(self, pack: Pack, t: _Traits, kind: str, last_public: str, v: Values,
                      previous: tuple | None) -> str:
        """First message (C), thanks (T) or follow-up (F): details after an answer, a chaser otherwise."""
        if kind == "C":
            return self.writer.first_message(pack, t, v)
        if kind == "T":
            return self.writer.follow_up(pack, t, "thanks", v, previous)
        if last_public == "A":
            kind = "detail" if self.rng.random() < 0.6 else "still"
            return self.writer.follow_up(pack, t, kind, v, previous)
        return self.writer.follow_up(pack, t, "chase", v, previous)

    def message(self, ticket: dict, author: str, role: str, visibility: str, body: str,
                when: datetime) -> None:
        """Append one message with the next global id."""
        self.data.messages.append({"id": f"m{len(self.data.messages) + 1}", "ticket_id": ticket["id"],
                                   "author_id": author, "author_role": role, "visibility": visibility,
                                   "body": body, "created_at": when})


def generate(n_tickets: int = 300, seed: int = 1, now: datetime | None = None) -> SeedData:
    """Build the demo helpdesk's data; the same arguments always give the same data.

    Args:
        n_tickets: how many tickets (ids "1001", "1002", ... in creation order).
        seed: seed of the private `random.Random`.
        now: the seed's "now" (aware, or naive meaning UTC); defaults to `DEFAULT_NOW`, never the clock.
    """
    now = utc(now or DEFAULT_NOW)
    gen = _Generator(seed, now)
    gen.customers(max(20, n_tickets // 3))
    span = SPAN.total_seconds()
    ages = sorted((max(120, int(span * gen.rng.random() ** 2)) for _ in range(n_tickets)), reverse=True)
    for number, age in enumerate(ages, start=1):
        gen.ticket(number, now - timedelta(seconds=age))
    return gen.data


class Activity:
    """Customers writing while the demo runs: new tickets and follow-ups, from a private random."""

    def __init__(self, seed: int) -> None:
        self._rng = random.Random(seed)
        self._writer = _Writer(self._rng)

    def new_ticket(self, customer: dict, now: datetime) -> tuple[dict, str]:
        """A new ticket from `customer`, in their language: (fields, first message body)."""
        pack = PACKS.get(customer.get("language") or "en", PACKS["en"])
        t = _traits(self._rng, pack.language)
        v = Values(self._rng, pack, customer, t.key, utc(now))
        fields = {"subject": self._writer.subject(pack, t, v), "channel": t.channel,
                  "language": pack.language, "priority": t.priority, "mood": t.mood, "tags": list(t.tags)}
        return fields, self._writer.first_message(pack, t, v)

    def follow_up(self, ticket: dict, customer: dict, now: datetime) -> str:
        """A customer's next message on `ticket`, fitting its status and the customer's mood."""
        rng = self._rng
        pack = PACKS.get(ticket.get("language") or customer.get("language") or "en", PACKS["en"])
        tags = list(ticket.get("tags") or ())
        key = tags[0] if tags and tags[0] in common.SCENARIOS else pick(rng, SCENARIO_KEYS)
        mood = ticket.get("mood") if ticket.get("mood") in MOODS else "calm"
        channel = ticket.get("channel") if ticket.get("channel") in CHANNELS else "email"
        t = _Traits(key, mood, channel, ticket.get("priority") or "normal", False, tags)
        status = ticket.get("status")
        if status in ("solved", "closed"):
            kind = "thanks" if rng.random() < 0.6 else "still"
        elif status == "pending":
            kind = "detail" if rng.random() < 0.6 else "still"
        else:
            kind = pick(rng, ("chase", "chase", "detail"))
        return self._writer.follow_up(pack, t, kind, Values(rng, pack, customer, key, utc(now)))

