"""What `/tips status` says about a channel: its schedule, the next post, the dates it skips,
and who changed it lately."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.content import Content
from bot.holiday_calendar import holiday_name
from bot.leases import is_finished
from bot.recurring import days_label
from bot.schedule_text import date_text, time_text
from bot.store import Store
from bot.tips import history
from bot.tips.picking import catalogue
from bot.tips.posting import TIP_KIND
from bot.tips.rotation import Rotation, channel_deck
from bot.tips.schedule_args import on_command
from bot.tips.schedules import ChannelSchedule

SKIPS_SHOWN = 5


class StatusText:
    def __init__(self, store: Store, content: Content, catch_up: timedelta) -> None:
        self.store = store
        self.content = content
        self.catch_up = catch_up

    def describe(self, schedule: ChannelSchedule, now: datetime) -> str:
        rec = schedule.recurrence
        holidays = f", skipping {rec.holidays} public holidays" if rec.holidays else ""
        lines = [f"*{time_text(rec.at)} {rec.zone}, {days_label(rec.days)}*{holidays}."]
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
        skipped = next_skipped(schedule, rec.local_day(now))
        if skipped:
            lines.append("Next skipped: " + "; ".join(skipped) + ".")
        lines.extend(self.changes(schedule.channel, schedule))
        return "\n".join(lines)

    def changes(self, channel: str, schedule: ChannelSchedule | None) -> list[str]:
        recent = history.recent(self.store, channel)
        if not recent:
            return []
        tz = schedule.recurrence.tz if schedule else None
        return [
            "Recent changes: "
            + "; ".join(
                f"<@{one.user}> {one.what} ({one.at.astimezone(tz):%a %-d %b %H:%M %Z})"
                for one in recent
            )
            + "."
        ]

    def next_post(self, schedule: ChannelSchedule, now: datetime) -> str:
        day = schedule.open_day(now, self.catch_up)
        if day is not None and not self._finished(schedule, day):
            return "due now, within a minute"
        rec = schedule.recurrence
        when = rec.next_after(now)
        # A day whose tip already went out (say the time was moved later after today's post,
        # or `/tips now` posted it) gets no second tip, so the next post is on a later day.
        while when is not None and self._finished(schedule, rec.local_day(when)):
            when = rec.next_after(when)
        if when is None:
            return "none in the next year (every day is skipped)"
        local = when.astimezone(rec.tz)
        return f"{date_text(local.date())} at {local:%H:%M} {local.tzname()}"

    def _finished(self, schedule: ChannelSchedule, day: date) -> bool:
        return is_finished(self.store, TIP_KIND, schedule.channel, day.isoformat())


def next_skipped(schedule: ChannelSchedule, today: date) -> list[str]:
    """The next dates (within a year) that would have had a tip but are skipped, each with
    its holiday's name when it is one."""
    rec = schedule.recurrence
    found: list[str] = []
    for offset in range(366):
        day = today + timedelta(days=offset)
        if day.weekday() not in rec.days:
            continue
        holiday = holiday_name(rec.holidays, day)
        if holiday is not None:
            found.append(f"{date_text(day)} ({holiday})")
        elif day in rec.skip:
            found.append(date_text(day))
        if len(found) == SKIPS_SHOWN:
            break
    return found
