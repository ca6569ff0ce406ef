"""What a period is, the one definition every report uses: /calls, its buttons, the export,
the chart, the per-agent view and the weekly digest (whose "in detail" button asks for the
very same dates in the very same zone, so the two always agree).

A period is a run of whole local days in one time zone, both ends included:

    today, 7d      the last N local days, today included; before it, the N days before
    2026-11        a calendar month; before it, the month before
    2026-11-01..2026-11-15   those dates; before it, as many days just before

Each local day runs from midnight to midnight in its zone, however long daylight saving
makes it (23 or 25 hours), and its UTC bounds come from one function, `start_of`.
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.schedule_text import Zone
from bot.text import code

DEFAULT_DAYS = 7
MAX_DAYS = 3660
MIN_YEAR, MAX_YEAR = 2000, 2099
_DAYS = re.compile(r"^(\d+)d$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")


def start_of(day: date, zone: Zone) -> datetime:
    """The UTC instant a local day starts."""
    return datetime.combine(day, time(0), tzinfo=zone.info).astimezone(UTC)


def local_today(now: datetime, zone: Zone) -> date:
    return now.astimezone(zone.info).date()


def _label(first: date, last: date) -> str:
    if first == last:
        return first.strftime("%a %-d %b %Y")
    start = first.strftime("%-d %b" if first.year == last.year else "%-d %b %Y")
    return f"{start} – {last.strftime('%-d %b %Y')}"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


@dataclass(frozen=True)
class LastDays:
    """The last `days` local days, today included (`today` is 1)."""

    days: int

    def dates(self, today: date) -> tuple[date, date]:
        return today - timedelta(days=self.days - 1), today

    def before(self, first: date, last: date) -> tuple[date, date]:
        return _shifted(first, last)

    def text(self) -> str:
        return "today" if self.days == 1 else f"{self.days}d"

    def name(self, first: date, last: date) -> str:
        return "today" if self.days == 1 else f"the last {self.days} days"

    def before_name(self, first: date, last: date) -> str:
        if self.days == 1:
            return f"yesterday ({_label(first, last)})"
        return f"the previous {self.days} days ({_label(first, last)})"


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    def dates(self, today: date) -> tuple[date, date]:
        return date(self.year, self.month, 1), date(
            self.year, self.month, monthrange(self.year, self.month)[1]
        )

    def before(self, first: date, last: date) -> tuple[date, date]:
        end = first - timedelta(days=1)
        return end.replace(day=1), end

    def text(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    def name(self, first: date, last: date) -> str:
        return first.strftime("%B %Y")

    def before_name(self, first: date, last: date) -> str:
        return first.strftime("%B %Y")


@dataclass(frozen=True)
class Dates:
    """Local dates from `first` to `last`, both included."""

    first: date
    last: date

    def dates(self, today: date) -> tuple[date, date]:
        return self.first, self.last

    def before(self, first: date, last: date) -> tuple[date, date]:
        return _shifted(first, last)

    def text(self) -> str:
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def name(self, first: date, last: date) -> str:
        return _label(first, last)

    def before_name(self, first: date, last: date) -> str:
        return f"the previous {_days((last - first).days + 1)} ({_label(first, last)})"


Period = LastDays | Month | Dates
DEFAULT_PERIOD = LastDays(DEFAULT_DAYS)  # frozen, so one shared value is safe


def _shifted(first: date, last: date) -> tuple[date, date]:
    length = timedelta(days=(last - first).days + 1)
    return first - length, last - length


@dataclass(frozen=True)
class Window:
    """A period made concrete: its local dates (both included) in `zone`, their UTC bounds,
    and the period before it, which the change is measured against."""

    period: Period
    first: date
    last: date
    zone: Zone

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def since(self) -> datetime:
        return start_of(self.first, self.zone)

    @property
    def until(self) -> datetime:
        return start_of(self.last + timedelta(days=1), self.zone)

    @property
    def previous(self) -> Window:
        first, last = self.period.before(self.first, self.last)
        return Window(Dates(first, last), first, last, self.zone)

    def label(self) -> str:
        return _label(self.first, self.last)

    def name(self) -> str:
        """In words: "today", "the last 7 days", "November 2026", "1 Nov – 15 Nov 2026"."""
        return self.period.name(self.first, self.last)

    def previous_name(self) -> str:
        """The period before, in words: "yesterday (…)", "October 2026", "the previous 7 days
        (…)"."""
        before = self.previous
        return self.period.before_name(before.first, before.last)


def window_for(period: Period, now: datetime, zone: Zone) -> Window:
    first, last = period.dates(local_today(now, zone))
    return Window(period, first, last, zone)


def parse_period(value: str) -> Period | str | None:
    """A period, a problem with something that looks like one, or None if it does not."""
    word = value.casefold()
    if word == "today":
        return LastDays(1)
    days = _DAYS.match(word)
    if days:
        digits = days.group(1).lstrip("0")
        # Compared as text first: a thousand digits are a period too long, not a crash.
        if not digits or len(digits) > len(str(MAX_DAYS)) or int(digits) > MAX_DAYS:
            return f"{code(value)}: a period is 1 to {MAX_DAYS} days"
        return LastDays(int(digits))
    month = _MONTH.match(word)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if not 1 <= number <= 12:
            return f"{code(value)} is not a month; write it as `2026-11`"
        if not MIN_YEAR <= year <= MAX_YEAR:
            return f"{code(value)}: the log covers {MIN_YEAR} to {MAX_YEAR}"
        return Month(year, number)
    span = _RANGE.match(word)
    if span:
        try:
            first, last = date.fromisoformat(span.group(1)), date.fromisoformat(span.group(2))
        except ValueError:
            return f"{code(value)} has a date that does not exist"
        if not MIN_YEAR <= first.year <= last.year <= MAX_YEAR and last >= first:
            return f"{code(value)}: the log covers {MIN_YEAR} to {MAX_YEAR}"
        if last < first:
            return f"{code(value)} ends before it starts"
        if (last - first).days + 1 > MAX_DAYS:
            return f"{code(value)}: a period is 1 to {MAX_DAYS} days"
        return Dates(first, last)
    return None
