"""The one grammar for times, days, dates and time zones that people type (`/tips`, `/calls
digest`). Each reader takes the words at a position and returns what it read with how many
words it used, or None when the words are not of its kind; words that are plainly meant as one
(`25:00`, `13pm`) but cannot be read raise TextError saying what was wrong. Callers add their
own example to the message.

    times  09:00  21:15  9am  9 am  9:30 pm  12pm (noon)  12am (midnight)  noon  midnight
    days   weekdays  weekends  daily  every day  mon,wed,fri  monday  mon-fri  tuesdays
    dates  2026-12-25  today  tomorrow  friday (the next one, today included)
           next friday (the next one after today)
    zones  IANA names in any case: America/Chicago, europe/london, UTC
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = frozenset(range(5))
WEEKENDS = frozenset({5, 6})
EVERY_DAY = frozenset(range(7))
DAY_WORDS = {"weekdays": WEEKDAYS, "daily": EVERY_DAY, "weekends": WEEKENDS}
_DAY_SYNONYMS = {"everyday": EVERY_DAY, "weekday": WEEKDAYS, "weekend": WEEKENDS}

_TIME_24 = re.compile(r"^(\d{1,2}):(\d{2})$")
_TIME_12 = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\.?$")
_MERIDIEM = re.compile(r"^[ap]\.?m\.?$")
_NAMED_TIMES = {"noon": time(12), "midday": time(12), "midnight": time(0)}


class TextError(ValueError):
    """Words that were meant as a time, day or date but cannot be read; says why."""


class Zone(str):
    """A time zone: its canonical IANA name (a str, so it stores and prints as one) with the
    zoneinfo object at hand. The one type for a zone everywhere: build it with `zone_named`
    from what a person typed, or `Zone(name)` from a name known to be valid."""

    __slots__ = ()

    def __new__(cls, name: str) -> Zone:
        canonical = _zones().get(name.lower())
        if canonical is None:
            raise TextError(f"`{name}` is not a time zone")
        return super().__new__(cls, canonical)

    @property
    def info(self) -> ZoneInfo:
        return _zone_info(str(self))


@cache
def _zones() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@cache
def _zone_info(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def zone_named(word: str) -> Zone | None:
    """The zone `word` names (any case), or None."""
    return Zone(word) if word.lower() in _zones() else None


# --- times ---------------------------------------------------------------------------------


def take_time(words: list[str], at: int) -> tuple[time, int] | None:
    """A time at words[at] (`9:30 pm` may be two words), or None if it is not one."""
    word = words[at].lower()
    following = words[at + 1].lower() if at + 1 < len(words) else ""
    if following and _MERIDIEM.match(following) and re.fullmatch(r"\d{1,2}(?:[:.]\d{2})?", word):
        return _twelve_hour(f"{word}{following}", f"{words[at]} {words[at + 1]}"), 2
    if word in _NAMED_TIMES:
        return _NAMED_TIMES[word], 1
    if _TIME_12.match(word):
        return _twelve_hour(word, words[at]), 1
    match = _TIME_24.match(word)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise TextError(f"`{words[at]}` is not a time: 24-hour times run from 00:00 to 23:59")
        return time(hour, minute), 1
    return None


def _twelve_hour(word: str, typed: str) -> time:
    match = _TIME_12.match(word)
    assert match is not None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if not 1 <= hour <= 12 or minute > 59:
        raise TextError(
            f"`{typed}` is not a time: 12-hour times run from 12:00 am to 11:59 pm "
            "(such as 9am or 9:30 pm)"
        )
    return time(hour % 12 + (12 if match.group(3) == "p" else 0), minute)


def parse_time(text: str) -> time:
    """The whole of `text` as one time; TextError if it is not."""
    words = text.split()
    found = take_time(words, 0) if words else None
    if found is None or found[1] != len(words):
        raise TextError(f"`{text}` is not a time such as 09:00, 21:15, 9am or 9:30 pm")
    return found[0]


def time_text(at: time) -> str:
    return f"{at:%H:%M}"


# --- days of the week ----------------------------------------------------------------------


def weekday_named(word: str) -> int | None:
    """0 = Monday … 6 = Sunday for `mon`, `Monday`, `tues`, `thurs`, `mondays`; else None."""
    lowered = word.lower().rstrip(".")
    if lowered.endswith("s") and lowered[:-1] in FULL_DAY_NAMES:
        lowered = lowered[:-1]
    if len(lowered) < 3:
        return None
    for number, full in enumerate(FULL_DAY_NAMES):
        if full.startswith(lowered):
            return number
    return None


def take_days(words: list[str], at: int) -> tuple[frozenset[int], int] | None:
    """A set of weekdays at words[at]: a day word, `every day`, or a list of days (with
    commas, `mon, wed, fri`, and ranges, `mon-fri`); None if it is not one."""
    word = words[at].lower()
    following = words[at + 1].lower() if at + 1 < len(words) else ""
    if word == "every" and following in ("day", "weekday", "weekend"):
        return {"day": EVERY_DAY, "weekday": WEEKDAYS, "weekend": WEEKENDS}[following], 2
    if word in DAY_WORDS or word in _DAY_SYNONYMS:
        return {**DAY_WORDS, **_DAY_SYNONYMS}[word], 1
    used = 1
    text = word
    # "mon, wed, fri": a list may be spread over words, joined by its commas.
    while at + used < len(words) and (text.endswith(",") or words[at + used].startswith(",")):
        text += words[at + used].lower()
        used += 1
    days: set[int] = set()
    for part in filter(None, (part.strip() for part in text.split(","))):
        found = _day_or_range(part)
        if found is None:
            return None
        days |= found
    return (frozenset(days), used) if days else None


def _day_or_range(part: str) -> set[int] | None:
    if "-" in part:
        first, _, last = part.partition("-")
        start, end = weekday_named(first), weekday_named(last)
        if start is None or end is None:
            return None
        return {(start + n) % 7 for n in range((end - start) % 7 + 1)}
    day = weekday_named(part)
    return None if day is None else {day}


def days_text(days: frozenset[int]) -> str:
    """How to type `days` back: a day word if one fits, else a list such as mon,wed,fri."""
    word = next((word for word, set_ in DAY_WORDS.items() if set_ == days), None)
    return word or ",".join(DAY_NAMES[day] for day in sorted(days))


# --- dates ---------------------------------------------------------------------------------


def take_date(words: list[str], at: int, today: date) -> tuple[date, int] | None:
    """A date at words[at], relative ones counted from `today`; None if it is not one."""
    word = words[at].lower()
    if word == "today":
        return today, 1
    if word == "tomorrow":
        return today + timedelta(days=1), 1
    if word in ("next", "this") and at + 1 < len(words):
        day = weekday_named(words[at + 1])
        if day is not None:
            return _coming(today, day, after_today=word == "next"), 2
    day = weekday_named(word)
    if day is not None:
        return _coming(today, day, after_today=False), 1
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", word):
        year, month, number = (int(part) for part in word.split("-"))
        try:
            return date(year, month, number), 1
        except ValueError:
            raise TextError(f"`{words[at]}` is not a date on the calendar") from None
    return None


def _coming(today: date, weekday: int, *, after_today: bool) -> date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and after_today:
        ahead = 7
    return today + timedelta(days=ahead)


def date_text(day: date) -> str:
    """A date as people read it: Fri 25 Dec 2026."""
    return f"{day:%a} {day.day} {day:%b %Y}"
