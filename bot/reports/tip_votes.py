"""The tip feedback report: which tips each channel found helpful in a period.

Counts the "Helpful" votes (bot/tips/feedback.py, one per person per tip) cast in the period,
by the channel the tip was read in. Votes cast before channels were recorded are grouped as
such rather than dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.content import Content
from bot.reports.period import Window
from bot.store import Store
from bot.tips.feedback import FEEDBACK

TOP_PER_CHANNEL = 5


@dataclass(frozen=True)
class TipCount:
    tip_id: str
    title: str  # the tip's title, or its ID if the content no longer has it
    votes: int


@dataclass(frozen=True)
class ChannelTips:
    channel: str | None  # None: votes from before the channel was recorded
    votes: int
    tips: list[TipCount]  # most votes first, at most TOP_PER_CHANNEL
    more: int  # how many other tips got votes


@dataclass(frozen=True)
class TipReport:
    window: Window
    channels: list[ChannelTips]  # most votes first

    @property
    def votes(self) -> int:
        return sum(channel.votes for channel in self.channels)


def tip_report(store: Store, content: Content, window: Window) -> TipReport:
    since, until = window.since.isoformat(), window.until.isoformat()
    counts: dict[str | None, Counter[str]] = {}

    def count(doc: dict[str, Any]) -> bool:
        # Votes are stored with their UTC time, so the strings compare as times.
        if since <= str(doc.get("at") or "") < until:
            channel = doc.get("channel") or None
            counts.setdefault(channel, Counter())[str(doc.get("tip"))] += 1
        return False

    store.scan(FEEDBACK, count)
    channels = [
        ChannelTips(
            channel,
            sum(tips.values()),
            [TipCount(tip, _title(content, tip), n) for tip, n in _most_first(tips)],
            max(0, len(tips) - TOP_PER_CHANNEL),
        )
        for channel, tips in counts.items()
    ]
    channels.sort(key=lambda c: (-c.votes, c.channel is None, c.channel or ""))
    return TipReport(window, channels)


def _most_first(tips: Counter[str]) -> list[tuple[str, int]]:
    return sorted(tips.items(), key=lambda item: (-item[1], item[0]))[:TOP_PER_CHANNEL]


def _title(content: Content, tip_id: str) -> str:
    try:
        return content.tip(tip_id).title
    except KeyError:
        return tip_id
