"""What a query's answer says: counts, the change against the previous period, breakdowns,
follow-ups and the most recent calls. Plain data; blocks.py turns it into Block Kit."""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.calllog.log import COLLECTION, CallLog
from bot.calllog.model import CallRecord
from bot.reports.period import Window, window_for
from bot.reports.query import Filter
from bot.store import Query

RECENT = 10

Doc = dict[str, Any]


def window_of(flt: Filter, now: datetime, zone: str) -> Window:
    """The window a filter covers for a reader in `zone` (the filter's own zone wins)."""
    return window_for(flt.period, now, flt.zone or zone)


@dataclass(frozen=True)
class Summary:
    filter: Filter
    window: Window
    count: int
    previous: int
    by_category: list[tuple[str, int]]  # most first
    by_outcome: list[tuple[str, int]]
    average_heat: float | None
    open_follow_ups: int
    overdue_follow_ups: int
    recent: list[CallRecord]  # newest first

    @property
    def change(self) -> int:
        return self.count - self.previous


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def _newest_first(pairs: list[tuple[str, Doc]], limit: int | None = None) -> list[tuple[str, Doc]]:
    def order(pair: tuple[str, Doc]) -> tuple[str, int]:
        return str(pair[1]["created_at"]), int(pair[0])

    if limit is not None:
        return heapq.nlargest(limit, pairs, key=order)
    return sorted(pairs, key=order, reverse=True)


def _scan(
    log: CallLog, flt: Filter, since: datetime, until: datetime, *, count_before: datetime
) -> tuple[list[tuple[str, Doc]], int]:
    """The matching calls in [since, until), unordered, and how many more matched in
    [count_before, since).

    The stored ISO strings are compared before anything is parsed, and the earlier calls are
    only counted, never copied out of the store, so a month of a large log stays fast.
    """
    low, high, earliest = _iso(since), _iso(until), _iso(count_before)
    earlier = 0

    def keep(doc: Doc) -> bool:
        nonlocal earlier
        created = doc.get("created_at") or ""
        if not earliest <= created < high or not flt.matches_doc(doc):
            return False
        if created < low:
            earlier += 1
            return False
        return True

    found = log.store.find(COLLECTION, Query("created_at", low=earliest, high=high, where=keep))
    return found, earlier


def matching(log: CallLog, flt: Filter, window: Window) -> list[CallRecord]:
    """The matching calls of the window, newest first."""
    found, _ = _scan(log, flt, window.since, window.until, count_before=window.since)
    return [CallRecord.from_doc(key, doc) for key, doc in _newest_first(found)]


def summarize(log: CallLog, flt: Filter, now: datetime, zone: str) -> Summary:
    return summarize_window(log, flt, window_of(flt, now, zone), now)


def summarize_window(log: CallLog, flt: Filter, window: Window, now: datetime) -> Summary:
    # One pass over the log covers the period and the one before it.
    current, previous = _scan(
        log, flt, window.since, window.until, count_before=window.previous.since
    )
    return summarize_docs(flt, window, current, previous, now)


def summarize_docs(
    flt: Filter, window: Window, current: list[tuple[str, Doc]], previous: int, now: datetime
) -> Summary:
    categories: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    heat_total = 0
    open_count = overdue_count = 0
    now_iso = _iso(now)
    for _key, doc in current:
        categories[str(doc["category"])] += 1
        outcomes[str(doc["outcome"])] += 1
        heat_total += int(doc["heat"])
        due = doc.get("follow_up_due")
        if due and not doc.get("follow_up_done_at"):
            open_count += 1
            if _iso(datetime.fromisoformat(str(due))) < now_iso:
                overdue_count += 1
    return Summary(
        filter=flt,
        window=window,
        count=len(current),
        previous=previous,
        by_category=_most_first(categories),
        by_outcome=_most_first(outcomes),
        average_heat=heat_total / len(current) if current else None,
        open_follow_ups=open_count,
        overdue_follow_ups=overdue_count,
        recent=[CallRecord.from_doc(key, doc) for key, doc in _newest_first(current, RECENT)],
    )


def _most_first(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def overdue_follow_ups(log: CallLog, now: datetime) -> list[CallRecord]:
    """Every promised follow-up past its due time and not yet done, oldest promise first."""

    def open_promise(doc: Doc) -> bool:
        return bool(doc.get("follow_up_due")) and not doc.get("follow_up_done_at")

    # The follow-up index holds only calls with a promise: the rest of the log is not read.
    promised = log.store.find(COLLECTION, Query("follow_up_due", where=open_promise))
    records = [CallRecord.from_doc(k, d) for k, d in promised]
    overdue = [r for r in records if r.follow_up_overdue(now)]
    return sorted(overdue, key=lambda r: (r.follow_up_due or now, r.id))
