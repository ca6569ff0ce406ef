"""The active tip schedules in memory, ordered by the next time each needs a look, so a tick
touches only the channels whose time has come (a heap: a quiet tick is one comparison).

Built from the store on the first tick, again after this process changed a schedule, when the
clock moved backwards (the console), and every `rebuild_every` when other instances share the
store and may have changed one. The store stays the source of truth: a channel whose look
comes up is read again before anything is posted, so a schedule turned off or paused
elsewhere is never posted from a stale copy.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.tips.schedules import ChannelSchedule, Schedules


class Timetable:
    def __init__(
        self,
        schedules: Schedules,
        first_look: Callable[[ChannelSchedule, datetime], datetime | None],
        *,
        rebuild_every: timedelta | None = None,
        on_rebuild: Callable[[datetime, list[ChannelSchedule]], None] | None = None,
    ) -> None:
        self.schedules = schedules
        self.first_look = first_look  # when a schedule next needs a look, from `now`
        self.rebuild_every = rebuild_every
        self.on_rebuild = on_rebuild  # looks over every schedule (missed posts) while read
        self._heap: list[tuple[datetime, str]] = []
        self._known: dict[str, tuple[ChannelSchedule, datetime]] = {}
        self._version: int | None = None
        self._built_at: datetime | None = None
        self._last_now: datetime | None = None

    def ready(self, now: datetime) -> list[str]:
        """Channels whose look is due at `now`, each once; they leave the timetable until
        `look_at` puts them back."""
        if self._needs_rebuild(now):
            self.rebuild(now)
        self._last_now = now
        found = []
        while self._heap and self._heap[0][0] <= now:
            when, channel = heapq.heappop(self._heap)
            known = self._known.get(channel)
            if known is not None and known[1] == when:  # not an outdated entry
                found.append(channel)
        return found

    def look_at(self, schedule: ChannelSchedule, when: datetime | None) -> None:
        if when is None:
            self.forget(schedule.channel)
            return
        self._known[schedule.channel] = (schedule, when)
        heapq.heappush(self._heap, (when, schedule.channel))

    def forget(self, channel: str) -> None:
        self._known.pop(channel, None)

    def active(self) -> list[ChannelSchedule]:
        return [schedule for schedule, _when in self._known.values()]

    def rebuild(self, now: datetime) -> list[ChannelSchedule]:
        """Read every active schedule; one that did not change keeps its place. Returns them."""
        self._version = self.schedules.version
        self._built_at = now
        active = self.schedules.active()
        moved_back = self._last_now is not None and now < self._last_now
        known, self._known, self._heap = self._known, {}, []
        for schedule in active:
            kept = None if moved_back else known.get(schedule.channel)
            if kept is not None and kept[0] == schedule:
                self.look_at(schedule, kept[1])
            else:
                self.look_at(schedule, self.first_look(schedule, now))
        if self.on_rebuild is not None:
            self.on_rebuild(now, active)
        return active

    def _needs_rebuild(self, now: datetime) -> bool:
        return (
            self._built_at is None
            or self._version != self.schedules.version
            or (self._last_now is not None and now < self._last_now)
            or (self.rebuild_every is not None and now - self._built_at >= self.rebuild_every)
        )
