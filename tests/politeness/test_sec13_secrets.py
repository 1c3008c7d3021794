"""Tests the secret-rule fixes of session 13 (false alarms of blind7-blind10, seen), each beside a reply
that must still be flagged."""

from __future__ import annotations

import pytest

from tests.politeness.test_families import found

FINE = [
    ("en", "Your replacement router was dispatched with tracking number 1Z 999 AA1 01 2345 6784."),
    ("en", "Our billing e-mails come from bills@skylark-mail.co.uk, so please check the spam folder."),
    ("ru", "Для запросов СМИ есть пресс-служба: press@nebosvod.ru, коллеги ответят за два дня."),
    ("en", "Connect to your Wi-Fi and open http://192.168.1.1 in a browser to change the name."),
    ("en", "It's a good idea to change the Wi-Fi password every year; here is how."),
]
FLAGGED = [
    ("en", "Order 5521 is late, so you can call her directly at 07700 900123."),
    ("en", "Your colleague's address is anna.berg@gmail.com if you want to ask her."),
    ("en", "The database server is at 192.168.1.1 behind the office firewall."),
    ("en", "The Wi-Fi password is Winter2024! and the admin login is admin."),
]


@pytest.mark.parametrize(("lang", "body"), FINE)
def test_sec13_false_alarm_is_gone(lang: str, body: str) -> None:
    assert "secret" not in found(lang, body)


@pytest.mark.parametrize(("lang", "body"), FLAGGED)
def test_sec13_real_secret_still_flagged(lang: str, body: str) -> None:
    assert "secret" in found(lang, body)
