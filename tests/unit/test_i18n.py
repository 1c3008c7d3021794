"""Tests of the app's own labels: how the language is chosen, and that the catalogues are complete.

"Complete" means every message the UI passes through `_()` / `ngettext()` (and the data it translates at
display time) has a Russian and an Azerbaijani translation, the placeholders survive translation, and the
committed .mo files say exactly what the .po files say (tools/i18n.py compile was run).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from catalogue_tool import tool

from supportterm import i18n
from supportterm.config import check_settings

ROOT = Path(__file__).resolve().parents[2]



@pytest.mark.parametrize(("setting", "environ", "expected"), [
    ("az", {"SUPPORTTERM_LANG": "ru", "LANG": "ru_RU.UTF-8"}, "az"),  # config wins
    ("en", {"LANG": "az_AZ.UTF-8"}, "en"),
    ("auto", {"SUPPORTTERM_LANG": "ru", "LANG": "az_AZ.UTF-8"}, "ru"),
    ("auto", {"SUPPORTTERM_LANG": "de", "LANG": "az_AZ.UTF-8"}, "az"),  # no German: the locale decides
    ("auto", {"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "az_AZ", "LANG": "en_US"}, "ru"),
    ("auto", {"LC_MESSAGES": "az_AZ.UTF-8@latin", "LANG": "ru_RU"}, "az"),
    ("auto", {"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),  # POSIX: LC_ALL=C means English
    ("auto", {"LANG": "de_DE.UTF-8"}, "en"),
    ("auto", {}, "en"),
])
def test_language_is_config_then_supportterm_lang_then_locale(
    setting: str, environ: dict[str, str], expected: str
) -> None:
    assert i18n.resolve(setting, environ) == expected


@pytest.mark.parametrize(("language", "help_label", "thread_title"), [
    ("ru", "Справка", "ВНУТРЕННЯЯ ЗАМЕТКА"), ("az", "Kömək", "DAXİLİ QEYD"), ("en", "Help", "INTERNAL NOTE"),
])
def test_activate_switches_every_later_label(language: str, help_label: str, thread_title: str) -> None:
    assert i18n.activate(language) == language
    assert i18n.current_language() == language
    assert (i18n._("Help"), i18n._("INTERNAL NOTE")) == (help_label, thread_title)
    assert i18n._("My own view title") == "My own view title"  # not in the catalogue: shown as written


def test_russian_counts_take_three_forms_azerbaijani_one() -> None:
    i18n.activate("ru")
    forms = [i18n.ngettext("{count} follow-up due", "{count} follow-ups due", n).format(count=n)
             for n in (1, 3, 5, 21)]
    assert forms == ["Сработало 1 напоминание", "Сработало 3 напоминания", "Сработало 5 напоминаний",
                     "Сработало 21 напоминание"]
    i18n.activate("az")
    assert i18n.ngettext("{count} follow-up due", "{count} follow-ups due", 3).format(count=3) == (
        "3 xatırlatmanın vaxtı çatıb")


def test_ui_language_is_validated_with_a_suggestion(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('ui_language = "aze"\n', encoding="utf-8")
    settings, problems = check_settings(config)
    assert settings.ui_language == "auto"
    [problem] = problems
    assert (problem.file, problem.key) == (str(config), "ui_language")
    assert "az" in problem.suggestion
    config.write_text('ui_language = "ru"\n', encoding="utf-8")
    settings, problems = check_settings(config)
    assert (settings.ui_language, problems) == ("ru", [])


def _ids(catalog) -> set[str]:  # type: ignore[no-untyped-def]
    return {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}


def test_the_template_holds_the_labels_of_code_and_data() -> None:
    found = _ids(tool.template())
    for message in ("Help", "INTERNAL NOTE", "CUSTOMER", "PUBLIC REPLY", "● online", "○ OFFLINE",
                    "Keys — Esc closes", "Set status", "Shift summary", "{count} follow-up due"):
        assert message in found
    for data in ("All open", "Awaiting reply", "SLA at risk", "solved", "urgent", "queued"):
        assert data in found  # view titles, status and priority names, delivery states


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_every_ui_message_is_translated(language: str) -> None:
    catalog = tool.read_catalog(language)
    assert sorted(_ids(tool.template()) - _ids(catalog)) == []
    assert tool.missing(catalog) == []


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_translations_keep_placeholders_and_the_script(language: str) -> None:
    placeholder = re.compile(r"\{\w+\}")
    for message in tool.read_catalog(language):
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[1]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), (source, text)
            if language == "az":  # Latin script; Cyrillic only in words quoted from the source ("ты")
                quoted = {word.lower() for word in re.findall("[\u0400-\u04ff]+", source)}
                cyrillic = {word.lower() for word in re.findall("[\u0400-\u04ff]+", text)}
                assert cyrillic <= quoted, text
            if language == "ru" and re.search("[A-Za-z]{4,}", source) and not source.startswith("ctrl"):
                assert re.search("[\u0400-\u04ff]", text), text  # really translated
    if language == "az":
        letters = "".join(str(m.string) for m in tool.read_catalog(language))
        assert all(letter in letters for letter in "əıİşçğöü")


@pytest.mark.parametrize("language", tool.LANGUAGES)
def test_compiled_catalogues_match_the_po(language: str) -> None:
    """Every entry, the header included, except the header's Generated-By line: it names the Babel
    version that compiled it, and a fresh install may get a newer Babel than the one that did."""
    assert tool.stale_mo(language) == []
    compiled = tool.po_path(language).with_suffix(".mo").read_bytes()
    assert _entries(compiled) == _entries(tool.mo_bytes(tool.read_catalog(language)))


def _entries(mo: bytes) -> dict[object, str]:
    import gettext
    import io

    catalog = dict(gettext.GNUTranslations(io.BytesIO(mo))._catalog)  # noqa: SLF001 - every entry
    catalog[""] = re.sub(r"(?m)^Generated-By: .*\n", "", catalog.get("", ""))
    return catalog


def test_the_wheel_carries_the_compiled_catalogues(tmp_path: Path) -> None:
    import zipfile

    from hatchling.builders.wheel import WheelBuilder

    wheel = Path(next(iter(WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"]))))
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in tool.LANGUAGES:
        assert f"supportterm/locale/{language}/LC_MESSAGES/supportterm.mo" in names


def _shift_views() -> list[object]:
    """A shift clock in each state the bar can show: idle, on shift, break due, on break, overrun, ended."""
    from datetime import timedelta

    from factories import at

    from supportterm.domain.shift import ShiftClock, ShiftPolicy

    minute = timedelta(minutes=1)
    policy = ShiftPolicy(planned=timedelta(hours=8), break_after=90 * minute, break_length=15 * minute,
                         idle_after=5 * minute)
    clock = ShiftClock()
    views = [clock.view(at(0))]
    clock.start(at(0), policy)
    views += [clock.view(at(30)), clock.view(at(95))]
    clock.take_break(at(100))
    views += [clock.view(at(105)), clock.view(at(130))]
    clock.resume(at(131))
    views.append(clock.view(at(600)))
    clock.stop(at(610))
    views.append(clock.view(at(611)))
    return views


def test_shift_bar_line_is_the_domain_header_in_english_and_translated_otherwise() -> None:
    from supportterm.ui.shift_text import shift_line

    views = _shift_views()
    i18n.activate("en")
    assert [shift_line(v) for v in views] == [v.header_text() for v in views]  # type: ignore[attr-defined]
    i18n.activate("az")
    lines = [shift_line(v) for v in views]  # type: ignore[arg-type]
    assert lines[0] == "Növbə yoxdur"
    assert lines[1].startswith("Növbədə 30 dəq · 7 saat 30 dəq qalıb · fasiləyə 1 saat 00 dəq qalıb")
    assert "fasilə vaxtıdır" in lines[2] and "fasilədə, 10 dəq qalıb" in lines[3]
    assert lines[-1].startswith("Növbə bitib · ")
    i18n.activate("ru")
    assert "перерыв превышен на 15 мин" in shift_line(views[4])  # type: ignore[arg-type]


def test_no_literal_label_escapes_the_extractor() -> None:
    """A `_("...")` the extractor cannot see (inside an f-string, say) would silently stay English."""
    literal = re.compile(r"""(?<![\w.])_\((?:"([^"\\]+)"|'([^'\\]+)')\)""")
    extracted = _ids(tool.template())
    for path in [*(ROOT / "supportterm" / "ui").rglob("*.py"), ROOT / "supportterm" / "cli.py"]:
        for match in literal.finditer(path.read_text(encoding="utf-8")):
            message = match.group(1) or match.group(2)
            assert message in extracted, f"{path.name}: {message!r}"


@pytest.mark.parametrize("language", ["en", "ru", "az"])
def test_inbox_cell_labels_fit_their_columns_and_differ_from_the_full_words(language: str) -> None:
    """"high" is "высокий" in the ticket head but must fit the 4-cell priority column (pgettext)."""
    i18n.activate(language)
    cells = {"priority cell": (4, ("URG", "high", "norm", "low")),
             "status cell": (7, ("new", "open", "pending", "hold", "solved", "closed"))}
    for context, (width, words) in cells.items():
        for word in words:
            assert len(i18n.pgettext(context, word)) <= width, (context, word)
    for word in ("mail", "phone", "web", "chat", "forum"):
        assert len(i18n._(word)) <= 5, word
    if language == "ru":
        assert (i18n._("high"), i18n.pgettext("priority cell", "high")) == ("высокий", "выс.")
