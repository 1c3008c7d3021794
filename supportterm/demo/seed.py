"""Provides the deterministic seed data of the demo helpdesk: agents, customers, tickets and threads.

`generate()` builds the whole data set from a seed when the demo server starts; `Activity` writes the
new customer messages that arrive while the demo runs. Standard library only, one `random.Random` per
caller and no wall clock, so the same arguments always give the same data (tests and benchmarks rely
on it). Texts come from `supportterm.demo.corpus` and are filled by `writer.py`; this module picks
who writes what and when, and arranges the threads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from supportterm.demo.corpus import PACKS, Pack, common
from supportterm.demo.corpus.values import Values, pick, slug, weighted
from supportterm.demo.writer import Traits, Writer
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


def _traits(rng: random.Random, language: str) -> Traits:
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
    return Traits(key, mood, channel, priority, informal, tags, rng.randrange(3))


class _Generator:
    """Builds one `SeedData`; holds the random, the writer and the running message number."""

    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.writer = Writer(self.rng)
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
        # Squeezed threads end at a random point before `now`, not all at the same minute.
        room = max(60.0, (self.now - created).total_seconds() * self.rng.uniform(0.2, 0.97) - 60)
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

    def thread(self, ticket: dict, script: str, times: list[datetime], pack: Pack, t: Traits, v: Values,
               assignee: dict | None) -> None:
        """Write the messages of one ticket, following `script`."""
        rng, w, customer = self.rng, self.writer, v.customer
        replier = assignee or AGENT_BY_ID[pick(rng, common.SPEAKERS[pack.language])]  # one voice per thread
        previous: tuple | None = None
        last_public, variant, answered = "C", rng.randrange(2), False
        for kind, when in zip(script, times, strict=True):
            v.when = when
            if kind == "N":
                agent = assignee or AGENT_BY_ID[pick(rng, common.SPEAKERS["en"])]
                note = w.note(pack, t, v, agent, answered)  # a note that speaks of a reply needs one first
                self.message(ticket, agent["id"], "agent", "internal", note, when)
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

    def customer_text(self, pack: Pack, t: Traits, kind: str, last_public: str, v: Values,
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
        self._writer = Writer(self._rng)

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
        t = Traits(key, mood, channel, ticket.get("priority") or "normal", False, tags)
        status = ticket.get("status")
        if status in ("solved", "closed"):
            kind = "thanks" if rng.random() < 0.6 else "still"
        elif status == "pending":
            kind = "detail" if rng.random() < 0.6 else "still"
        else:
            kind = pick(rng, ("chase", "chase", "detail"))
        return self._writer.follow_up(pack, t, kind, Values(rng, pack, customer, key, utc(now)))
