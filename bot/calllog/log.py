"""The call log over the store: the only place that knows calls live in the "calls" collection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from bot.calllog.model import CallRecord
from bot.store import Store

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

        # Compare the stored ISO strings first: cheap, and it skips building most records.
        def in_period(doc: dict[str, Any]) -> bool:
            created = str(doc.get("created_at", ""))
            return (low is None or created >= low) and (high is None or created < high)

        records = [CallRecord.from_doc(k, d) for k, d in self.store.scan(COLLECTION, in_period)]
        return [r for r in records if where is None or where(r)]

    def purge_before(self, cutoff: datetime) -> int:
        edge = _iso(cutoff)
        return self.store.delete_where(COLLECTION, lambda doc: str(doc["created_at"]) < edge)

    def count(self) -> int:
        return self.store.count(COLLECTION)

    def by_agent(self, agent: str, limit: int | None = None) -> list[CallRecord]:
        """The agent's calls, newest first (at most `limit`)."""
        found = self.store.scan(COLLECTION, lambda doc: doc.get("agent") == agent)
        # Keys grow with each add, so they order calls logged in the same instant.
        found.sort(key=lambda pair: (str(pair[1].get("created_at", "")), _number(pair[0])))
        found.reverse()
        return [CallRecord.from_doc(k, d) for k, d in found[:limit]]


def _number(key: str) -> int:
    return int(key) if key.isdigit() else 0
