"""The grammar of `/tips`: turn the text a person typed into one typed command.

    on HH:MM [ZONE] [DAYS]    DAYS: weekdays | daily | weekends | mon,wed,fri
    off | status | skip DATE [DATE …] | unskip [DATE]

Zone and days may come in either order. Every error names the part that was wrong and shows
a correct example, so nobody has to guess the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from zoneinfo import available_timezones

from bot.recurring import DAY_NAMES, EVERY_DAY, WEEKDAYS, Recurrence

EXAMPLE_ON = "/tips on 09:00 America/Chicago weekdays"
USAGE = (
    f"`{EXAMPLE_ON}` (zone and days optional), `/tips off`, `/tips status`, "
    "`/tips skip 2026-12-25`, `/tips unskip [2026-12-25]`"
)
WEEKENDS = frozenset({5, 6})
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_DAY_WORDS = {"weekdays": WEEKDAYS, "daily": EVERY_DAY, "everyday": EVERY_DAY, "weekends": WEEKENDS}
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class ArgsError(ValueError):
    """The text could not be read; the message is shown to the person as it is."""


@dataclass(frozen=True)
class TurnOn:
    at: time
    zone: str
    days: frozenset[int]


@dataclass(frozen=True)
class TurnOff:
    pass


@dataclass(frozen=True)
class ShowStatus:
    pass


@dataclass(frozen=True)
class Skip:
    days: tuple[date, ...]


@dataclass(frozen=True)
class Unskip:
    day: date | None  # None: every skipped date


TipsCommand = TurnOn | TurnOff | ShowStatus | Skip | Unskip


def parse(text: str, default_zone: str) -> TipsCommand:
    words = text.split()
    if not words:
        return ShowStatus()
    verb, rest = words[0].lower(), words[1:]
    if verb == "on":
        return _on(rest, default_zone)
    if verb in ("off", "status"):
        if rest:
            raise ArgsError(
                f"`/tips {verb}` takes nothing after it (got `{' '.join(rest)}`). "
                f"Type just `/tips {verb}`."
            )
        return TurnOff() if verb == "off" else ShowStatus()
    if verb == "skip":
        if not rest:
            raise ArgsError("Which date? For example: `/tips skip 2026-12-25`")
        return Skip(tuple(_date(word) for word in rest))
    if verb == "unskip":
        if len(rest) > 1:
            raise ArgsError(
                "`/tips unskip` takes one date, or none to clear every skipped date. "
                "For example: `/tips unskip 2026-12-25`"
            )
        return Unskip(_date(rest[0]) if rest else None)
    raise ArgsError(f"I don't know `{words[0]}`. Try one of: {USAGE}")


def _on(words: list[str], default_zone: str) -> TurnOn:
    if not words:
        raise ArgsError(f"At what time? For example: `{EXAMPLE_ON}`")
    at = _time(words[0])
    zone: str | None = None
    days: frozenset[int] | None = None
    # Days may be written with spaces after the commas: "mon, wed, fri".
    for word in _join_day_lists(words[1:]):
        found_zone = canonical_zone(word)
        if found_zone is not None and zone is not None:
            raise ArgsError(
                f"Give one time zone, not both `{zone}` and `{word}`. For example: `{EXAMPLE_ON}`"
            )
        if found_zone is not None:
            zone = found_zone
        elif days is None and (parsed := _days(word)) is not None:
            days = parsed
        else:
            raise ArgsError(
                f"`{word}` is not a time zone or a set of days. Zones are IANA names such as "
                "America/Chicago or Europe/London; days are weekdays, daily, weekends or a "
                f"list such as mon,wed,fri. For example: `{EXAMPLE_ON}`"
            )
    return TurnOn(at, zone or default_zone, days or WEEKDAYS)


def _join_day_lists(words: list[str]) -> list[str]:
    joined: list[str] = []
    for word in words:
        if joined and (joined[-1].endswith(",") or word.startswith(",")):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def _time(word: str) -> time:
    match = _TIME.match(word)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise ArgsError(
        f"`{word}` is not a 24-hour time HH:MM (such as 09:00 or 14:30). "
        f"For example: `{EXAMPLE_ON}`"
    )


def _days(word: str) -> frozenset[int] | None:
    lowered = word.lower()
    if lowered in _DAY_WORDS:
        return _DAY_WORDS[lowered]
    found: set[int] = set()
    for part in lowered.split(","):
        part = part.strip()
        if not part:
            continue
        if part in DAY_NAMES:
            found.add(DAY_NAMES.index(part))
        elif part in _FULL_DAY_NAMES:
            found.add(_FULL_DAY_NAMES.index(part))
        else:
            return None
    return frozenset(found) or None


def _date(word: str) -> date:
    try:
        if len(word) == 10:
            return date.fromisoformat(word)
    except ValueError:
        pass
    raise ArgsError(
        f"`{word}` is not a date written YYYY-MM-DD. For example: `/tips skip 2026-12-25`"
    )


def on_command(recurrence: Recurrence) -> str:
    """The `/tips on …` that sets this schedule, days included: what to type to restore it."""
    days = next((word for word, set_ in _DAY_WORDS.items() if set_ == recurrence.days), None)
    days = days or ",".join(DAY_NAMES[day] for day in sorted(recurrence.days))
    return f"/tips on {recurrence.at:%H:%M} {recurrence.zone} {days}"


@cache
def _zones() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


def canonical_zone(word: str) -> str | None:
    """The IANA name for `word`, matched without regard to case, or None."""
    return _zones().get(word.lower())
