"""PostgreSQL at 100,000 calls (issue 15): /calls 30d through the app (goal < 30 ms median)
and logging a call (goal < 5 ms median), each beside a baseline in the same run: the old way
(every row of the period fetched and counted in Python) and one bare round trip."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import sample_call
from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.clock import ManualClock
from bot.config import Settings
from bot.reports.access import AUDIT
from bot.store import callscan
from bot.store.calls import CallFilter
from bot.store.pg.tables import TYPED
from bot.store.postgres import PgStore
from handlers.console.fakeslack.server import FakeSlack
from tests.harness import SECRET, Harness
from tests.postgres import postgres_server, scratch_database, unavailable_reason

NOW = datetime(2026, 11, 30, 14, tzinfo=UTC)
MANAGER = "U0MANAGER1"
CALLS = 100_000


@pytest.fixture(scope="module")
def database() -> Iterator[str]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_server() as server, scratch_database(server) as url:
        store = PgStore(url)
        table = TYPED["calls"]
        rows = []
        for n in range(CALLS):
            doc = sample_call(n)
            # Spread over the last 300 days, so 30 days hold about a tenth of the log.
            doc["created_at"] = (NOW - timedelta(minutes=n * 300 * 24 * 60 // CALLS)).isoformat()
            rows.append((str(n + 1), n + 1, *table.to_row(doc)))
        with store.db.pool.connection() as conn, conn.cursor() as cursor:
            names = ["key", "seq", *(name for name, _ in table.columns), "extra"]
            marks = ", ".join(["%s"] * len(names))
            quoted = ", ".join(f'"{name}"' for name in names)
            cursor.executemany(f"INSERT INTO calls ({quoted}) VALUES ({marks})", rows)  # noqa: S608
            conn.execute("SELECT setval('calls_seq', %s)", (CALLS,))
            conn.execute("ANALYZE calls")
        store.close()
        yield url


def test_pg_calls_30d_through_the_app_100k(benchmark: BenchmarkFixture, database: str) -> None:
    settings = Settings(mode="http", bot_token="xoxb-bench", signing_secret=SECRET,
                        database_url=database, managers=frozenset({MANAGER}),
                        timezone="America/Chicago")  # fmt: skip
    fake = FakeSlack().start()
    bot = Harness(replace(settings), ManualClock(NOW), fake)
    try:
        rounds = {"n": 0}
        audited = bot.services.store.count(AUDIT)

        def settle() -> None:
            deadline = time.monotonic() + 10
            while (
                bot.services.store.count(AUDIT) < audited + rounds["n"]
                and time.monotonic() < deadline
            ):
                time.sleep(0.002)

        def ask() -> None:
            rounds["n"] += 1
            bot.command("/calls", "30d", user=MANAGER)
            bot.wait("response_url", count=rounds["n"])

        benchmark.pedantic(ask, setup=settle, rounds=20, iterations=1, warmup_rounds=1)
    finally:
        bot.close()
        fake.stop()


def test_pg_baseline_30d_counted_in_python_100k(benchmark: BenchmarkFixture, database: str) -> None:
    """The old way: every row of the two periods fetched and counted in Python."""
    store = PgStore(database)
    flt = CallFilter((NOW - timedelta(days=30)).isoformat(), NOW.isoformat())
    before = (NOW - timedelta(days=60)).isoformat()
    try:
        benchmark.pedantic(
            lambda: callscan.figures(store, flt, before, NOW.isoformat(), 10),
            rounds=5,
            iterations=1,
            warmup_rounds=1,
        )
    finally:
        store.close()


def test_pg_log_a_call_100k(benchmark: BenchmarkFixture, database: str) -> None:
    store = PgStore(database)
    log = CallLog(store)
    record = CallRecord.from_doc("0", {**sample_call(1), "created_at": NOW.isoformat()})
    try:
        benchmark.pedantic(lambda: log.add(record), rounds=200, iterations=1, warmup_rounds=5)
    finally:
        store.close()


def test_pg_baseline_one_round_trip(benchmark: BenchmarkFixture, database: str) -> None:
    store = PgStore(database)
    try:
        benchmark.pedantic(store.ping, rounds=200, iterations=1, warmup_rounds=5)
    finally:
        store.close()
