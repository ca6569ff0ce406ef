"""The store at 100,000 realistic calls (about three years at 100 a day) and 1,000 tip
schedules: the partitioned, indexed store against the single-file store it replaced, both
measured in the same run on the same data.

Goals (issue 14): log a call < 10 ms median; tips tick with none due < 1 ms; resident memory
< 150 MB steady. Memory and GC pauses are measured in a fresh process per layout.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import orjson
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.baseline_store import SingleFileStore
from bench.realistic import NOW, calls, schedules, write_single_file
from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.clock import ManualClock
from bot.content import load_content
from bot.leases import RECORDS, SENT, record_key
from bot.outbox import Outbox
from bot.store import Store, TinyStore
from bot.tips.posting import TIP_KIND, TipPoster
from bot.tips.schedules import SCHEDULES, Schedules, to_doc

CALLS = 100_000
CHANNELS = 1_000
LAYOUTS = ["single-file", "partitioned"]
ROOT = Path(__file__).resolve().parents[1]


NOTES: list[str] = []  # figures that are not timings, printed with the memory benchmark


@pytest.fixture(scope="session")
def single_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data as the single-file layout held it: 100,000 calls and 1,000 schedules."""
    path = tmp_path_factory.mktemp("seed") / "coach.json"
    write_single_file(
        path,
        {
            "calls": {str(n): doc for n, doc in enumerate(calls(CALLS), 1)},
            SCHEDULES: {s.channel: to_doc(s) for s in schedules(CHANNELS)},
        },
    )
    NOTES.append(
        f"{CALLS:,} calls and {CHANNELS:,} schedules: {path.stat().st_size / 1e6:.0f} MB",
    )
    return path


@pytest.fixture(scope="session")
def stores(
    single_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Store]]:
    old = tmp_path_factory.mktemp("single") / "coach.json"
    shutil.copy(single_file, old)
    new = tmp_path_factory.mktemp("partitioned") / "coach.json"
    shutil.copy(single_file, new)
    started = time.perf_counter()
    partitioned = TinyStore(new)  # migrates the single file on this first start
    NOTES.append(f"migration of the single file: {time.perf_counter() - started:.1f} s")
    opened: dict[str, Store] = {"single-file": SingleFileStore(old), "partitioned": partitioned}
    for store in opened.values():
        for schedule in schedules(CHANNELS):  # every post whose time has come went out
            rec = schedule.recurrence
            today = rec.local_day(NOW)
            for day in (today - timedelta(days=1), today):
                if rec.runs_on(day) and rec.instant_on(day) <= NOW:
                    key = record_key(TIP_KIND, schedule.channel, day.isoformat())
                    store.put(RECORDS, key, {"state": SENT})
    yield opened
    for store in opened.values():
        store.close()


def new_call(n: int) -> CallRecord:
    return CallRecord.from_doc("", {**calls(1, seed=n)[0], "created_at": NOW.isoformat()})


@pytest.mark.parametrize("layout", LAYOUTS)
def test_log_a_call(benchmark: BenchmarkFixture, stores: dict[str, Store], layout: str) -> None:
    log = CallLog(stores[layout])
    records = iter([new_call(n) for n in range(60)])
    rounds = 10 if layout == "single-file" else 50
    benchmark.pedantic(lambda: log.add(next(records)), rounds=rounds, iterations=1)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_month_range_query(
    benchmark: BenchmarkFixture, stores: dict[str, Store], layout: str
) -> None:
    log = CallLog(stores[layout])
    found = benchmark.pedantic(
        lambda: log.find(since=NOW - timedelta(days=30), until=NOW), rounds=10, iterations=1
    )
    assert 2_800 <= len(found) <= 3_100  # about 30 days at 100 a day


@pytest.mark.parametrize("layout", LAYOUTS)
def test_tips_tick_1000_channels_none_due(
    benchmark: BenchmarkFixture, stores: dict[str, Store], layout: str
) -> None:
    store = stores[layout]
    outbox = Outbox(store, ManualClock(NOW).now)
    poster = TipPoster(store, load_content(None), Schedules(store), outbox, timedelta(hours=4))
    assert poster.due_items(NOW) == []
    benchmark.pedantic(lambda: poster.due_items(NOW), rounds=200, iterations=10)


@pytest.mark.parametrize("layout", [*LAYOUTS, "partitioned, no index snapshots"])
def test_start_memory_and_gc_pauses(
    benchmark: BenchmarkFixture,
    single_file: Path,
    stores: dict[str, Store],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    layout: str,
) -> None:
    """A fresh process opens the store and answers /calls 30d once; the benchmark times the
    whole process; memory and full-GC pauses are reported beside it."""
    path = tmp_path / "coach.json"
    shutil.copy(single_file, path)
    if layout != "single-file":
        TinyStore(path).close()  # migrated beforehand (snapshots written): an ordinary start
    if layout == "partitioned, no index snapshots":  # the baseline: every month read in full
        for snapshot in path.with_name(path.name + ".d").rglob("*.index"):
            snapshot.unlink()
    command = [sys.executable, "-m", "bench.measure_memory", layout, str(path)]

    def run() -> dict[str, float]:
        out = subprocess.run(  # noqa: S603 - our own module, run with our own interpreter
            command, cwd=ROOT, capture_output=True, check=True, timeout=300
        )
        measured: dict[str, float] = orjson.loads(out.stdout)
        return measured

    measured = benchmark.pedantic(run, rounds=1, iterations=1)
    benchmark.extra_info.update(measured)
    NOTES.append(f"{layout}: {measured}")
    with capsys.disabled():
        print("".join(f"\n[store bench] {note}" for note in NOTES))
    NOTES.clear()
