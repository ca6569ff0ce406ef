"""The daily tips: each tick, find the channels whose tip is due and hand them to the outbox.

The timetable (bot/tips/timetable.py) keeps schedules ordered by when each next needs a look,
so a tick over 1,000 channels with none due touches none of them. A channel whose window is
open is read again from the store, and its tip is due unless the outbox recorded it finished;
the outbox then sends it exactly once, across threads, restarts and instances. A tip is never
skipped silently: one whose cut-off passed unsent is logged, once per process.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from bot.content import Content, Tip
from bot.outbox import DueItem, Outbox, Refused, Route
from bot.store import Store
from bot.tips.picking import catalogue
from bot.tips.rotation import Rotation, channel_deck
from bot.tips.schedule_args import on_command
from bot.tips.schedules import ChannelSchedule, Schedules
from bot.tips.timetable import Timetable

log = logging.getLogger(__name__)

TIP_KIND = "tip"
# A cut-off shorter than a tick interval could let a post slip between two ticks.
MIN_CATCH_UP = timedelta(minutes=1)
# A channel whose tip is due is looked at again this soon: to see it sent, or try again.
RECHECK = timedelta(seconds=15)


def next_daily_tip(store: Store, content: Content, channel: str) -> Tip | None:
    """The channel's next tip in its rotation (None if there are no tips); not used up yet."""
    tip_id = Rotation(store).peek(channel_deck(channel), catalogue(content))
    return None if tip_id is None else content.tip(tip_id)


def mark_daily_tip_shown(store: Store, content: Content, channel: str, tip: Tip) -> None:
    """The tip counts as shown only once Slack took it, so a failed send does not use it up."""
    Rotation(store).mark_shown(channel_deck(channel), tip.id, catalogue(content))


class TipPoster:
    def __init__(
        self,
        store: Store,
        content: Content,
        schedules: Schedules,
        outbox: Outbox,
        catch_up: timedelta,
        *,
        rebuild_every: timedelta | None = None,
    ) -> None:
        self.store = store
        self.content = content
        self.schedules = schedules
        self.outbox = outbox
        self.catch_up = max(catch_up, MIN_CATCH_UP)
        self.timetable = Timetable(
            schedules, self._first_look, rebuild_every=rebuild_every, on_rebuild=self.log_missed
        )
        # (channel, local date) whose missed post was already looked for: one look each.
        self._looked_at: set[tuple[str, date]] = set()

    def tick(self, now: datetime, route: Route) -> int:
        """Hand every due tip to the outbox; returns how many."""
        items = self.due_items(now)
        for item in items:
            self.outbox.submit(item, route)
        return len(items)

    def due_items(self, now: datetime) -> list[DueItem]:
        """The tips due at `now`, the longest-waiting first."""
        found: list[tuple[datetime, DueItem]] = []
        for channel in self.timetable.ready(now):
            schedule = self.schedules.get(channel)  # the store decides, not a stale copy
            if schedule is None or schedule.paused is not None:
                self.timetable.forget(channel)
                continue
            day = schedule.open_day(now, self.catch_up)
            if day is not None and not self.outbox.finished(TIP_KIND, channel, day.isoformat()):
                found.append((schedule.recurrence.instant_on(day), self.item(schedule, day)))
                self.timetable.look_at(schedule, now + RECHECK)
            else:
                self.log_missed(now, [schedule])
                self.timetable.look_at(schedule, schedule.recurrence.next_after(now))
        found.sort(key=lambda pair: pair[0])
        return [item for _when, item in found]

    def item(self, schedule: ChannelSchedule, day: date) -> DueItem:
        channel = schedule.channel

        def shown(tip: object) -> None:
            assert isinstance(tip, Tip)
            mark_daily_tip_shown(self.store, self.content, channel, tip)

        return DueItem(
            kind=TIP_KIND,
            target=channel,
            slot=day.isoformat(),
            channel=channel,
            compose=lambda: next_daily_tip(self.store, self.content, channel),
            owner=schedule.set_by,
            after_sent=shown,
            paused=lambda refusal: self._pause(schedule, refusal),
        )

    def _first_look(self, schedule: ChannelSchedule, now: datetime) -> datetime | None:
        if schedule.open_day(now, self.catch_up) is not None:
            return now
        return schedule.recurrence.next_after(now)

    def _pause(self, schedule: ChannelSchedule, refusal: Refused) -> str:
        """Posting there will fail every day until someone acts: stop, and say how to restart."""
        self.schedules.pause(schedule.channel, refusal.reason)
        log.warning("Pausing the daily tips for %s: %s", schedule.channel, refusal.reason)
        turn_on = on_command(schedule.recurrence)
        if refusal.code == "not_in_channel":
            return not_in_channel_text(schedule.channel, turn_on)
        return paused_text(schedule.channel, refusal.reason, turn_on)

    def log_missed(self, now: datetime, active: list[ChannelSchedule]) -> None:
        """A tip is never skipped silently: one whose cut-off passed unsent (the bot was down,
        or every try failed) is logged, once per process."""
        # Only yesterday and today can be missed; older days need no remembering.
        horizon = now.date() - timedelta(days=2)
        self._looked_at = {seen for seen in self._looked_at if seen[1] >= horizon}
        for schedule in active:
            if schedule.paused is not None:
                continue
            for day in schedule.recurrence.closed(now, self.catch_up):
                if (schedule.channel, day) not in self._looked_at:
                    self._looked_at.add((schedule.channel, day))
                    if schedule.owed(day, now):
                        self._log_if_unsent(schedule, day)

    def _log_if_unsent(self, schedule: ChannelSchedule, day: date) -> None:
        if not self.outbox.finished(TIP_KIND, schedule.channel, day.isoformat()):
            rec = schedule.recurrence
            log.warning(
                "The daily tip for channel %s on %s was not posted by its cut-off (%s after "
                "%s %s) and is skipped: the bot was down, or every try failed (see above)",
                schedule.channel,
                day,
                self.catch_up,
                f"{rec.at:%H:%M}",
                rec.zone,
            )


def not_in_channel_text(channel: str, turn_on: str) -> str:
    return (
        f"I've paused the daily service tips for <#{channel}>: I'm not a member of that "
        "channel. To let me post there, open the channel and type `/invite @Service Coach`, "
        f"then `{turn_on}` to start the tips again. `/tip` shows one privately meanwhile."
    )


def paused_text(channel: str, reason: str, turn_on: str) -> str:
    return (
        f"I've paused the daily service tips for <#{channel}>: {reason}. "
        f"If the channel is back, type `{turn_on}` there to start them again."
    )
