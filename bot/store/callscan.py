"""The reference answers to the call-log questions (`bot.store.calls`), in Python over a
store's `find`: TinyStore's time index reads only the period asked for (and, for overdue
follow-ups, its follow-up index). PgStore answers the same in SQL; the tests compare both.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.store.calls import CALLS, HOT, AgentFigures, CallFigures, CallFilter, Doc, most_first
from bot.store.interface import Query

if TYPE_CHECKING:
    from bot.store.interface import Store


def _utc(value: object) -> str:
    return datetime.fromisoformat(str(value)).astimezone(UTC).isoformat()


def _order(pair: tuple[str, Doc]) -> tuple[str, int]:
    key = pair[0]
    return str(pair[1].get("created_at")), int(key) if key.isdigit() else 0


def _period(store: Store, flt: CallFilter, since: str | None) -> list[tuple[str, Doc]]:
    query = Query("created_at", low=since, high=flt.until, where=flt.matches)
    return store.find(CALLS, query)


def figures(
    store: Store, flt: CallFilter, previous_since: str, now: str, recent: int
) -> CallFigures:
    found = _period(store, flt, previous_since)
    low = flt.since or ""
    current = [pair for pair in found if str(pair[1].get("created_at")) >= low]
    categories: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    heat_total = open_count = overdue_count = 0
    for _key, doc in current:
        categories[str(doc["category"])] += 1
        outcomes[str(doc["outcome"])] += 1
        heat_total += int(doc["heat"])
        due = doc.get("follow_up_due")
        if due and not doc.get("follow_up_done_at"):
            open_count += 1
            overdue_count += _utc(due) < now
    return CallFigures(
        count=len(current),
        previous=len(found) - len(current),
        by_category=most_first(categories),
        by_outcome=most_first(outcomes),
        heat_total=heat_total,
        open_follow_ups=open_count,
        overdue_follow_ups=overdue_count,
        recent=heapq.nlargest(recent, current, key=_order),
    )


def calls(store: Store, flt: CallFilter) -> Iterator[tuple[str, Doc]]:
    yield from sorted(_period(store, flt, flt.since), key=_order, reverse=True)


def agents(store: Store, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
    rows: dict[str, AgentFigures] = {}

    def row(doc: Doc) -> AgentFigures:
        agent = str(doc.get("agent") or "")
        return rows.setdefault(agent, AgentFigures(agent))

    since = flt.since or ""
    for _key, doc in _period(store, flt, previous_since):
        figures_of = row(doc)
        if str(doc.get("created_at")) >= since:
            heat = int(doc.get("heat", 0))
            figures_of.calls += 1
            figures_of.heat_total += heat
            figures_of.hot += heat >= HOT
            figures_of.outcomes[str(doc.get("outcome"))] += 1
        else:
            figures_of.previous += 1
    # Overdue follow-ups count whenever the call was logged: the follow-up index holds only
    # calls with a promise, so the rest of the log is not read.
    everything = CallFilter(
        categories=flt.categories,
        outcomes=flt.outcomes,
        agents=flt.agents,
        heat=flt.heat,
        texts=flt.texts,
    )

    def late(doc: Doc) -> bool:
        due = doc.get("follow_up_due")
        done = doc.get("follow_up_done_at")
        return bool(due) and not done and _utc(due) < now and everything.matches(doc)

    for _key, doc in store.find(CALLS, Query("follow_up_due", where=late)):
        row(doc).overdue += 1
    return list(rows.values())
