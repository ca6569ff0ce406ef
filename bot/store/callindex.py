"""The call-log questions (`bot.store.calls`) answered from TinyStore's index alone.

The time index finds a period with two binary searches, and each index entry carries the
fields a report counts (category, outcome, heat, follow-up due and done; the agent is indexed
anyway), with columns of them parallel to the time index (`bot.store.index`): `/calls 30d`
over 100,000 calls counts slices of those columns in C and reads no document except the few
newest it shows. A filter on the notes' text needs the documents: the reference answer
(`bot.store.callscan`) serves it. Both give the same answers; the tests compare them.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from bot.store.calls import HOT, AgentFigures, CallFigures, CallFilter, most_first
from bot.store.index import CollectionIndex, Entry, IndexItem
from bot.store.layout import CALL_FIGURE_FIELDS

if TYPE_CHECKING:
    from bot.store.collection import Collection

CREATED, AGENT, DUE = "created_at", "agent", "follow_up_due"
# Positions in Entry.carried and the index's columns (the layout's CALL_FIGURE_FIELDS).
CATEGORY, OUTCOME, HEAT, DUE_VALUE, DONE = range(5)


def can_answer(index: CollectionIndex, flt: CallFilter) -> bool:
    return (
        not flt.texts
        and index.carries == CALL_FIGURE_FIELDS
        and index.fields[:1] == (CREATED,)
        and all(name in index.fields for name in (AGENT, DUE))
    )


def _utc(value: str) -> str:
    return datetime.fromisoformat(value).astimezone(UTC).isoformat()


def _heat(entry: Entry) -> int:
    heat = entry.carried[HEAT]
    return heat if type(heat) is int else int(heat or 0)


def _matcher(index: CollectionIndex, flt: CallFilter) -> Callable[[Entry], bool]:
    """`CallFilter.matches` (less the texts) on an index entry instead of a document."""
    agent_at = index.fields.index(AGENT)
    categories, outcomes, agents = flt.categories, flt.outcomes, flt.agents
    low, high = flt.heat

    def matches(entry: Entry) -> bool:
        carried = entry.carried
        if categories and carried[CATEGORY] not in categories:
            return False
        if outcomes and carried[OUTCOME] not in outcomes:
            return False
        if agents and entry.values[agent_at] not in agents:
            return False
        return low <= _heat(entry) <= high

    return matches


class Period:
    """The matching calls of [previous_since, since) (`before`) and [since, until)
    (`during`), as index entries in time order, and the carried fields of `during`."""

    def __init__(self, index: CollectionIndex, flt: CallFilter, previous_since: str) -> None:
        items = index.sorted[CREATED]
        start = bisect.bisect_left(items, (previous_since, -1, ""))
        stop = len(items) if flt.until is None else bisect.bisect_left(items, (flt.until, -1, ""))
        split = start if flt.since is None else bisect.bisect_left(items, (flt.since, -1, ""))
        split = min(max(split, start), max(stop, start))
        self.index = index
        self.matches = _matcher(index, flt)
        self._span = (start, split, stop)
        # Slices of the index's columns: no lookup and no object per call, so a report does
        # not set off the garbage collector either.
        self.filtered = self._needs_filtering(flt)
        self.before = index.aligned[start:split]
        self.during = index.aligned[split:stop]
        if self.filtered:
            self.before = [entry for entry in self.before if self.matches(entry)]
            self.during = [entry for entry in self.during if self.matches(entry)]

    def _needs_filtering(self, flt: CallFilter) -> bool:
        if flt.categories or flt.outcomes or flt.agents:
            return True
        start, _split, stop = self._span
        if start == stop:
            return False
        # Only the heat range to check: when every heat is a number within it (min and max,
        # in C), every call passes and none needs looking at one by one.
        heats = self.index.columns[HEAT][start:stop]
        low, high = flt.heat
        try:
            return not (low <= min(heats) and max(heats) <= high)
        except TypeError:  # a heat missing or not a number: the reference's way
            return True

    def column(self, at: int) -> list[Any]:
        """One carried field's values over the matching calls of [since, until)."""
        if self.filtered:
            return [entry.carried[at] for entry in self.during]
        _start, split, stop = self._span
        return self.index.columns[at][split:stop]

    def newest(self, count: int) -> list[str]:
        """Keys of the `count` newest matching calls, ordered as the reference orders them
        (time, then the key as a number): walked back from the end of the period, up to
        the count-th match and any others at its very time."""
        _start, split, stop = self._span
        items, aligned = self.index.sorted[CREATED], self.index.aligned
        picked: list[IndexItem] = []
        edge: str | None = None
        for at in range(stop - 1, split - 1, -1):
            if count <= 0 or (edge is not None and items[at][0] != edge):
                break
            if not self.filtered or self.matches(aligned[at]):
                picked.append(items[at])
                if len(picked) == count:
                    edge = items[at][0]
        picked.reverse()  # index order, so ties keep the reference's order
        return [item[2] for item in heapq.nlargest(count, picked, key=_order)]


def _order(item: IndexItem) -> tuple[str, int]:
    key = item[2]
    return item[0], int(key) if key.isdigit() else 0


def figures(
    coll: Collection, flt: CallFilter, previous_since: str, now: str, recent: int
) -> CallFigures:
    index = coll.index
    period = Period(index, flt, previous_since)
    dues = period.column(DUE_VALUE)
    promised = [
        str(due) for due, done in zip(dues, period.column(DONE), strict=True) if due and not done
    ]
    return CallFigures(
        count=len(period.during),
        previous=len(period.before),
        by_category=most_first(Counter(map(str, period.column(CATEGORY)))),
        by_outcome=most_first(Counter(map(str, period.column(OUTCOME)))),
        heat_total=sum(map(int, period.column(HEAT))),
        open_follow_ups=len(promised),
        overdue_follow_ups=sum(_utc(due) < now for due in promised),
        recent=coll.documents(period.newest(recent)),
    )


def agents(coll: Collection, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
    index = coll.index
    agent_at = index.fields.index(AGENT)
    rows: dict[str, AgentFigures] = {}

    def row(entry: Entry) -> AgentFigures:
        agent = entry.values[agent_at] or ""
        found = rows.get(agent)
        if found is None:
            found = rows[agent] = AgentFigures(agent)
        return found

    period = Period(index, flt, previous_since)
    for entry in period.before:  # the period before comes first in time, as in the reference
        row(entry).previous += 1
    for entry in period.during:
        figures_of = row(entry)
        heat = _heat(entry)
        figures_of.calls += 1
        figures_of.heat_total += heat
        figures_of.hot += heat >= HOT
        figures_of.outcomes[str(entry.carried[OUTCOME])] += 1
    # Overdue follow-ups count whenever the call was logged: only calls with a promise are
    # in the follow-up index, so the rest of the log is not looked at.
    entries = index.entries
    for due, _seq, key in index.sorted[DUE]:
        entry = entries[key]
        if due and not entry.carried[DONE] and _utc(due) < now and period.matches(entry):
            row(entry).overdue += 1
    return list(rows.values())
