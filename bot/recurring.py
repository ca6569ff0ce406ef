"""Local-time daily schedules, and the exactly-once claim that every scheduled post goes through.

A post belongs to a channel's *local date*. It is due from its local time until a cut-off
later the same local day, and it is claimed in the store (kind, target, local date) before it
is sent, so restarts, repeated ticks and a second ticker can never post it twice.
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
from bot.store import Store

CLAIMS = "post_claims"


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

    def due(self, now: datetime, catch_up: timedelta) -> date | None:
        """The local date whose post is due at `now`, or None.

        Due from the post time until `catch_up` later, but never past the end of that local
        day: a bot that was down all evening does not post yesterday's tip after midnight.
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


def _claim_key(kind: str, target: str, local_day: date) -> str:
    return f"{kind}:{target}:{local_day.isoformat()}"


def is_claimed(store: Store, kind: str, target: str, local_day: date) -> bool:
    """Whether the post was claimed already: a cheap look before any waiting or work. Only
    claim_post() decides who posts."""
    return store.get(CLAIMS, _claim_key(kind, target, local_day)) is not None


def claim_post(store: Store, kind: str, target: str, local_day: date, now: datetime) -> bool:
    """Take the one right to post `kind` to `target` for `local_day`. True only for the first
    caller, ever, across ticks, threads and restarts."""
    key = _claim_key(kind, target, local_day)
    return store.claim(CLAIMS, key, {"kind": kind, "target": target, "claimed_at": now.isoformat()})


def release_post(store: Store, kind: str, target: str, local_day: date) -> None:
    """Give a claim back after a send that certainly failed, so the next tick retries it."""
    store.delete(CLAIMS, _claim_key(kind, target, local_day))
