"""Provides the catalogue workflow of the app's own labels: extract, update, compile (Babel, test extra).

    python tools/i18n.py extract   # supportterm/locale/supportterm.pot from every _() / ngettext() call
    python tools/i18n.py update    # merge the template into each language's .po (translations are kept)
    python tools/i18n.py compile   # .po -> .mo (committed, so a wheel carries them without Babel)
    python tools/i18n.py check     # exit 1 if a message lacks a translation or a .mo is stale

Besides the calls in the code, the template holds *data* shown through `_()` at display time: the built-in
view titles (domain/views.py keeps them in English, as data), the inbox's column titles, the status and
priority names of the pickers, the outbox delivery states of the thread's titles, and the shift summary's
row names.

The politeness checker's messages are gathered too, since the composer's panel shows them in the agent's
language: every `translatable("...")` in supportterm/politeness, each category's default message, the
`message = "..."` fields of the shipped lexicon files, the names of the languages a mismatch names
(context `written in`: "по-русски", "rus dilində") and the category ids (context `finding category`).
"""

from __future__ import annotations

import gettext
import io
import sys
import tomllib
from dataclasses import fields
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from supportterm.errors import SupportTermError  # noqa: E402
from supportterm.i18n import LANGUAGES as APP_LANGUAGES  # noqa: E402

PACKAGE = ROOT / "supportterm"
LOCALE = PACKAGE / "locale"
TEMPLATE = LOCALE / "supportterm.pot"
LANGUAGES = tuple(language for language in APP_LANGUAGES if language != "en")
"""Languages with a catalogue (English is the source)."""
KEYWORDS = {"_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
SCANNED = ("ui", "cli.py")
"""Where the app's own labels are; the backends speak to logs and the CLI."""
CHECKER = PACKAGE / "politeness"
CHECKER_KEYWORDS = {"translatable": None}
"""The checker marks its English messages with `translatable()` (it may not import the translations)."""
LEXICONS = CHECKER / "lexicons"
LANGUAGE_CONTEXT = "written in"
"""The context of a language's name in a mismatch message; ui/finding_text.py translates with it."""
CATEGORY_CONTEXT = "finding category"
"""The context of a finding's category id ("blame") in the composer's panel and confirmation."""


def _data_messages() -> list[tuple[str, str]]:
    """(message, where it is defined) for the data the UI translates at display time."""
    from supportterm.domain.models import Priority
    from supportterm.domain.sla import SlaStatus
    from supportterm.domain.summary import ShiftSummary
    from supportterm.domain.views import DEFAULT_VIEWS
    from supportterm.store import outbox
    from supportterm.sync.events import SYNCED
    from supportterm.ui.format import STATUS_LABEL
    from supportterm.ui.widgets.status_bar import TLS_OFF
    from supportterm.ui.widgets.ticket_row import COLUMNS

    found = [(view.title, "supportterm/domain/views.py") for view in DEFAULT_VIEWS]
    found += [(label, "supportterm/ui/format.py") for label in STATUS_LABEL.values()]
    found += [(priority.value, "supportterm/domain/models.py") for priority in Priority]
    states = (outbox.QUEUED, outbox.SENDING, outbox.SENT, outbox.FAILED, outbox.CONFLICT)
    found += [(state, "supportterm/store/outbox.py") for state in states]
    found += [(field.name.replace("_", " "), "supportterm/domain/summary.py")
              for field in fields(ShiftSummary)]
    found += [(column.title, "supportterm/ui/widgets/ticket_row.py") for column in COLUMNS
              if column.title.strip("#")]
    found += [(status.value.replace("_", " "), "supportterm/domain/sla.py") for status in SlaStatus
              if status is not SlaStatus.OK]
    found += [(SYNCED, "supportterm/sync/events.py"), (TLS_OFF, "supportterm/ui/widgets/status_bar.py")]
    found += [(kind.title, "supportterm/errors.py") for kind in _error_kinds(SupportTermError)]
    return found


def _error_kinds(base: type[SupportTermError]) -> list[type[SupportTermError]]:
    """The error class and every subclass: their titles head the app's error notices."""
    out = [base]
    for sub in base.__subclasses__():
        out += _error_kinds(sub)
    return out


def template() -> Catalog:
    """Every message the UI shows through `_()` / `ngettext()`, with where it comes from."""
    catalog = Catalog(project="supportterm", fuzzy=False)
    for part in SCANNED:
        path = PACKAGE / part
        if path.is_dir():
            found = extract_from_dir(str(path), method_map=[("**.py", "python")], keywords=KEYWORDS,
                                     comment_tags=("i18n:",), strip_comment_tags=True)
            rows = [(f"supportterm/{part}/{name}", line, msg, comments, context)
                    for name, line, msg, comments, context in found]
        else:
            from babel.messages.extract import extract

            with path.open("rb") as handle:
                rows = [(f"supportterm/{part}", line, msg, comments, context)
                        for line, msg, comments, context in extract("python", handle, keywords=KEYWORDS)]
        for where, line, message, comments, context in rows:
            catalog.add(message, locations=[(where, line)], auto_comments=comments, context=context)
    for message, where in _data_messages():
        catalog.add(message, locations=[(where, 0)])
    for message, where, line in checker_messages():
        catalog.add(message, locations=[(where, line)])
    from supportterm.politeness.findings import CATEGORIES, LANGUAGE_NAMES

    for name in LANGUAGE_NAMES.values():
        catalog.add(name, locations=[("supportterm/politeness/findings.py", 0)], context=LANGUAGE_CONTEXT)
    for category in CATEGORIES:
        catalog.add(category, locations=[("supportterm/politeness/findings.py", 0)], context=CATEGORY_CONTEXT)
    return catalog


def checker_messages() -> list[tuple[str, str, int]]:
    """(message, file, line) of every message the politeness checker can report."""
    found = [(message, f"supportterm/politeness/{name}", line)
             for name, line, message, _comments, _context in extract_from_dir(
                 str(CHECKER), method_map=[("*.py", "python")], keywords=CHECKER_KEYWORDS)]
    for path in sorted(LEXICONS.glob("*.toml")):
        where = str(path.relative_to(ROOT))
        found += [(message, where, 0) for message in lexicon_messages(tomllib.loads(path.read_text("utf-8")))]
    return found


def lexicon_messages(data: object) -> list[str]:
    """Every `message = "..."` in a lexicon file's data, at any depth (a category's or an entry's)."""
    if isinstance(data, dict):
        own = [data["message"]] if isinstance(data.get("message"), str) else []
        return own + [m for key, value in data.items() if key != "message" for m in lexicon_messages(value)]
    if isinstance(data, list):
        return [m for value in data for m in lexicon_messages(value)]
    return []


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "supportterm.po"


def read_catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as handle:
        return read_po(handle, locale=language)


LANGUAGE_NAMES = {"ru": "Russian", "az": "Azerbaijani"}


def _write_po(catalog: Catalog, path: Path) -> None:
    from supportterm import __version__

    name = LANGUAGE_NAMES.get(str(catalog.locale), "Template") if catalog.locale else "Template"
    catalog.header_comment = (f"# {name} labels of supportterm's own interface.\n"
                              "# Extracted, merged and compiled by tools/i18n.py; see docs/i18n.md.\n#")
    catalog.project, catalog.version = "supportterm", __version__
    catalog.copyright_holder, catalog.msgid_bugs_address = "the supportterm authors", ""
    if catalog.locale:
        catalog.last_translator = "supportterm maintainers"
        catalog.language_team = LANGUAGE_NAMES.get(str(catalog.locale), str(catalog.locale))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=110, sort_output=False, omit_header=False, include_previous=True)


def extract() -> None:
    _write_po(template(), TEMPLATE)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(template())} messages")


def update() -> None:
    source = template()
    for language in LANGUAGES:
        path = po_path(language)
        catalog = read_catalog(language) if path.exists() else Catalog(locale=language, project="supportterm")
        catalog.update(source, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write_po(catalog, path)
        print(f"{path.relative_to(ROOT)}: {len(missing(catalog))} untranslated")


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    for language in LANGUAGES:
        catalog = read_catalog(language)
        target = po_path(language).with_suffix(".mo")
        target.write_bytes(mo_bytes(catalog))
        print(f"{target.relative_to(ROOT)}: {len(catalog)} messages")


def missing(catalog: Catalog) -> list[str]:
    """Messages of `catalog` without a (complete, non-fuzzy) translation."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            out.append(message.id if isinstance(message.id, str) else message.id[0])
    return out


def stale_mo(language: str) -> list[str]:
    """Messages whose compiled translation differs from the .po (empty when the .mo is up to date)."""
    catalog = read_catalog(language)
    with po_path(language).with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    differ = []
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            for n, form in enumerate(message.string):
                if compiled.ngettext(message.id[0], message.id[1], _sample_count(language, n)) != form:
                    differ.append(message.id[0])
        elif message.context and compiled.pgettext(message.context, message.id) != message.string:
            differ.append(f"{message.context}|{message.id}")
        elif not message.context and compiled.gettext(message.id) != message.string:
            differ.append(message.id)
    return differ


def _sample_count(language: str, form: int) -> int:
    """A count that selects plural form `form` (Russian: 1, 2, 5; Azerbaijani and English: 1, 2)."""
    return {"ru": (1, 2, 5)}.get(language, (1, 2))[form]


def check() -> int:
    source = {m.id if isinstance(m.id, str) else m.id[0] for m in template() if m.id}
    problems = []
    for language in LANGUAGES:
        catalog = read_catalog(language)
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
        problems += [f"{language}: not in the .po (run update): {m!r}" for m in sorted(source - have)]
        problems += [f"{language}: untranslated: {m!r}" for m in missing(catalog)]
        problems += [f"{language}: .mo is stale (run compile): {m!r}" for m in stale_mo(language)]
    print("\n".join(problems) or "catalogues complete and compiled")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    commands = {"extract": extract, "update": update, "compile": compile_all}
    if len(argv) != 1 or argv[0] not in (*commands, "check"):
        print(__doc__)
        return 2
    if argv[0] == "check":
        return check()
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
