"""Provides inbox views: named, saved searches over the ticket cache (gh-dash "sections").

A view is a query in the search language (`domain.query`), so views from config, the built-in ones
and what the agent types in the search line are one mechanism; the store turns them into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportterm.domain.query import Query, parse


@dataclass(frozen=True, slots=True)
class View:
    """A saved search of the inbox."""

    id: str
    title: str
    query: str = ""
    """Search-language text, e.g. "status:active assignee:me"."""
    awaiting_only: bool = False
    """Only tickets whose customer spoke last (they wait for us)."""
    sla_risk: bool = False
    """Only tickets the SLA watch found at risk or breached (domain.sla_watch, refreshed by the app)."""
    follow_ups: bool = False
    """Only tickets with an open follow-up reminder."""

    def parsed(self, search: str = "") -> Query:
        """This view's query, narrowed by what the agent typed in the search line."""
        return parse(f"{self.query} {search}".strip())


DEFAULT_VIEWS: tuple[View, ...] = (
    View("open", "All open", "status:active"),
    View("mine", "Mine", "status:active assignee:me"),
    View("unassigned", "Unassigned", "status:active assignee:none"),
    View("awaiting", "Awaiting reply", "status:active,pending", awaiting_only=True),
    View("urgent", "Urgent", "status:active priority:urgent,high"),
    View("pending", "Pending", "status:pending"),
    View("solved", "Solved", "status:solved,closed"),
    View("sla", "SLA at risk", "status:active", awaiting_only=True, sla_risk=True),
    View("follow_ups", "Follow-ups", follow_ups=True),
    View("all", "All"),
)
