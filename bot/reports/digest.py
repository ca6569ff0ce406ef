"""The weekly digest: its schedule per channel, the `/calls digest ...` grammar, and the post.

    /calls digest on #channel [mon] [9am] [Europe/London]    (defaults: mon 09:00, BOT_TIMEZONE)
    /calls digest off [#channel]
    /calls digest status

Its window opens through `bot.recurring`, and the post goes through the outbox like every
scheduled post: ticks, restarts and a second instance never repeat it.
Its blocks are built and sent at the Slack edge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.calllog.log import CallLog
from bot.recurring import DAY_NAMES, Recurrence
from bot.reports.period import Dates
from bot.reports.query import Filter
from bot.reports.summary import Summary, summarize
from bot.schedule_text import TextError, Zone, take_time, weekday_named, zone_named
from bot.store import Store
from bot.text import code

SCHEDULES = "report_digests"
KIND = "digest"
OVERDUE_SHOWN = 5
_CHANNEL = re.compile(r"^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$")
USAGE = (
    "*Weekly digest:*\n"
    "• `/calls digest on #channel mon 09:00 Europe/London` (day, time and zone are optional: "
    "Monday, 09:00 and the bot's time zone)\n"
    "• `/calls digest off #channel` · `/calls digest status`"
)


class DigestError(ValueError):
    def message(self) -> str:
        return f"{self}\n\n{USAGE}"


@dataclass(frozen=True)
class DigestSchedule:
    channel: str
    weekday: int  # 0 = Monday
    at: time
    zone: Zone
    set_by: str = ""

    @property
    def recurrence(self) -> Recurrence:
        return Recurrence(self.at, self.zone, frozenset({self.weekday}))

    def describe(self) -> str:
        day = DAY_NAMES[self.weekday].capitalize()
        return f"<#{self.channel}> every {day} at {self.at:%H:%M} ({self.zone})"

    def to_doc(self) -> dict[str, Any]:
        return {
            "channel": self.channel,
            "weekday": self.weekday,
            "at": self.at.strftime("%H:%M"),
            "zone": str(self.zone),  # stored as the plain IANA name
            "set_by": self.set_by,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> DigestSchedule:
        return cls(
            channel=doc["channel"],
            weekday=int(doc["weekday"]),
            at=time.fromisoformat(doc["at"]),
            zone=Zone(doc["zone"]),
            set_by=doc.get("set_by", ""),
        )


@dataclass(frozen=True)
class DigestOn:
    schedule: DigestSchedule


@dataclass(frozen=True)
class DigestOff:
    channel: str | None


@dataclass(frozen=True)
class DigestStatus:
    pass


DigestCommand = DigestOn | DigestOff | DigestStatus


def parse_digest(text: str, default_zone: Zone, user: str = "") -> DigestCommand:
    """Read what follows `/calls digest`; raise DigestError saying what was wrong. The day,
    time and zone are read by the shared grammar (bot.schedule_text), as `/tips` reads them."""
    words = text.split()
    if not words or words[0].lower() == "status":
        if len(words) > 1:
            raise DigestError("`status` takes nothing after it.")
        return DigestStatus()
    verb, rest = words[0].lower(), words[1:]
    if verb == "off":
        if len(rest) > 1:
            raise DigestError("`off` takes at most one channel.")
        return DigestOff(_channel(rest[0]) if rest else None)
    if verb != "on":
        raise DigestError(f"{code(words[0])} is not `on`, `off` or `status`.")
    try:
        return DigestOn(_schedule(rest, default_zone, user))
    except TextError as error:
        raise DigestError(f"{error}.") from None


def _schedule(words: list[str], default_zone: Zone, user: str) -> DigestSchedule:
    channel: str | None = None
    weekday: int | None = None
    at: time | None = None
    zone: Zone | None = None
    index = 0
    while index < len(words):
        word, used = words[index], 1
        if word.startswith(("<#", "#")):
            if channel is not None:
                raise DigestError("One channel at a time, please.")
            channel = _channel(word)
        elif (day := weekday_named(word)) is not None:
            if weekday is not None:
                raise DigestError("The digest is weekly: give one day.")
            weekday = day
        elif (found_time := take_time(words, index)) is not None:
            if at is not None:
                raise DigestError("Give one time, such as `09:00` or `9am`.")
            at, used = found_time
        elif (found_zone := zone_named(word)) is not None:
            if zone is not None:
                raise DigestError("Give one time zone, such as `Europe/London`.")
            zone = found_zone
        elif "/" in word:
            raise DigestError(
                f"{code(word)} is not a time zone; use a name such as Europe/London or "
                "America/Chicago."
            )
        else:
            raise DigestError(
                f"I don't know {code(word)}: expected a channel, a day (mon … sun), a time "
                "(such as 09:00 or 9am) or a time zone (such as Europe/London)."
            )
        index += used
    if channel is None:
        raise DigestError("Which channel? Add it, such as `#support-leads`.")
    return DigestSchedule(
        channel=channel,
        weekday=0 if weekday is None else weekday,
        at=time(9, 0) if at is None else at,
        zone=zone or default_zone,
        set_by=user,
    )


def _channel(word: str) -> str:
    match = _CHANNEL.match(word)
    if not match:
        raise DigestError(
            f"{code(word)} is not a channel I can read: pick it from Slack's list as you type #."
        )
    return match.group(1)


# --- storing schedules ---------------------------------------------------------------------


def save_schedule(store: Store, schedule: DigestSchedule) -> None:
    store.put(SCHEDULES, schedule.channel, schedule.to_doc())


def remove_schedule(store: Store, channel: str) -> bool:
    return store.delete(SCHEDULES, channel)


def schedules(store: Store) -> list[DigestSchedule]:
    return [DigestSchedule.from_doc(doc) for _key, doc in store.scan(SCHEDULES)]


def open_digests(
    store: Store, now: datetime, catch_up: timedelta
) -> list[tuple[DigestSchedule, date]]:
    """Each schedule whose post window is open now, with the local date it belongs to. Its
    post is due unless the outbox recorded it finished."""
    found = []
    for schedule in schedules(store):
        day = schedule.recurrence.open_day(now, catch_up)
        if day is not None:
            found.append((schedule, day))
    return found


# --- the post ------------------------------------------------------------------------------


def last_week(local_day: date, zone: Zone) -> Filter:
    """The seven local days before the post's day, in the schedule's zone. The digest's
    "in detail" button asks /calls for this very filter, so both count the same calls."""
    return Filter(
        period=Dates(local_day - timedelta(days=7), local_day - timedelta(days=1)), zone=zone
    )


def digest_summary(log: CallLog, flt: Filter, now: datetime) -> Summary:
    assert flt.zone is not None, "a digest's filter names its zone"
    return summarize(log, flt, now, flt.zone)
