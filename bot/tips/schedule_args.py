"""The grammar of `/tips`: turn the text a person typed into one typed command.

    on TIME [ZONE] [DAYS]        TIME: 09:00, 9am, 9:30 pm    DAYS: weekdays, daily, mon,wed,fri
    off | status | now
    skip DATE [DATE …] | unskip [DATE]     DATE: 2026-12-25, today, tomorrow, friday, next monday
    holidays CALENDAR | holidays off       CALENDAR: GB, US-CA, DE-BY …

Times, days, dates and zones are the shared grammar's (bot.schedule_text), in any order after
`on`. Every error names the part that was wrong and shows a correct example.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from bot.recurring import Recurrence
from bot.schedule_text import (
    WEEKDAYS,
    TextError,
    Zone,
    days_text,
    take_date,
    take_days,
    take_time,
    time_text,
    zone_named,
)

EXAMPLE_ON = "/tips on 9am America/Chicago weekdays"
USAGE = (
    f"`{EXAMPLE_ON}` (zone and days optional), `/tips off`, `/tips status`, `/tips now`, "
    "`/tips skip 2026-12-25` (or `tomorrow`, `next monday`), `/tips unskip [2026-12-25]`, "
    "`/tips holidays GB`"
)


class ArgsError(ValueError):
    """The text could not be read; the message is shown to the person as it is."""


@dataclass(frozen=True)
class TurnOn:
    at: time
    zone: Zone
    days: frozenset[int]


@dataclass(frozen=True)
class TurnOff:
    pass


@dataclass(frozen=True)
class ShowStatus:
    pass


@dataclass(frozen=True)
class PostNow:
    pass


@dataclass(frozen=True)
class Skip:
    days: tuple[date, ...]


@dataclass(frozen=True)
class Unskip:
    day: date | None  # None: every skipped date


@dataclass(frozen=True)
class Holidays:
    calendar: str | None  # None: stop skipping public holidays


TipsCommand = TurnOn | TurnOff | ShowStatus | PostNow | Skip | Unskip | Holidays
_BARE: dict[str, TipsCommand] = {"off": TurnOff(), "status": ShowStatus(), "now": PostNow()}


def parse(text: str, default_zone: Zone, today: date) -> TipsCommand:
    """Read what follows `/tips`; relative dates count from `today` (the channel's date)."""
    words = text.split()
    if not words:
        return ShowStatus()
    verb, rest = words[0].lower(), words[1:]
    try:
        if verb == "on":
            return _on(rest, default_zone)
        if verb in _BARE:
            if rest:
                raise ArgsError(
                    f"`/tips {verb}` takes nothing after it (got `{' '.join(rest)}`). "
                    f"Type just `/tips {verb}`."
                )
            return _BARE[verb]
        if verb == "skip":
            return _skip(rest, today)
        if verb == "unskip":
            return _unskip(rest, today)
        if verb == "holidays":
            return _holidays(rest)
    except TextError as error:
        raise ArgsError(f"{error}. Try one of: {USAGE}") from None
    raise ArgsError(f"I don't know `{words[0]}`. Try one of: {USAGE}")


def _on(words: list[str], default_zone: Zone) -> TurnOn:
    if not words:
        raise ArgsError(f"At what time? For example: `{EXAMPLE_ON}`")
    at: time | None = None
    zone: Zone | None = None
    days: frozenset[int] | None = None
    index = 0
    while index < len(words):
        word = words[index]
        if (found_time := take_time(words, index)) is not None:
            if at is not None:
                raise ArgsError(f"Give one time, not two. For example: `{EXAMPLE_ON}`")
            at, used = found_time
        elif (found_zone := zone_named(word)) is not None:
            if zone is not None:
                raise ArgsError(
                    f"Give one time zone, not both `{zone}` and `{word}`. "
                    f"For example: `{EXAMPLE_ON}`"
                )
            zone, used = found_zone, 1
        elif days is None and (found_days := take_days(words, index)) is not None:
            days, used = found_days
        else:
            raise ArgsError(
                f"`{word}` is not a time, a time zone or a set of days. Times are 09:00, "
                "21:15, 9am or 9:30 pm; zones are IANA names such as America/Chicago or "
                "Europe/London; days are weekdays, daily, weekends or a list such as "
                f"mon,wed,fri. For example: `{EXAMPLE_ON}`"
            )
        index += used
    if at is None:
        raise ArgsError(f"At what time? Add one such as 09:00 or 9am. For example: `{EXAMPLE_ON}`")
    return TurnOn(at, zone or default_zone, days or WEEKDAYS)


def _dates(words: list[str], today: date) -> list[date]:
    words = [part for word in words for part in word.split(",") if part]
    found: list[date] = []
    index = 0
    while index < len(words):
        taken = take_date(words, index, today)
        if taken is None:
            raise ArgsError(
                f"`{words[index]}` is not a date. Write it 2026-12-25, or today, tomorrow, "
                "friday or next monday. For example: `/tips skip tomorrow`"
            )
        found.append(taken[0])
        index += taken[1]
    return found


def _skip(words: list[str], today: date) -> Skip:
    if not words:
        raise ArgsError("Which date? For example: `/tips skip 2026-12-25` or `/tips skip tomorrow`")
    return Skip(tuple(_dates(words, today)))


def _unskip(words: list[str], today: date) -> Unskip:
    days = _dates(words, today)
    if len(days) > 1:
        raise ArgsError(
            "`/tips unskip` takes one date, or none to clear every skipped date. "
            "For example: `/tips unskip 2026-12-25`"
        )
    return Unskip(days[0] if days else None)


def _holidays(words: list[str]) -> Holidays:
    if len(words) != 1:
        raise ArgsError(
            "Which public-holiday calendar? A country code, with a region if you like: "
            "`/tips holidays GB`, `/tips holidays US-CA`, `/tips holidays DE-BY`; "
            "`/tips holidays off` stops skipping them."
        )
    word = words[0]
    return Holidays(None if word.lower() in ("off", "none") else word.upper())


def on_command(recurrence: Recurrence) -> str:
    """The `/tips on …` that sets this schedule, days included: what to type to restore it."""
    return f"/tips on {time_text(recurrence.at)} {recurrence.zone} {days_text(recurrence.days)}"
