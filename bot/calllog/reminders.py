"""Follow-up reminders, kept in the store so a promise survives restarts.

One reminder per call with a promised callback. The ticker asks for the reminders that are
due (their time has come and they were not sent for it) and hands them to the outbox, which
sends each (call, reminder time) once, across ticks, restarts and instances; once sent, the
reminder is stamped so it stops being due. Snoozing moves the reminder, never the promise:
the call keeps the time the customer was told.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.store import Query, Store

COLLECTION = "call_reminders"
KIND = "reminder"
LEGACY_CLAIMS = "call_reminder_claims"  # before the outbox: purged by retention, then empty
MORNING = time(9, 0)


@dataclass(frozen=True)
class Reminder:
    call_id: str
    agent: str
    remind_at: datetime  # UTC

    @property
    def slot(self) -> str:
        """Which reminder of the call: snoozing gives a new one."""
        return self.remind_at.isoformat()


def in_an_hour(now: datetime) -> datetime:
    return now + timedelta(hours=1)


def tomorrow_morning(now: datetime, zone: ZoneInfo) -> datetime:
    """09:00 on the next calendar day in `zone` (the agent's own, from Slack), as UTC."""
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, MORNING, tzinfo=zone).astimezone(UTC)


class Reminders:
    def __init__(self, store: Store) -> None:
        self.store = store

    def schedule(self, call_id: str, agent: str, at: datetime) -> Reminder:
        reminder = Reminder(call_id, agent, at.astimezone(UTC))
        self.store.put(COLLECTION, call_id, _doc(reminder))
        return reminder

    def get(self, call_id: str) -> Reminder | None:
        doc = self.store.get(COLLECTION, call_id)
        return None if doc is None else _reminder(call_id, doc)

    def cancel(self, call_id: str) -> bool:
        return self.store.delete(COLLECTION, call_id)

    def due(self, now: datetime) -> list[Reminder]:
        """Reminders due at `now` that have not been sent for their current time."""
        edge = now.astimezone(UTC).isoformat()

        def waiting(doc: dict[str, Any]) -> bool:
            return str(doc["remind_at"]) <= edge and doc.get("sent_for") != doc["remind_at"]

        due = Query("remind_at", high=edge, include_high=True, where=waiting)
        return [_reminder(key, doc) for key, doc in self.store.find(COLLECTION, due)]

    def mark_sent(self, reminder: Reminder) -> None:
        """It stops being due; a snooze since (a new time) is left alone."""
        stamp = reminder.slot
        self.store.update(
            COLLECTION,
            reminder.call_id,
            lambda doc: {**doc, "sent_for": stamp} if doc["remind_at"] == stamp else None,
        )

    def forget_missing(self, exists: Callable[[str], bool]) -> int:
        """Drop reminders whose call is gone (deleted or purged)."""
        return self.store.delete_where(COLLECTION, lambda doc: not exists(str(doc["call_id"])))

    def purge_claims_before(self, cutoff: datetime) -> int:
        edge = cutoff.astimezone(UTC).isoformat()
        return self.store.delete_where(LEGACY_CLAIMS, lambda doc: str(doc["claimed_at"]) < edge)


def _doc(reminder: Reminder) -> dict[str, Any]:
    return {
        "call_id": reminder.call_id,
        "agent": reminder.agent,
        "remind_at": reminder.remind_at.isoformat(),
    }


def _reminder(key: str, doc: dict[str, Any]) -> Reminder:
    return Reminder(key, str(doc["agent"]), datetime.fromisoformat(str(doc["remind_at"])))
