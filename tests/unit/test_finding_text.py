"""Tests of the politeness findings in the agent's language: every message the checker can report is in
the catalogue with a Russian and an Azerbaijani translation, the UI fills translated templates, a team's
own message shows as written, and `supportterm check` (text and `--json`) stays English.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from catalogue_tool import tool

from supportterm import i18n
from supportterm.politeness import check
from supportterm.politeness.findings import MESSAGES, finding, worded_finding
from supportterm.ui.finding_text import category_label, finding_message

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "supportterm" / "politeness"
CUSTOMER = "Hello, I cannot log in to my account since this morning, please help."
REPLY = "Здравствуйте! Вы сами виноваты. Ваш пароль: Qw3rty!2024x"

TEMPLATE_IDS = {m.id for m in tool.template() if isinstance(m.id, str) and m.id and not m.context}


def _by_category(language: str) -> dict[str, tuple[str, str]]:
    i18n.activate(language)
    report = check(REPLY, customer_text=CUSTOMER)
    return {f.category: (category_label(f.category), finding_message(f)) for f in report.findings}


def test_findings_read_in_the_ui_language_and_english_is_unchanged() -> None:
    assert _by_category("en") == {
        "blame": ("blame", "Blames the customer: describe what happened, not whose fault it was."),
        "secret": ("secret", "Password in the reply: send a reset link instead."),
        "language_mismatch": ("language_mismatch",
                              "The customer wrote in English; this reply is in Russian."),
    }
    assert _by_category("ru") == {
        "blame": ("обвинение", "Обвиняет клиента: опишите, что произошло, а не кто виноват."),
        "secret": ("секрет", "Пароль в ответе: вместо него отправьте ссылку для сброса пароля."),
        "language_mismatch": ("не тот язык", "Клиент пишет по-английски, а ответ написан по-русски."),
    }
    assert _by_category("az") == {
        "blame": ("ittiham", "Müştərini günahlandırır: kimin günahı olduğunu yox, nə baş verdiyini yazın."),
        "secret": ("gizli məlumat", "Cavabda parol var: əvəzində parolu sıfırlamaq üçün keçid göndərin."),
        "language_mismatch": ("başqa dil",
                              "Müştəri ingilis dilində yazıb, bu cavab isə rus dilində yazılıb."),
    }


def test_a_listed_term_is_placed_by_the_translation_and_shown_as_typed() -> None:
    report = check("Hello Anna, Project Falcon ships soon. Thank you, Omar",
                   confidential_terms=("project falcon",))
    [listed] = [f for f in report.findings if f.category == "confidential"]
    assert listed.message == "'Project Falcon' is on the team's list of confidential terms."
    i18n.activate("az")
    assert finding_message(listed) == "«Project Falcon» komandanın məxfi terminlər siyahısındadır."


def test_a_message_outside_the_catalogue_shows_as_written() -> None:
    """A team's own lexicon message, or a language the catalogue does not name."""
    i18n.activate("ru")
    own = finding("rude", 0, 4, "Our team never writes 'dude'.")
    assert finding_message(own) == "Our team never writes 'dude'."
    odd = worded_finding("language_mismatch", 0, 4, tool.template().get(
        "The customer wrote in {customer_language}; this reply is in {reply_language}.").id,
        customer_language="Klingon", reply_language="Russian")
    assert finding_message(odd) == "Клиент пишет Klingon, а ответ написан по-русски."


def test_the_json_contract_keeps_english_messages_and_its_six_keys() -> None:
    i18n.activate("az")
    report = check(REPLY, customer_text=CUSTOMER)
    for item in report.to_dict()["findings"]:  # type: ignore[union-attr]
        assert list(item) == ["category", "severity", "start", "end", "message", "suggestion"]
    messages = {item["category"]: item["message"] for item in report.to_dict()["findings"]}  # type: ignore[union-attr, index]
    assert messages["language_mismatch"] == "The customer wrote in English; this reply is in Russian."
    assert messages["blame"] == MESSAGES["blame"]


def test_supportterm_check_prints_english_whatever_the_ui_language(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    environ.update(SUPPORTTERM_LANG="az", LANG="az_AZ.UTF-8", SUPPORTTERM_HOME=str(tmp_path),
                   PYTHONPATH=str(ROOT))
    reply = tmp_path / "reply.txt"
    reply.write_text("Hello, this is your fault.", encoding="utf-8")
    for flag in ("--json", None):
        done = subprocess.run([sys.executable, "-m", "supportterm", "check", *([flag] if flag else []),
                               str(reply)], capture_output=True, text=True, env=environ, check=False)
        assert done.returncode == 1, done.stderr
        if flag:
            [blame] = [f for f in json.loads(done.stdout)["findings"] if f["category"] == "blame"]
            assert blame["message"] == MESSAGES["blame"]
        else:
            assert f"error blame: {MESSAGES['blame']}" in done.stdout


def _message_literals(tree: ast.AST) -> Iterator[ast.AST]:
    """String literals a rule module could report without `translatable()`: a `finding()`/`_found()`
    message argument, or a value assigned to `message` / `..._MESSAGE`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            positions = {"finding": 3, "_found": 2, "worded_finding": 3}
            at = positions.get(node.func.id)
            if at is None:
                continue
            values = [node.args[at]] if len(node.args) > at else []
            values += [kw.value for kw in node.keywords if kw.arg in ("message", "template")]
            yield from values
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(n == "message" or n.endswith("_MESSAGE") for n in names):
                yield node.value


def test_no_checker_message_escapes_the_extractor() -> None:
    """A literal message not wrapped in `translatable()` would stay English in the ru/az panel."""
    for path in sorted(CHECKER.glob("*.py")):
        for value in _message_literals(ast.parse(path.read_text(encoding="utf-8"))):
            literal = isinstance(value, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(value, ast.Constant) and isinstance(value.value, str))
            assert not literal, f"{path.name}:{value.lineno}: wrap the message in translatable()"


def test_every_lexicon_message_and_default_is_in_the_catalogue() -> None:
    """A new `message = "..."` in a lexicon file fails here (and in test_i18n's completeness test) until
    tools/i18n.py update gives it a place and a translator fills it in."""
    import tomllib

    for path in sorted((CHECKER / "lexicons").glob("*.toml")):
        for message in tool.lexicon_messages(tomllib.loads(path.read_text("utf-8"))):
            assert message in TEMPLATE_IDS, f"{path.name}: {message!r}"
    assert set(MESSAGES.values()) <= TEMPLATE_IDS


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_every_message_the_checker_reports_on_the_labelled_sets_is_translated(language: str) -> None:
    """Runs the checker on every labelled reply (with its customer message) and reads each finding
    in the UI language: nothing it reports may stay English."""
    translated = {m.id: m.string for m in tool.read_catalog(language) if m.id and not m.context}
    seen: set[str] = set()
    for folder in ("devset", "heldout", "paraphrase", "tuning"):
        for path in sorted((ROOT / "tests" / "politeness" / folder).glob("*.jsonl")):
            for line in path.read_text("utf-8").splitlines():
                item = json.loads(line)
                report = check(item["text"], lang=item.get("lang", "auto"),
                               customer_text=item.get("customer_text"))
                seen.update(f.template or f.message for f in report.findings)
    assert len(seen) >= 20  # the sets exercise most rules
    untranslated = sorted(m for m in seen if not translated.get(m))
    assert untranslated == []
