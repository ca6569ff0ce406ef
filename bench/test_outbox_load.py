"""1,000 channels whose daily tip is due at the same minute (goal: all posted within 3 minutes),
through the real app and the outbox, against the fake Slack enforcing Slack's limits: one post
a second per channel, and a workspace ceiling of 600 chat.postMessage a minute (429 with
Retry-After past it). The same run without limits shows what the bot itself costs.

Baseline: before the outbox the ticker slept 1.1 s between posts, posted at most 4 a tick, and
`schedule` started the next tick 5 s after one ended: 250 ticks of (3 x 1.1 s + 5 s), about
35 minutes (issue 14 measured ~33). Computed, not run: it would hold `make bench` for half an
hour.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from datetime import time as dtime
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bot.clock import ManualClock
from bot.config import Settings
from bot.recurring import EVERY_DAY, Recurrence
from bot.tips.schedules import ChannelSchedule
from handlers.console.fakeslack.limits import RateLimits
from handlers.console.fakeslack.server import FakeSlack
from tests.harness import SECRET, Harness

CHANNELS = 1000
GOAL_SECONDS = 180
OLD_BASELINE_SECONDS = (CHANNELS // 4) * (3 * 1.1 + 5)
EARLY = datetime(2026, 11, 30, 13, 0, tzinfo=UTC)  # 07:00 in Chicago
NINE = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)  # 09:00 in Chicago


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def seeded_bot(tmp_path: Path, fake: FakeSlack) -> Harness:
    settings = Settings(
        mode="http",
        bot_token="xoxb-bench",
        signing_secret=SECRET,
        db_path=tmp_path / "coach.json",
        timezone="America/Chicago",
    )
    bot = Harness(settings, ManualClock(EARLY), fake)
    nine = Recurrence(dtime(9), "America/Chicago", EVERY_DAY)
    for n in range(CHANNELS):
        bot.services.tip_schedules.save(ChannelSchedule(f"C{n:07d}", nine, "U0SETTER", EARLY))
    bot.tick()
    return bot


def post_all(bot: Harness) -> float:
    bot.clock.set(NINE)
    started = time.monotonic()
    bot.services.ticker.tick()
    assert bot.services.outbox.wait_idle(GOAL_SECONDS * 2)
    return time.monotonic() - started


@pytest.mark.parametrize("limited", [True, False], ids=["slack-limits", "no-limits"])
def test_1000_channels_due_at_once(
    benchmark: BenchmarkFixture, tmp_path: Path, fake: FakeSlack, limited: bool
) -> None:
    bot = seeded_bot(tmp_path, fake)
    limits = fake.enforce_rate_limits(RateLimits()) if limited else None
    try:
        elapsed = benchmark.pedantic(lambda: post_all(bot), rounds=1, iterations=1)
        ok = [c.args["channel"] for c in fake.calls_to("chat.postMessage") if c.answer["ok"]]
        assert len(ok) == CHANNELS  # all of them
        assert len(set(ok)) == CHANNELS  # each once
        refused = dict(limits.refused) if limits else {}
        benchmark.extra_info.update(
            seconds=round(elapsed, 1), refused=refused, old_baseline_s=OLD_BASELINE_SECONDS
        )
        print(
            f"\n{CHANNELS} channels due at once ({'Slack limits' if limited else 'no limits'}):"
            f" all posted in {elapsed:.1f} s (goal {GOAL_SECONDS} s); 429s answered: {refused};"
            f" old ticker, computed: {OLD_BASELINE_SECONDS / 60:.0f} min"
        )
        assert elapsed < GOAL_SECONDS
    finally:
        bot.close()
