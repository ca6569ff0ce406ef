"""Times shown to one agent, in that agent's own time zone (from Slack, through the people
directory), always labelled with the zone, so "09:00" is never ambiguous."""

from __future__ import annotations

from datetime import datetime

from bot.people import People
from bot.schedule_text import Zone


def agent_zone(people: People, user: str, default: Zone) -> Zone:
    """The agent's zone as Slack has it, else `default` (the bot's zone). A zone this
    machine's tz database does not know never gets this far (handlers/people.py drops it)."""
    return people.zone_of(user, default)


def labelled(moment: datetime, zone: Zone, fmt: str = "%H:%M") -> str:
    """`moment` in `zone`, with the zone's abbreviation: 09:00 IST, 14:30 GMT."""
    local = moment.astimezone(zone.info)
    return f"{local:{fmt}} {local.tzname()}"
