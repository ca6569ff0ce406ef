"""The daily-tip tick with 1,000 scheduled channels, none of them due (goal: under 20 ms): early
on a Monday, before any post, and on a Tuesday afternoon, when every post so far went out. Once
a minute a tick also looks for a post missed yesterday or today: measured on its own."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import Seeder
from bot.content import load_content
from bot.recurring import WEEKDAYS, Recurrence, claim_post
from bot.tips.posting import TIP_KIND, TipPoster
from bot.tips.schedules import SCHEDULES, ChannelSchedule, to_doc

ZONES = ("America/Chicago", "Europe/London", "Asia/Kolkata", "America/New_York", "UTC")
MONDAY_EARLY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # before every channel's 09:00-16:00
TUESDAY_AFTERNOON = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)  # 12:00 Chicago, 23:30 Kolkata


class NoSender:
    def post(self, channel: str, body: dict[str, object]) -> None:
        raise AssertionError(f"nothing should be due, but {channel} was posted")

    def direct_message(self, user: str, text: str) -> None:
        raise AssertionError("nothing should be due")


def seeded_poster(seeded_store: Seeder, now: datetime) -> TipPoster:
    schedules = [
        ChannelSchedule(
            f"C{n:06d}",
            Recurrence(time(9 + n % 8, 0), ZONES[n % len(ZONES)], WEEKDAYS),
            "U0SETTER",
            MONDAY_EARLY - timedelta(days=30),
        )
        for n in range(1000)
    ]
    store = seeded_store(SCHEDULES, [to_doc(schedule) for schedule in schedules])
    for schedule in schedules:  # every post whose time has come went out
        rec = schedule.recurrence
        today = rec.local_day(now)
        for day in (today - timedelta(days=1), today):
            if rec.runs_on(day) and rec.instant_on(day) <= now:
                claim_post(store, TIP_KIND, schedule.channel, day, now)
    poster = TipPoster(store, load_content(None), NoSender(), timedelta(hours=4))
    # The premise: at `now` every channel was looked at and none is due.
    assert poster.due(now) == []
    return poster


@pytest.mark.parametrize("now", [MONDAY_EARLY, TUESDAY_AFTERNOON], ids=["before", "after"])
def test_tick_with_1000_channels_none_due(
    benchmark: BenchmarkFixture, seeded_store: Seeder, now: datetime
) -> None:
    poster = seeded_poster(seeded_store, now)
    poster.tick(now)  # this minute's look for missed posts is done: the 11 other ticks
    benchmark.pedantic(lambda: poster.tick(now), rounds=30, iterations=1)


def test_once_a_minute_look_for_missed_posts_with_1000_channels(
    benchmark: BenchmarkFixture, seeded_store: Seeder
) -> None:
    poster = seeded_poster(seeded_store, TUESDAY_AFTERNOON)
    active = poster.schedules.active()
    benchmark.pedantic(lambda: poster.log_missed(TUESDAY_AFTERNOON, active), rounds=30)
