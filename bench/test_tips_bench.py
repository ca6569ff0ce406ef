"""The daily-tip tick with 1,000 scheduled channels, none of them due (goal: under 1 ms): early
on a Monday, before any post, and on a Tuesday afternoon, when every post so far went out.

The baseline, in the same run, is what every tick did before the timetable: read every
schedule from the store and look at each (now done only when the timetable is rebuilt: on
start, after a change, and once a minute when instances share PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import Seeder
from bot.clock import ManualClock
from bot.content import load_content
from bot.leases import RECORDS, SENT, record_key
from bot.outbox import Outbox
from bot.recurring import WEEKDAYS, Recurrence
from bot.tips.posting import TIP_KIND, TipPoster
from bot.tips.schedules import SCHEDULES, ChannelSchedule, Schedules, to_doc

ZONES = ("America/Chicago", "Europe/London", "Asia/Kolkata", "America/New_York", "UTC")
MONDAY_EARLY = datetime(2026, 11, 30, 3, 0, tzinfo=UTC)  # before every channel's 09:00-16:00
TUESDAY_AFTERNOON = datetime(2026, 12, 1, 18, 0, tzinfo=UTC)  # 12:00 Chicago, 23:30 Kolkata
CHANNELS = 1000


def seeded_poster(seeded_store: Seeder, now: datetime) -> TipPoster:
    schedules = [
        ChannelSchedule(
            f"C{n:06d}",
            Recurrence(time(9 + n % 8, 0), ZONES[n % len(ZONES)], WEEKDAYS),
            "U0SETTER",
            MONDAY_EARLY - timedelta(days=30),
        )
        for n in range(CHANNELS)
    ]
    store = seeded_store(SCHEDULES, [to_doc(schedule) for schedule in schedules])
    for schedule in schedules:  # every post whose time has come went out
        rec = schedule.recurrence
        today = rec.local_day(now)
        for day in (today - timedelta(days=1), today):
            if rec.runs_on(day) and rec.instant_on(day) <= now:
                key = record_key(TIP_KIND, schedule.channel, day.isoformat())
                store.put(RECORDS, key, {"state": SENT})
    outbox = Outbox(store, ManualClock(now).now)
    poster = TipPoster(store, load_content(None), Schedules(store), outbox, timedelta(hours=4))
    # The premise: at `now` every channel was looked at and none is due.
    assert poster.due_items(now) == []
    return poster


@pytest.mark.parametrize("now", [MONDAY_EARLY, TUESDAY_AFTERNOON], ids=["before", "after"])
def test_tick_with_1000_channels_none_due(
    benchmark: BenchmarkFixture, seeded_store: Seeder, now: datetime
) -> None:
    poster = seeded_poster(seeded_store, now)
    benchmark.pedantic(lambda: poster.due_items(now), rounds=200, iterations=10)


@pytest.mark.parametrize("now", [MONDAY_EARLY, TUESDAY_AFTERNOON], ids=["before", "after"])
def test_baseline_read_and_look_at_every_schedule(
    benchmark: BenchmarkFixture, seeded_store: Seeder, now: datetime
) -> None:
    poster = seeded_poster(seeded_store, now)
    benchmark.pedantic(lambda: poster.timetable.rebuild(now), rounds=30)
