"""Provides the command palette's providers: jump to a ticket, switch view or theme, act on a ticket.

Providers search the local store, never the network (ctrl+p must answer instantly on a dead link).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Matcher, Provider
from textual.content import Content

from supportterm.domain.text import one_line
from supportterm.domain.views import View
from supportterm.i18n import _
from supportterm.store import tickets as cache

JUMP_LIMIT = 20


def highlight(matcher: Matcher, text: str) -> Content:
    """Like `Matcher.highlight`, but the text is plain: ticket subjects are hostile and must never be
    parsed as markup (Textual's own `highlight` parses its argument)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


Command = tuple[str, Callable[[], object], str]
"""One palette entry: its title, what it does, and a line of help under it."""


class ListedCommands(Provider):
    """A provider with a short list of commands: all shown when the palette opens, ranked by fuzzy match
    on their titles while the agent types. Subclasses say what the list is (`_commands`)."""

    def _commands(self) -> list[Command]:
        raise NotImplementedError

    async def discover(self) -> AsyncIterator[DiscoveryHit]:
        for title, callback, help_text in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for title, callback, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, highlight(matcher, title), callback, help=help_text)


class TicketJumpProvider(Provider):
    """"ticket: #1042 Subject…" — open any cached ticket by number or words of its subject."""

    async def search(self, query: str) -> AsyncIterator[Hit]:
        query = query.strip().lstrip("#")
        if len(query) < 2:
            return
        app = self.app
        found = app.store.read(  # type: ignore[attr-defined]
            lambda conn: cache.window(conn, View("all", "All"), offset=0, limit=JUMP_LIMIT,
                                      search=f"#{query}" if query.isdigit() else query)
        )
        matcher = self.matcher(query)
        for ticket in found:
            title = _("ticket: #{id} {subject}").format(id=ticket.id, subject=one_line(ticket.subject))
            score = 1.0 if query.isdigit() else max(matcher.match(title), 0.1)
            yield Hit(score, highlight(matcher, title), partial(_open, app, ticket.id),
                      help=_(ticket.status.value))


def _open(app: object, ticket_id: str) -> None:
    from supportterm.ui.screens.ticket import TicketScreen

    app.push_screen(TicketScreen(ticket_id))  # type: ignore[attr-defined]


class ViewProvider(ListedCommands):
    """"view: Urgent" — switch the inbox to a view."""

    def _commands(self) -> list[Command]:
        from supportterm.ui.screens.inbox import InboxScreen

        inbox = next((s for s in self.app.screen_stack if isinstance(s, InboxScreen)), None)
        if inbox is None:
            return []
        return [(_("view: {title}").format(title=_(view.title)),
                 partial(_switch_view, self.app, inbox, index), view.query or _("everything"))
                for index, view in enumerate(inbox.views)]


def _switch_view(app: object, inbox: object, index: int) -> None:
    while app.screen is not inbox and len(app.screen_stack) > 1:  # type: ignore[attr-defined]
        app.pop_screen()  # type: ignore[attr-defined]
    inbox.view_index = index  # type: ignore[attr-defined]
    inbox.reload()  # type: ignore[attr-defined]


def area_label(area: str) -> str:
    """The screen a binding id belongs to ("ticket" of "ticket.reply"), as the palette names it."""
    labels = {
        "app": _("app"), "inbox": _("inbox"), "ticket": _("ticket"), "composer": _("composer"),
        "shift": _("shift"), "outbox": _("outbox"), "full_text": _("full text"), "canned": _("canned"),
        "help": _("help"), "confirm": _("confirm"), "followup": _("follow-up"), "note": _("note"),
        "picker": _("picker"), "yesno": _("question"),
    }
    return labels.get(area, area)


class ActionProvider(ListedCommands):
    """"ticket: assign to me", "app: sync now"… — every binding of the current screen, by name."""

    def _commands(self) -> list[Command]:
        screen = self.screen  # the screen the palette was opened on, not the palette
        found = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.id and "." in binding.id and active.enabled:
                area = binding.id.split(".")[0]
                found.add((f"{area_label(area)}: {binding.description.lower()}", binding.action, binding.key))
        return [(title, partial(self._run, action), _("key: {key}").format(key=key))
                for title, action, key in sorted(found)]

    async def _run(self, action: str) -> None:
        await self.screen.run_action(action)


class ThemeProvider(ListedCommands):
    """"theme: supportterm-light" — switch the theme now (for good: `theme = ...` in config.toml)."""

    def _commands(self) -> list[Command]:
        app = self.app
        book = getattr(app, "supportterm_themes", None)
        described = {name: spec.description for name, spec in book.specs.items()} if book else {}
        out = []
        for name in sorted(app.available_themes, key=lambda n: (n not in described, n)):
            current = " " + _("(current)") if name == app.theme else ""
            help_text = (described.get(name) or _("Textual's own theme")) + current
            out.append((_("theme: {name}").format(name=name), partial(_set_theme, app, name), help_text))
        return out


def _set_theme(app: object, name: str) -> None:
    app.theme = name  # type: ignore[attr-defined]
    app.notify(_('Theme: {name}. To keep it, set theme = "{name}" in config.toml.').format(name=name),  # type: ignore[attr-defined]
               timeout=4)
