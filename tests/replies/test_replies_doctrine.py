"""The doctrine self-check over every shipped starter reply (DESIGN §2).

Each reply greets, closes and is signed with `{{agent.name}}`; it addresses the customer formally
(вы, siz), never dismisses, and the project's own politeness checker finds nothing to fix in it.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from factories import make_ticket

from supportterm.domain.models import Person, Role
from supportterm.replies import Context, LibraryReply, load_library, render

STARTER = load_library(None)[0]

GREETINGS = {"en": ("Hello", "Dear", "Good morning"), "ru": ("Здравствуйте", "Добрый день"),
             "az": ("Salam", "Hörmətli")}
CLOSINGS = {"en": ("Kind regards,", "Best regards,"), "ru": ("С уважением,",), "az": ("Hörmətlə,",)}
INFORMAL = {
    "en": re.compile(r"\b(?:you guys|dude|mate)\b", re.IGNORECASE),
    "ru": re.compile(r"\b(?:ты|тебя|тебе|тобой|твой|твоя|твоё|твое|твои|твоего|твоей|твоих|твоим)\b",
                     re.IGNORECASE),
    "az": re.compile(r"\b(?:sən|sənin|sənə|səni|səndən|səninlə)\b", re.IGNORECASE),
}
DISMISSAL = {
    "en": ("nothing we can do", "not our problem", "can't help", "cannot help", "not possible to help"),
    "ru": ("ничего не можем", "ничем не можем", "не наша проблема", "не можем помочь"),
    "az": ("heç nə edə bilmərik", "problemimiz deyil", "kömək edə bilmərik", "bizə aid deyil"),
}
APOLOGY = {"en": ("sorry", "apologise"), "ru": ("извинени",), "az": ("üzr",)}
PROMISES_AN_UPDATE = {"delay", "escalation", "apology", "outage", "refund"}
NAMES = {"en": ("Jane Doe", "Tom Baker"), "ru": ("Анна Смирнова", "Ольга Петрова"),
         "az": ("Leyla Məmmədova", "Aysel Quliyeva")}


def lines(reply: LibraryReply) -> list[str]:
    return [line.strip() for line in reply.body.splitlines() if line.strip()]


@pytest.mark.parametrize("reply", STARTER, ids=lambda r: r.id)
def test_greets_closes_and_signs_with_a_human_name(reply: LibraryReply) -> None:
    text = lines(reply)
    assert text[0].startswith(GREETINGS[reply.language]), text[0]
    assert text[-1] == "{{agent.name}}"
    assert text[-2] in CLOSINGS[reply.language]
    assert not re.search(r"(?i)^(?:support|the team|служба поддержки|dəstək)", text[-1])


@pytest.mark.parametrize("reply", STARTER, ids=lambda r: r.id)
def test_formal_address_and_no_dismissal(reply: LibraryReply) -> None:
    body = reply.body.casefold()
    assert not INFORMAL[reply.language].search(reply.body)
    assert not any(phrase in body for phrase in DISMISSAL[reply.language])
    if reply.language == "ru":
        assert re.search(r"\bвы|\bвас|\bваш", body)
    if reply.language == "az":
        assert re.search(r"\bsiz|ınız|iniz|unuz|ünüz", body)


@pytest.mark.parametrize("reply", STARTER, ids=lambda r: r.id)
def test_doctrine_topics(reply: LibraryReply) -> None:
    if reply.shortcut in PROMISES_AN_UPDATE:
        assert "{{next_update}}" in reply.body  # a concrete next step with a time
    if reply.shortcut in ("apology", "outage"):
        assert any(word in reply.body.casefold() for word in APOLOGY[reply.language])
    if reply.language == "az":  # Latin script with the Azerbaijani letters, no Cyrillic
        assert re.search(r"[əğıöüşç]", reply.body) and not re.search(r"[а-яё]", reply.body.casefold())


@pytest.mark.parametrize("reply", STARTER, ids=lambda r: r.id)
def test_politeness_checker_finds_nothing_to_fix(reply: LibraryReply) -> None:
    from supportterm.politeness.checker import ERROR, WARNING, check

    customer, agent = NAMES[reply.language]
    ctx = Context(
        ticket=make_ticket("4711", subject="Site is down", language=reply.language),
        customer=Person("c1", customer, Role.CUSTOMER, email="c1@example.org"), agent_name=agent,
        today=date(2026, 3, 12), company="HostNest", next_update="16:00",
    )
    text = render(reply, ctx).text
    report = check(text, lang=reply.language)
    assert [f for f in report.findings if f.severity in (ERROR, WARNING)] == []
    assert report.tone > 0
