"""What a query's answer says: counts, the change against the previous period, breakdowns,
follow-ups and the most recent calls. Plain data; blocks.py turns it into Block Kit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.calllog.log import COLLECTION, CallLog
from bot.calllog.model import CallRecord
from bot.reports.period import Window, window_for
from bot.reports.query import Filter
from bot.store import Query
from bot.store.calls import CallFilter

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


def call_filter(flt: Filter, window: Window) -> CallFilter:
    """The filter as the store's call queries take it: the window's instants in UTC."""
    return CallFilter(
        since=_iso(window.since),
        until=_iso(window.until),
        categories=flt.categories,
        outcomes=flt.outcomes,
        agents=flt.agents,
        heat=flt.heat,
        texts=flt.texts,
    )


def matching(log: CallLog, flt: Filter, window: Window) -> list[CallRecord]:
    """The matching calls of the window, newest first."""
    rows = log.store.call_rows(call_filter(flt, window))
    return [CallRecord.from_doc(key, doc) for key, doc in rows]


def summarize(log: CallLog, flt: Filter, now: datetime, zone: str) -> Summary:
    return summarize_window(log, flt, window_of(flt, now, zone), now)


def summarize_window(log: CallLog, flt: Filter, window: Window, now: datetime) -> Summary:
    # Counted by the store (in SQL on PostgreSQL): the period and the one before it, in one go.
    figures = log.store.call_figures(
        call_filter(flt, window), _iso(window.previous.since), _iso(now), RECENT
    )
    return Summary(
        filter=flt,
        window=window,
        count=figures.count,
        previous=figures.previous,
        by_category=figures.by_category,
        by_outcome=figures.by_outcome,
        average_heat=figures.heat_total / figures.count if figures.count else None,
        open_follow_ups=figures.open_follow_ups,
        overdue_follow_ups=figures.overdue_follow_ups,
        recent=[CallRecord.from_doc(key, doc) for key, doc in figures.recent],
    )


def overdue_follow_ups(log: CallLog, now: datetime) -> list[CallRecord]:
    """Every promised follow-up past its due time and not yet done, oldest promise first."""

    def open_promise(doc: Doc) -> bool:
        return bool(doc.get("follow_up_due")) and not doc.get("follow_up_done_at")

    # The follow-up index holds only calls with a promise: the rest of the log is not read.
    promised = log.store.find(COLLECTION, Query("follow_up_due", where=open_promise))
    records = [CallRecord.from_doc(k, d) for k, d in promised]
    overdue = [r for r in records if r.follow_up_overdue(now)]
    return sorted(overdue, key=lambda r: (r.follow_up_due or now, r.id))
