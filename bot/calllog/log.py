"""The call log over the store: the only place that knows calls live in the "calls" collection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime

from bot.calllog.model import CallRecord
from bot.store import Doc, Query, Store

COLLECTION = "calls"


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


class CallLog:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, record: CallRecord) -> CallRecord:
        """Store a new call; the id given is ignored and a new one returned in the result."""
        key = self.store.add(COLLECTION, record.to_doc())
        return replace(record, id=key)

    def get(self, call_id: str) -> CallRecord | None:
        doc = self.store.get(COLLECTION, call_id)
        return None if doc is None else CallRecord.from_doc(call_id, doc)

    def save(self, record: CallRecord) -> None:
        """Replace an existing call (edits, follow-up done)."""
        self.store.put(COLLECTION, record.id, record.to_doc())

    def delete(self, call_id: str) -> bool:
        return self.store.delete(COLLECTION, call_id)

    def find(
        self,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        where: Callable[[CallRecord], bool] | None = None,
    ) -> list[CallRecord]:
        """Calls created in [since, until), oldest first, optionally filtered further."""
        low = _iso(since) if since else None
        high = _iso(until) if until else None

        # The store's time index finds the period without reading the rest of the log.
        found = self.store.find(COLLECTION, Query("created_at", low=low, high=high))
        records = [CallRecord.from_doc(k, d) for k, d in found]
        return [r for r in records if where is None or where(r)]

    def purge_before(self, cutoff: datetime) -> int:
        # Through the time index: only the months before the cutoff are read and rewritten.
        return self.store.delete_found(COLLECTION, Query("created_at", high=_iso(cutoff)))

    def count(self) -> int:
        return self.store.count(COLLECTION)

    def open_follow_ups(self, agent: str) -> list[CallRecord]:
        """The agent's calls with a promised follow-up not yet done, in due order."""

        def open_and_mine(doc: Doc) -> bool:
            return doc.get("agent") == agent and not doc.get("follow_up_done_at")

        promised = self.store.find(COLLECTION, Query("follow_up_due", where=open_and_mine))
        return [CallRecord.from_doc(k, d) for k, d in promised]

    def by_agent(self, agent: str, limit: int | None = None) -> list[CallRecord]:
        """The agent's calls, newest first (at most `limit`)."""
        # Calls logged in the same instant keep the order they were added in.
        newest = Query("agent", equals=agent, order_by="created_at", descending=True, limit=limit)
        return [CallRecord.from_doc(k, d) for k, d in self.store.find(COLLECTION, newest)]
