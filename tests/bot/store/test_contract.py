from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from bot.store import Query, Store, StoreFileError, TinyStore
from bot.store.postgres import PgStore


def test_put_get_update_delete(store: Store) -> None:
    store.put("schedules", "C1", {"time": "09:00", "days": ["mon"]})
    assert store.get("schedules", "C1") == {"time": "09:00", "days": ["mon"]}
    store.put("schedules", "C1", {"time": "10:00"})
    assert store.get("schedules", "C1") == {"time": "10:00"}
    changed = store.update("schedules", "C1", lambda doc: {**doc, "time": "11:00"})
    assert changed == {"time": "11:00"}
    assert store.update("schedules", "nope", lambda doc: doc) is None
    assert store.delete("schedules", "C1") is True
    assert store.delete("schedules", "C1") is False
    assert store.get("schedules", "C1") is None


def test_add_gives_growing_keys_and_scan_filters(store: Store) -> None:
    keys = [store.add("calls", {"n": n}) for n in range(5)]
    assert keys == ["1", "2", "3", "4", "5"]
    assert [doc["n"] for _, doc in store.scan("calls", lambda d: d["n"] % 2 == 0)] == [0, 2, 4]
    assert store.delete_where("calls", lambda d: d["n"] < 3) == 3
    assert store.count("calls") == 2


def test_add_many_gives_growing_keys_in_order_and_indexes_them(store: Store) -> None:
    store.add("calls", {"created_at": "2026-05-03T10:00:00+00:00", "agent": "U1"})
    docs = [
        {"created_at": f"2026-0{month}-01T10:00:00+00:00", "agent": f"U{month % 2}"}
        for month in (4, 2, 5)
    ]
    assert store.add_many("calls", docs) == ["2", "3", "4"]
    assert store.add_many("calls", []) == []
    assert store.count("calls") == 4
    assert [key for key, _ in store.find("calls", Query("created_at"))] == ["3", "2", "4", "1"]
    assert [key for key, _ in store.find("calls", Query("agent", equals="U1"))] == ["1", "4"]
    assert store.add("calls", {"created_at": "2026-06-01T00:00:00+00:00"}) == "5"


def test_claim_is_exactly_once(store: Store) -> None:
    assert store.claim("posts", "C1:2026-11-30", {"by": "a"}) is True
    assert store.claim("posts", "C1:2026-11-30", {"by": "b"}) is False
    assert store.get("posts", "C1:2026-11-30") == {"by": "a"}


def test_returned_documents_cannot_change_stored_state(store: Store) -> None:
    mine = {"list": [1], "inner": {"n": 1}}
    store.put("x", "k", mine)
    mine["list"].append(99)  # the caller's own dict stays the caller's
    doc = store.get("x", "k")
    assert doc == {"list": [1], "inner": {"n": 1}}
    with pytest.raises(TypeError, match="read-only"):
        doc["list"].append(2)
    with pytest.raises(TypeError, match="read-only"):
        doc["inner"]["n"] = 2
    with pytest.raises(TypeError, match="read-only"):
        doc["new"] = 1
    assert {**doc, "new": 1}["new"] == 1  # building a new document from it is fine
    changed = store.update("x", "k", lambda d: d["list"].append(3) or d)  # a private copy
    assert changed == {"list": [1, 3], "inner": {"n": 1}}
    assert store.get("x", "k") == {"list": [1, 3], "inner": {"n": 1}}


def test_data_survives_reopening(tmp_path: Path) -> None:
    first = TinyStore(tmp_path / "db.json")
    first.put("schedules", "C1", {"time": "09:00"})
    key = first.add("calls", {"notes": "hi"})
    first.close()
    again = TinyStore(tmp_path / "db.json")
    assert again.get("schedules", "C1") == {"time": "09:00"}
    assert again.get("calls", key) == {"notes": "hi"}
    assert again.add("calls", {"notes": "next"}) == str(int(key) + 1)
    again.close()


def test_concurrent_writers_lose_nothing(store: Store) -> None:
    def write(worker: int) -> None:
        for n in range(50):
            store.add("calls", {"worker": worker, "n": n})

    threads = [threading.Thread(target=write, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert store.count("calls") == 200
    assert len({key for key, _ in store.scan("calls")}) == 200


def test_a_corrupt_file_stops_start_up_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text('{"calls": {"1": {"notes": "cut off')
    before = path.read_bytes()
    with pytest.raises(StoreFileError, match=r"is not valid JSON.*left\s+untouched"):
        TinyStore(path)
    assert path.read_bytes() == before


def test_a_second_process_on_the_same_file_is_refused(tmp_path: Path) -> None:
    first = TinyStore(tmp_path / "db.json")
    with pytest.raises(StoreFileError, match="Another Service Coach process"):
        TinyStore(tmp_path / "db.json")
    first.close()


def _write_forever(path: str, ready: multiprocessing.synchronize.Event) -> None:
    store = TinyStore(Path(path))
    n = 0
    while True:
        month = 1 + n % 3  # three month files, so kills land in different ones
        store.add("calls", {"n": n, "created_at": f"2026-0{month}-02T10:00:00+00:00"})
        store.put("tip_schedules", f"C{n % 7}", {"n": n, "notes": "x" * (n % 500)})
        n += 1
        if n == 20:
            ready.set()


def test_a_process_killed_mid_write_leaves_every_earlier_record_readable(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    for attempt in range(5):
        # spawn, not fork: forking a process that runs threads (the fake Slack's) can deadlock.
        ready = multiprocessing.get_context("spawn").Event()
        writer = multiprocessing.get_context("spawn").Process(
            target=_write_forever, args=(str(path), ready)
        )
        writer.start()
        assert ready.wait(20)
        time.sleep(0.05 * (attempt + 1))
        os.kill(writer.pid or 0, signal.SIGKILL)
        writer.join()
        files = list((tmp_path / "db.json.d").rglob("*.json"))
        for file in files:
            json.loads(file.read_text())  # never a half-written file
        numbers = [
            doc["n"] for file in files if "calls" in file.parts for doc in _table(file, "calls")
        ]
        store = TinyStore(path)
        # Each run starts its own count at 0; every record written is still there.
        assert len(numbers) >= 20 * (attempt + 1)
        assert store.count("calls") == len(numbers)
        assert [int(key) for key, _ in store.scan("calls")] == list(range(1, len(numbers) + 1))
        assert not list(tmp_path.rglob("*.tmp"))  # what the kill left behind is gone
        store.close()


def _table(file: Path, collection: str) -> list[dict[str, object]]:
    return list(json.loads(file.read_text())[collection].values())


def test_claims_are_exactly_once_across_instances(postgres_database: str) -> None:
    first, second = PgStore(postgres_database), PgStore(postgres_database)
    results = [
        first.claim("posts", "tip:C1:2026-11-30", {}),
        second.claim("posts", "tip:C1:2026-11-30", {}),
    ]
    assert sorted(results) == [False, True]
    second.put("schedules", "C1", {"time": "09:00"})
    assert first.get("schedules", "C1") == {"time": "09:00"}
    first.close()
    second.close()


def test_an_unreachable_database_is_a_clear_error() -> None:
    with pytest.raises(StoreFileError, match="Cannot connect to the database in BOT_DATABASE_URL"):
        PgStore("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2")
