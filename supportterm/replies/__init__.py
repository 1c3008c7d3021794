"""Provides the canned-reply library: Markdown files with TOML front matter and strict placeholders.

Public API (pure Python: the standard library and `supportterm.domain` only)::

    replies, problems = load_library(paths.config_dir() / "replies")
    replies = merge(replies, await backend.list_canned())
    best = rank(replies, "delay", language=ticket.language)
    out = render(best[0], Context(ticket=t, customer=c, agent_name="Aysel Quliyeva", today=day))
    out.text, out.missing            # missing placeholders are ⟨name⟩ markers, never raw braces
    unfilled(edited_text)            # markers still left after the agent edited the reply

See docs/replies.md for the file format.
"""

from __future__ import annotations

from .canned import Rendered, Slot, render, render_text, unfilled
from .library import SERVER, STARTER, USER, LibraryReply, Problem, load_library, merge
from .placeholders import PLACEHOLDERS, Context, marker
from .ranking import rank

__all__ = [
    "PLACEHOLDERS", "SERVER", "STARTER", "USER", "Context", "LibraryReply", "Problem", "Rendered", "Slot",
    "load_library", "marker", "merge", "rank", "render", "render_text", "unfilled",
]
