"""The call-log questions the reports ask, as data a store can answer in one go: a filter
over calls, and the figures per period, per category, per outcome and per agent.

Every store answers them (`Store.call_figures` …): TinyStore in Python over its time index
(`bot.store.callscan`), PgStore in SQL (`bot.store.pg.queries`). Times are ISO text in UTC,
as the call documents hold them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

Doc = dict[str, Any]
CALLS = "calls"  # the collection; bot.calllog.log names it too (a test checks they match)
HOT = 4  # heat from which a call counts as hot


@dataclass(frozen=True)
class CallFilter:
    """Calls created in [since, until) matching every given set (any of its members), the
    heat range, and every text (case-insensitive, within the notes)."""

    since: str | None = None
    until: str | None = None
    categories: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    heat: tuple[int, int] = (1, 5)
    texts: tuple[str, ...] = ()

    def matches(self, doc: Doc) -> bool:
        """Everything but the period, on a stored document."""
        if self.categories and doc.get("category") not in self.categories:
            return False
        if self.outcomes and doc.get("outcome") not in self.outcomes:
            return False
        if self.agents and doc.get("agent") not in self.agents:
            return False
        low, high = self.heat
        if not low <= int(doc.get("heat", 0)) <= high:
            return False
        notes = str(doc.get("notes", "")).casefold()
        return all(text.casefold() in notes for text in self.texts)


@dataclass(frozen=True)
class CallFigures:
    """What /calls and the digest show for one filter."""

    count: int
    previous: int  # calls matching in [previous_since, since)
    by_category: list[tuple[str, int]]  # most first, then by name
    by_outcome: list[tuple[str, int]]
    heat_total: int
    open_follow_ups: int
    overdue_follow_ups: int  # open, and due before `now`
    recent: list[tuple[str, Doc]]  # newest first


@dataclass
class AgentFigures:
    agent: str
    calls: int = 0
    previous: int = 0
    heat_total: int = 0
    hot: int = 0
    overdue: int = 0  # open follow-ups due before now, whenever the call was logged
    outcomes: Counter[str] = field(default_factory=Counter)


def most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
