from __future__ import annotations

from datetime import datetime

import pytest

from bot.clock import ManualClock
from bot.scheduler import Ticker


def test_a_failing_job_neither_stops_the_tick_nor_the_jobs_after_it(
    clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    ticker = Ticker(clock)
    seen: list[datetime] = []

    def broken(now: datetime) -> None:
        raise RuntimeError("channel exploded")

    ticker.add("broken", broken)
    ticker.add("fine", seen.append)
    ticker.tick()
    ticker.tick()
    assert seen == [clock.now(), clock.now()]
    assert "Job 'broken' failed" in caplog.text
