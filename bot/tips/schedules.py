"""Each channel's tip schedule, persisted in the store (the source of truth for what is due)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from bot.recurring import Recurrence
from bot.store import Doc, Store

SCHEDULES = "tip_schedules"


@dataclass(frozen=True)
class ChannelSchedule:
    channel: str
    recurrence: Recurrence
    set_by: str  # the user told about problems posting here
    since: datetime  # when it was turned on: no post is owed for a time before this
    paused: str | None = None  # why posting stopped (the channel was archived …), if it did

    def open_day(self, now: datetime, catch_up: timedelta) -> date | None:
        """The local date whose tip may be posted at `now`, or None (paused, not yet, or too
        late). Whether it is still *due* (not sent yet) is the outbox's record."""
        if self.paused is not None:
            return None
        day = self.recurrence.open_day(now, catch_up)
        return day if day is not None and self.owed(day, now) else None

    def owed(self, day: date, now: datetime) -> bool:
        """Whether a tip was owed on `day`: none for a time before the schedule was turned on
        (turned on at 11:00 for 09:00, today's is not owed). A clock moved backwards (the
        console) is before `since`, and then `since` says nothing."""
        return not (self.since <= now and self.recurrence.instant_on(day) < self.since)


def to_doc(schedule: ChannelSchedule) -> Doc:
    rec = schedule.recurrence
    return {
        "channel": schedule.channel,
        "at": rec.at.strftime("%H:%M"),
        "zone": rec.zone,
        "days": sorted(rec.days),
        "skip": sorted(day.isoformat() for day in rec.skip),
        "holidays": rec.holidays,
        "set_by": schedule.set_by,
        "since": schedule.since.isoformat(),
        "paused": schedule.paused,
    }


def from_doc(doc: Doc) -> ChannelSchedule:
    return ChannelSchedule(
        channel=doc["channel"],
        recurrence=Recurrence(
            at=time.fromisoformat(doc["at"]),
            zone=doc["zone"],
            days=frozenset(doc["days"]),
            skip=frozenset(date.fromisoformat(day) for day in doc["skip"]),
            holidays=doc.get("holidays"),
        ),
        set_by=doc["set_by"],
        since=datetime.fromisoformat(doc["since"]),
        paused=doc.get("paused"),
    )


class Schedules:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.version = 0  # counts this process's changes: the tips timetable rebuilds on one

    def get(self, channel: str) -> ChannelSchedule | None:
        doc = self.store.get(SCHEDULES, channel)
        return None if doc is None else from_doc(doc)

    def save(self, schedule: ChannelSchedule) -> None:
        self.store.put(SCHEDULES, schedule.channel, to_doc(schedule))
        self.version += 1

    def remove(self, channel: str) -> bool:
        self.version += 1
        return self.store.delete(SCHEDULES, channel)

    def active(self) -> list[ChannelSchedule]:
        return [
            from_doc(doc)
            for _, doc in self.store.scan(SCHEDULES, lambda doc: doc.get("paused") is None)
        ]

    def pause(self, channel: str, reason: str) -> None:
        self._change(channel, lambda s: replace(s, paused=reason))

    def set_skip(self, channel: str, skip: frozenset[date]) -> ChannelSchedule | None:
        return self._change(
            channel, lambda s: replace(s, recurrence=replace(s.recurrence, skip=skip))
        )

    def set_holidays(self, channel: str, calendar: str | None) -> ChannelSchedule | None:
        return self._change(
            channel, lambda s: replace(s, recurrence=replace(s.recurrence, holidays=calendar))
        )

    def _change(
        self, channel: str, change: Callable[[ChannelSchedule], ChannelSchedule]
    ) -> ChannelSchedule | None:
        doc = self.store.update(SCHEDULES, channel, lambda doc: to_doc(change(from_doc(doc))))
        self.version += 1
        return None if doc is None else from_doc(doc)
