"""How the managers' reports word things in mrkdwn: people, counts, times, changes, breakdowns.

Plain text, shared by the query answer, the per-agent view, the digest and the export; Block
Kit lives at the Slack edge. People are shown by name (escaped: a name is text someone typed
into Slack) and by ID when Slack could not say who they are, never as a mention, so nothing
the reports show pings anyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from bot.reports.summary import Summary
from bot.schedule_text import Zone
from bot.text import escape


@dataclass(frozen=True)
class Viewpoint:
    """Who is reading: their time zone, the names of the people shown, and whether they are a
    manager (which decides what the footers may suggest)."""

    zone: Zone
    names: Mapping[str, str] = field(default_factory=dict)
    manager: bool = False

    def who(self, user: str) -> str:
        """A person as mrkdwn: their escaped name, or their ID as text."""
        name = self.names.get(user)
        return escape(name) if name else escape(user)

    def time(self, when: datetime, fmt: str = "%a %-d %b %H:%M") -> str:
        return local_time(when, self.zone, fmt)

    def zone_words(self, now: datetime) -> str:
        """The zone the times are in, as a reader recognises it: `Europe/London (GMT)`."""
        return zone_words(self.zone, now)


def zone_words(zone: Zone, now: datetime) -> str:
    short = now.astimezone(zone.info).strftime("%Z")
    # Zones without a common abbreviation give "+0530" and the like: the name says enough.
    return zone if not short or short[0] in "+-" or short == zone else f"{zone} ({short})"


def local_time(when: datetime, zone: Zone, fmt: str = "%a %-d %b %H:%M") -> str:
    return when.astimezone(zone.info).strftime(fmt)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def signed(change: int) -> str:
    return f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{abs(change)}")


def change_text(summary: Summary) -> str:
    where = summary.window.previous_name()
    if summary.change == 0:
        return f"the same as {where}"
    direction = "up" if summary.change > 0 else "down"
    preposition = "" if where.startswith("yesterday") else "in "
    return f"{direction} {abs(summary.change)} from {summary.previous} {preposition}{where}"


def breakdown(counts: list[tuple[str, int]], limit: int = 8) -> str:
    shown = [f"{escape(name)} {count}" for name, count in counts[:limit]]
    if len(counts) > limit:
        shown.append(f"{len(counts) - limit} more")
    return " · ".join(shown) or "—"


def summary_text(summary: Summary) -> str:
    """The notification text that goes with the blocks."""
    return f"Difficult calls, {summary.window.label()}: {plural(summary.count, 'call')}"
