"""Provides `finding_message` and `category_label`: a politeness finding in the agent's language.

The checker speaks English (its `--json` is a contract, DESIGN §4) and marks its messages for the
catalogue; the UI translates them when it shows them, in the lint panel and the send confirmation. A
message of a team's own lexicon is not in the catalogue and shows as written. A message with parts that
vary is translated as its template and then filled, so each language orders the sentence itself; a
language it names is said in the UI's words ("по-русски", "rus dilində"). Suggested rewrites are text
for the customer and are never translated. A category keeps its id in English (as `supportterm check`
prints it) and has a short name in the other languages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportterm.i18n import _, pgettext

if TYPE_CHECKING:
    from supportterm.politeness import Finding

LANGUAGE_CONTEXT = "written in"
"""Context of a language's name inside a message (tools/i18n.py extracts the names with it)."""
CATEGORY_CONTEXT = "finding category"
"""Context of a category id ("blame"): its English text is the id itself."""


def category_label(category: str) -> str:
    """The category as the panel names it: the id in English, a short name in Russian or Azerbaijani."""
    return pgettext(CATEGORY_CONTEXT, category)


def finding_message(finding: Finding) -> str:
    """The finding's message as the agent should read it, in the active UI language."""
    if finding.template is None:
        return _(finding.message)
    values = {name: pgettext(LANGUAGE_CONTEXT, value) if name.endswith("_language") else value
              for name, value in finding.arguments}
    return _(finding.template).format(**values)
