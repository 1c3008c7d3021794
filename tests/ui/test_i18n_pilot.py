"""Pilot test of the UI in Azerbaijani: `ui_language = "az"` in config.toml, nothing else.

The politeness findings of a Russian reply to an English customer (blame, a password, the language
mismatch) are read in the composer's panel and the send confirmation, in az, ru and English.

The probe runs in a fresh interpreter (the language is chosen before the UI is imported, as the CLI
does); this test writes the config, runs it, and checks what the agent would read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "i18n_probe.py"


def _run_probe(tmp_path: Path, config: str, **env: str) -> dict[str, object]:
    config_file = tmp_path / "config.toml"
    config_file.write_text(config, encoding="utf-8")
    environ = {k: v for k, v in os.environ.items() if k not in ("SUPPORTTERM_LANG", "LC_ALL", "LC_MESSAGES")}
    environ.update(SUPPORTTERM_CONFIG=str(config_file), SUPPORTTERM_HOME=str(tmp_path / "home"),
                   LANG="C.UTF-8", PYTHONPATH=os.pathsep.join([str(TESTS), str(TESTS.parent)]))
    environ.update(env)
    store_dir = tempfile.mkdtemp(dir=tmp_path)  # each run its own cache: a typed reply leaves a draft
    done = subprocess.run([sys.executable, str(PROBE), store_dir], capture_output=True, text=True,
                          env=environ, cwd=TESTS.parent, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_config_ui_language_az_shows_azerbaijani_footer_help_thread_and_findings(tmp_path: Path) -> None:
    seen = _run_probe(tmp_path, 'ui_language = "az"\n')
    assert seen["language"] == "az"
    inbox_footer = str(seen["inbox_footer"])
    for label in ("Kömək", "Axtarış", "Çıxış", "Növbəti siyahı"):
        assert label in inbox_footer, inbox_footer
    assert "Help" not in inbox_footer and "Search" not in inbox_footer
    assert "Açıq olanlar" in str(seen["views"]) and "Mənimkilər" in str(seen["views"])
    assert "Mövzu" in str(seen["columns"]) and "Subject" not in str(seen["columns"])
    assert "status yeni · prioritet normal · poçt · dil en · icraçı " in str(seen["ticket_head"])
    assert seen["thread_titles"] == [
        "MÜŞTƏRİ · Customer One", "AÇIQ CAVAB · Boris Ivanov", "DAXİLİ QEYD · Boris Ivanov",
    ]
    ticket_footer = str(seen["ticket_footer"])
    assert "Cavab" in ticket_footer and "Qeyd" in ticket_footer and "Geri" in ticket_footer
    help_text = str(seen["help"])
    assert "Düymələr — Esc bağlayır" in help_text
    assert "Açıq cavab yazın" in help_text and "Daxili qeyd yazın" in help_text
    assert "ticket.reply" in help_text  # ids stay as they are: they are what [keymap] uses
    assert str(seen["composer_mode"]).strip().startswith("AÇIQ CAVAB — bunu müştəri oxuyacaq")
    lint = str(seen["lint"])
    assert "2 xəta · 1 xəbərdarlıq" in lint
    assert "ittiham → 'Так получилось потому, что' (ctrl+f): Müştərini günahlandırır: kimin günahı " \
           "olduğunu yox, nə baş verdiyini yazın." in lint  # the rewrite stays Russian: text for the customer
    assert "gizli məlumat → '[redacted]' (ctrl+f): Cavabda parol var: əvəzində parolu sıfırlamaq üçün " \
           "keçid göndərin." in lint
    assert "DİQQƏT  1:1 başqa dil: Müştəri ingilis dilində yazıb, bu cavab isə rus dilində yazılıb." in lint
    assert "Blames" not in lint and "Password" not in lint and "English" not in lint
    assert str(seen["confirm"]).startswith(
        "Yoxlama 2 problem tapdı, məsələn, ittiham: Müştərini günahlandırır: kimin günahı olduğunu yox, "
        "nə baş verdiyini yazın. Yenə də")


def test_auto_follows_supportterm_lang_and_english_stays_default_findings_too(tmp_path: Path) -> None:
    russian = _run_probe(tmp_path, 'ui_language = "auto"\n', SUPPORTTERM_LANG="ru")
    assert russian["language"] == "ru"
    assert russian["thread_titles"][0].startswith("КЛИЕНТ · ")  # type: ignore[index]
    assert "Справка" in str(russian["inbox_footer"])
    lint = str(russian["lint"])
    assert "обвинение → 'Так получилось потому, что' (ctrl+f): Обвиняет клиента: опишите, что произошло, " \
           "а не кто виноват." in lint
    assert "секрет → '[redacted]' (ctrl+f): Пароль в ответе: вместо него отправьте ссылку для сброса " \
           "пароля." in lint
    assert "ВНИМАНИЕ 1:1 не тот язык: Клиент пишет по-английски, а ответ написан по-русски." in lint
    assert "Обвиняет клиента" in str(russian["confirm"])
    english = _run_probe(tmp_path, "")
    assert english["language"] == "en"
    assert english["thread_titles"][0] == "CUSTOMER · Customer One"  # type: ignore[index]
    assert "Help" in str(english["inbox_footer"])
    lint = str(english["lint"])
    assert "ERROR   1:15 blame → 'Так получилось потому, что' (ctrl+f): Blames the customer: describe what " \
           "happened, not whose fault it was." in lint
    assert "ERROR   1:45 secret → '[redacted]' (ctrl+f): Password in the reply: send a reset link " \
           "instead." in lint
    assert "WARNING 1:1 language_mismatch: The customer wrote in English; this reply is in Russian." in lint
    assert str(english["confirm"]).startswith(
        "The checker found 2 problem(s), e.g. blame: Blames the customer: describe what happened, not whose "
        "fault it was. Send it anyway?")
    assert english["findings"] == russian["findings"]  # the checker's own (English) messages do not change
