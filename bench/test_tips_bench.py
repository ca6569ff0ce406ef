"""The daily-tip tick with 1,000 scheduled channels, none of them due (goal: under 20 ms)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import Seeder
from bot.content import load_content
from bot.recurring import WEEKDAYS, Recurrence
from bot.tips.posting import TipPoster
from bot.tips.schedules import SCHEDULES, ChannelSchedule, to_doc

ZONES = ("America/Chicago", "Europe/London", "Asia/Kolkata", "America/New_York", "UTC")
NOW = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # before every channel's local 09:00-16:00


class NoSender:
    def post(self, channel: str, body: dict[str, object]) -> None:
        raise AssertionError(f"nothing should be due, but {channel} was posted")

    def direct_message(self, user: str, text: str) -> None:
        raise AssertionError("nothing should be due")


def test_tick_with_1000_channels_none_due(
    benchmark: BenchmarkFixture, seeded_store: Seeder
) -> None:
    docs = [
        to_doc(
            ChannelSchedule(
                f"C{n:06d}",
                Recurrence(time(9 + n % 8, 0), ZONES[n % len(ZONES)], WEEKDAYS),
                "U0SETTER",
                NOW - timedelta(days=30),
            )
        )
        for n in range(1000)
    ]
    store = seeded_store(SCHEDULES, docs)
    poster = TipPoster(store, load_content(None), NoSender(), timedelta(hours=4))
    # The premise: at NOW every channel was looked at and none is due.
    assert poster.due(NOW) == []
    benchmark.pedantic(lambda: poster.tick(NOW), rounds=30, iterations=1)
