"""Local-time recurring schedules: when a daily or weekly post's window is open.

A post belongs to a channel's *local date*. Its window is open from its local time until a
cut-off later the same local day; while it is open and the post was not sent, the post is
*due*, and it goes through the outbox (bot/outbox.py), which makes sure that restarts,
repeated ticks and a second instance never post it twice.
Time-zone arithmetic is zoneinfo's: a time that does not exist on a spring-forward day posts
an hour later (02:30 becomes 03:30), and an ambiguous time on a fall-back day posts at its
first occurrence, once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.holiday_calendar import holiday_name

# The day names and sets are the shared grammar's; re-exported for the schedules built on them.
from bot.schedule_text import DAY_NAMES as DAY_NAMES
from bot.schedule_text import EVERY_DAY as EVERY_DAY
from bot.schedule_text import WEEKDAYS as WEEKDAYS


@dataclass(frozen=True)
class Recurrence:
    at: time  # local wall-clock time
    zone: str  # IANA name
    days: frozenset[int] = WEEKDAYS  # 0 = Monday … 6 = Sunday
    skip: frozenset[date] = field(default_factory=frozenset)  # local dates with no post
    holidays: str | None = None  # a public-holiday calendar (GB, US-CA) whose holidays skip

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    def runs_on(self, local_day: date) -> bool:
        return (
            local_day.weekday() in self.days
            and local_day not in self.skip
            and holiday_name(self.holidays, local_day) is None
        )

    def instant_on(self, local_day: date) -> datetime:
        """The UTC instant of the post on `local_day` (whether or not it runs that day)."""
        return datetime.combine(local_day, self.at, tzinfo=self.tz).astimezone(UTC)

    def local_day(self, now: datetime) -> date:
        return now.astimezone(self.tz).date()

    def open_day(self, now: datetime, catch_up: timedelta) -> date | None:
        """The local date whose post window is open at `now`, or None.

        Open from the post time until `catch_up` later, but never past the end of that local
        day: a bot that was down all evening does not post yesterday's tip after midnight.
        (Whether the post is still *due*, not sent yet, is the outbox's record.)
        """
        today = self.local_day(now)
        if not self.runs_on(today):
            return None
        start = self.instant_on(today)
        if start <= now <= start + catch_up:
            return today
        return None

    def closed(self, now: datetime, catch_up: timedelta) -> list[date]:
        """The local days, of yesterday and today, whose post can no longer go out at `now`:
        yesterday's stopped being due at midnight, today's at its cut-off."""
        today = self.local_day(now)
        yesterday = today - timedelta(days=1)
        days = [yesterday] if self.runs_on(yesterday) else []
        if self.runs_on(today) and self.instant_on(today) + catch_up < now:
            days.append(today)
        return days

    def next_after(self, now: datetime) -> datetime | None:
        """The next post instant strictly after `now`, or None if none within a year."""
        today = self.local_day(now)
        for offset in range(0, 400):
            day = today + timedelta(days=offset)
            if self.runs_on(day) and self.instant_on(day) > now:
                return self.instant_on(day)
        return None


def days_label(days: frozenset[int]) -> str:
    if days == EVERY_DAY:
        return "every day"
    if days == WEEKDAYS:
        return "weekdays"
    return ", ".join(DAY_NAMES[d].capitalize() for d in sorted(days))
