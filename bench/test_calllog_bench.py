"""Time to log one call through the service (mask, store, no reminder) with many calls stored."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import Seeder, sample_call
from bot.calllog.model import CallInput
from bot.calllog.service import CallService
from bot.clock import ManualClock
from bot.schedule_text import Zone

NOTES = (
    "Customer was charged twice for order #48213 and asked for a refund; card 4111 1111 1111 "
    "1111 on file, call back on (312) 555-0142 or jo@example.com. Escalated to billing. "
)


@pytest.mark.parametrize("stored", [10_000, 100_000])
def test_log_one_call(benchmark: BenchmarkFixture, seeded_store: Seeder, stored: int) -> None:
    store = seeded_store("calls", [sample_call(n) for n in range(stored)])
    service = CallService(store, ManualClock(datetime(2026, 12, 1, tzinfo=UTC)), Zone("UTC"))
    given = CallInput("billing", 4, "escalated", NOTES * 2, reference="ORD-99812")
    benchmark.pedantic(lambda: service.log_call("T0COACH", "U00000001", given), rounds=10)


def test_mine_with_100k(benchmark: BenchmarkFixture, seeded_store: Seeder) -> None:
    store = seeded_store("calls", [sample_call(n) for n in range(100_000)])
    service = CallService(store, ManualClock(datetime(2026, 12, 1, tzinfo=UTC)), Zone("UTC"))
    benchmark.pedantic(lambda: service.mine("U00000001"), rounds=3)
