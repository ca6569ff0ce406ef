"""What `/tips` does to a channel's schedule, and the sentence that confirms it."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.content import Content
from bot.leases import is_finished
from bot.recurring import Recurrence, days_label
from bot.store import Store
from bot.tips.picking import catalogue
from bot.tips.posting import TIP_KIND
from bot.tips.rotation import Rotation, channel_deck
from bot.tips.schedule_args import (
    EXAMPLE_ON,
    ArgsError,
    ShowStatus,
    Skip,
    TipsCommand,
    TurnOff,
    TurnOn,
    Unskip,
    on_command,
)
from bot.tips.schedules import ChannelSchedule, Schedules

NOT_ON = f"Daily tips are not on in this channel. Turn them on with `{EXAMPLE_ON}`."


class TipsManager:
    def __init__(
        self,
        store: Store,
        content: Content,
        catch_up: timedelta,
        schedules: Schedules | None = None,
    ) -> None:
        self.store = store
        self.content = content
        self.catch_up = catch_up
        # Shared with the tips poster, whose timetable rebuilds when a schedule changes here.
        self.schedules = schedules or Schedules(store)

    def apply(self, command: TipsCommand, channel: str, user: str, now: datetime) -> str:
        """Carry out the command; return the private reply. ArgsError for a date in the past."""
        current = self.schedules.get(channel)
        if isinstance(command, TurnOn):
            skip = current.recurrence.skip if current else frozenset()
            schedule = ChannelSchedule(
                channel, Recurrence(command.at, command.zone, command.days, skip), user, now
            )
            self.schedules.save(schedule)
            verb = "now" if current is None else "changed; they're now"
            return f"Daily tips are {verb} on in this channel: {self.describe(schedule, now)}"
        if isinstance(command, ShowStatus):
            if current is None:
                return NOT_ON
            return "Daily tips in this channel: " + self.describe(current, now)
        if current is None:
            return NOT_ON
        if isinstance(command, TurnOff):
            self.schedules.remove(channel)
            return (
                "Daily tips are now off in this channel. "
                f"`{on_command(current.recurrence)}` turns them back on where the rotation "
                "left off."
            )
        if isinstance(command, Skip):
            today = current.recurrence.local_day(now)
            for day in command.days:
                if day < today:
                    raise ArgsError(
                        f"`{day.isoformat()}` is in the past here (today is {today.isoformat()}). "
                        f"For example: `/tips skip {_next_christmas(today).isoformat()}`"
                    )
            changed = self.schedules.set_skip(channel, current.recurrence.skip | set(command.days))
            assert changed is not None
            days = ", ".join(_day(day) for day in sorted(command.days))
            return f"No tip on {days}. " + self.describe(changed, now)
        assert isinstance(command, Unskip)
        if command.day is None:
            dropped = current.recurrence.skip
        elif command.day in current.recurrence.skip:
            dropped = frozenset({command.day})
        else:
            raise ArgsError(
                f"`{command.day.isoformat()}` was not skipped. "
                + _skipped_list(current.recurrence.skip)
            )
        if not dropped:
            return "No dates were skipped, so nothing changed. " + self.describe(current, now)
        changed = self.schedules.set_skip(channel, current.recurrence.skip - dropped)
        assert changed is not None
        days = ", ".join(_day(day) for day in sorted(dropped))
        return f"Tips are back on for {days}. " + self.describe(changed, now)

    def describe(self, schedule: ChannelSchedule, now: datetime) -> str:
        rec = schedule.recurrence
        lines = [f"*{rec.at:%H:%M} {rec.zone}, {days_label(rec.days)}*."]
        if schedule.paused:
            lines.append(
                f":double_vertical_bar: Paused: {schedule.paused}. "
                f"`{on_command(rec)}` starts them again."
            )
        else:
            lines.append(f"Next tip: {self.next_post(schedule, now)}.")
        left = Rotation(self.store).remaining(
            channel_deck(schedule.channel), catalogue(self.content)
        )
        lines.append(f"{left} of {len(self.content.tips)} tips left before this round repeats.")
        upcoming = sorted(day for day in rec.skip if day >= rec.local_day(now))
        if upcoming:
            lines.append("Skipping " + ", ".join(_day(day) for day in upcoming) + ".")
        return "\n".join(lines)

    def next_post(self, schedule: ChannelSchedule, now: datetime) -> str:
        day = schedule.open_day(now, self.catch_up)
        if day is not None and not self._finished(schedule, day):
            return "due now, within a minute"
        rec = schedule.recurrence
        when = rec.next_after(now)
        # A day whose tip already went out (say the time was moved later after today's post)
        # gets no second tip, so the next post is on a later day.
        while when is not None and self._finished(schedule, rec.local_day(when)):
            when = rec.next_after(when)
        if when is None:
            return "none in the next year (every day is skipped)"
        local = when.astimezone(rec.tz)
        return f"{_day(local.date())} at {local:%H:%M} {local.tzname()}"

    def _finished(self, schedule: ChannelSchedule, day: date) -> bool:
        return is_finished(self.store, TIP_KIND, schedule.channel, day.isoformat())


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def _next_christmas(today: date) -> date:
    """A holiday still ahead, for an example that works whenever it is read."""
    christmas = date(today.year, 12, 25)
    return christmas if christmas >= today else christmas.replace(year=today.year + 1)


def _skipped_list(skip: frozenset[date]) -> str:
    if not skip:
        return "No dates are skipped, so there is nothing to unskip."
    days = sorted(skip)
    return (
        "Skipped dates: " + ", ".join(day.isoformat() for day in days) + ". "
        f"For example: `/tips unskip {days[0].isoformat()}`, or `/tips unskip` for all of them."
    )
