"""How the managers' reports word things in mrkdwn: counts, times, changes, breakdowns.

Plain text, shared by the query answer, the digest and the export; Block Kit lives at the
Slack edge.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.reports.summary import Summary
from bot.text import escape

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def mention(user: str) -> str:
    # Only a well-formed user ID becomes a mention; anything else is shown as text.
    return f"<@{user}>" if _USER_ID.match(user) else escape(user)


def local_time(when: datetime, zone: str, fmt: str = "%a %-d %b %H:%M") -> str:
    return when.astimezone(ZoneInfo(zone)).strftime(fmt)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def change_text(summary: Summary) -> str:
    before = summary.window.previous
    where = f"the previous {plural(before.days, 'day')} ({before.label()})"
    if summary.change == 0:
        return f"the same as {where}"
    direction = "up" if summary.change > 0 else "down"
    return f"{direction} {abs(summary.change)} from {summary.previous} in {where}"


def breakdown(counts: list[tuple[str, int]], limit: int = 8) -> str:
    shown = [f"{escape(name)} {count}" for name, count in counts[:limit]]
    if len(counts) > limit:
        shown.append(f"{len(counts) - limit} more")
    return " · ".join(shown) or "—"


def summary_text(summary: Summary) -> str:
    """The notification text that goes with the blocks."""
    return f"Difficult calls, {summary.window.label()}: {plural(summary.count, 'call')}"
