"""The embedded store's files: one per collection, one per month for the call log and the audit
log, loaded only when needed; failures on disk that must not change what the store says."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.calllog.log import COLLECTION as CALLS
from bot.calllog.reminders import COLLECTION as REMINDERS
from bot.reports.access import AUDIT
from bot.store import Query, StoreFileError, TinyStore
from bot.store.layout import STANDARD_LAYOUT


def call(month: int, n: int = 0) -> dict[str, object]:
    return {"agent": f"U{n % 3}", "created_at": f"2026-{month:02d}-03T10:00:00+00:00", "n": n}


def test_the_layout_names_the_features_collections() -> None:
    assert {CALLS, AUDIT, REMINDERS} <= set(STANDARD_LAYOUT)


def test_each_collection_and_each_month_has_its_own_file(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    store.add("calls", call(4))
    store.add("calls", call(5))
    store.add("report_audit", {"at": "2026-05-31T23:30:00-02:00", "user": "U1"})  # June in UTC
    store.put("tip_schedules", "C1", {"at": "09:00"})
    store.close()
    folder = tmp_path / "db.json.d"
    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.json"))
    assert files == [
        "calls/2026-04.json",
        "calls/2026-05.json",
        "report_audit/2026-06.json",
        "tip_schedules.json",
    ]
    # Each file is a TinyDB database of its own; a key that is not the doc id rides along.
    assert json.loads((folder / "calls/2026-05.json").read_text()) == {"calls": {"2": call(5)}}
    schedules = json.loads((folder / "tip_schedules.json").read_text())
    assert schedules == {"tip_schedules": {"1": {"at": "09:00", "_key": "C1"}}}


def test_a_write_rewrites_only_its_own_month(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    for month in (1, 2, 3):
        store.add("calls", call(month))
    old = tmp_path / "db.json.d" / "calls" / "2026-01.json"
    before = old.stat().st_mtime_ns, old.stat().st_ino
    store.add("calls", call(3))
    store.put("calls", "3", {**call(3), "n": 9})
    assert (old.stat().st_mtime_ns, old.stat().st_ino) == before
    store.close()


def test_a_purge_reads_and_rewrites_only_the_months_it_empties(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    for month in (1, 2, 3, 4, 5, 6):
        store.add_many("calls", [call(month, n) for n in range(3)])
    store.close()
    store = TinyStore(tmp_path / "db.json")
    months = tmp_path / "db.json.d" / "calls"
    # March is on disk only (not one of the two newest months): a purge before February
    # must not read it, so a broken March file goes unnoticed; April is not rewritten.
    (months / "2026-03.json").write_text("not json")
    april = months / "2026-04.json"
    before = april.stat().st_mtime_ns, april.stat().st_ino
    assert store.delete_found("calls", Query("created_at", high="2026-02-10")) == 6
    assert (april.stat().st_mtime_ns, april.stat().st_ino) == before
    assert store.count("calls") == 12
    assert store.find("calls", Query("created_at", high="2026-02-10")) == []
    store.close()


def test_older_months_are_read_when_needed_and_not_kept(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    keys = [store.add("calls", call(month, month)) for month in (1, 2, 3)]
    store.close()
    store = TinyStore(tmp_path / "db.json")
    coll = store._collections["calls"]  # white-box: which months are held in memory
    resident = {name for name, part in coll._partitions.items() if part._table is not None}
    assert resident == {"2026-02", "2026-03"}
    assert store.get("calls", keys[0]) == call(1, 1)
    found = store.find("calls", Query("created_at", low="2026-01-01", high="2026-03-01"))
    assert [key for key, _ in found] == keys[:2]
    resident = {name for name, part in coll._partitions.items() if part._table is not None}
    assert resident == {"2026-02", "2026-03"}
    store.put("calls", keys[0], {**call(1), "n": 7})  # an edit of an old call goes to its month
    assert store.get("calls", keys[0]) == {**call(1), "n": 7}
    store.close()


def test_a_new_month_pushes_the_oldest_out_of_memory(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    for month in (1, 2, 3):
        store.add("calls", call(month))
    coll = store._collections["calls"]
    in_memory = {n for n, p in coll._partitions.items() if p._table is not None}
    assert in_memory == {"2026-02", "2026-03"}
    assert store.count("calls") == 3
    store.close()


@contextlib.contextmanager
def disk_full(limit: int = 64) -> Iterator[None]:
    """Writes past `limit` bytes fail, as on a full disk (the kernel's file-size limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def test_a_failed_delete_keeps_the_document(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    store.claim("post_claims", "tip:C1:2026-05-04", {"claimed_at": "x" * 200})
    store.claim("post_claims", "tip:C2:2026-05-04", {"claimed_at": "y" * 200})
    with disk_full(), pytest.raises(OSError, match="File too large"):
        store.delete("post_claims", "tip:C1:2026-05-04")
    assert store.get("post_claims", "tip:C1:2026-05-04") == {"claimed_at": "x" * 200}
    assert store.claim("post_claims", "tip:C1:2026-05-04", {}) is False
    assert store.count("post_claims") == 2
    with disk_full(), pytest.raises(OSError, match="File too large"):
        store.delete_where("post_claims", lambda doc: doc["claimed_at"] < "y")
    assert store.count("post_claims") == 2
    with disk_full(), pytest.raises(OSError, match="File too large"):
        store.put("post_claims", "tip:C3:2026-05-04", {"claimed_at": "z" * 200})
    assert store.get("post_claims", "tip:C3:2026-05-04") is None
    assert not list(tmp_path.rglob("*.tmp"))
    assert store.delete("post_claims", "tip:C1:2026-05-04") is True  # room again: it works
    store.close()
    again = TinyStore(tmp_path / "db.json")
    assert [key for key, _ in again.scan("post_claims")] == ["tip:C2:2026-05-04"]
    again.close()


def test_a_symlinked_path_keeps_pointing_at_the_one_store(tmp_path: Path) -> None:
    real = tmp_path / "real" / "db.json"
    real.parent.mkdir()
    TinyStore(real).close()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    store = TinyStore(link)
    store.put("tip_schedules", "C1", {"at": "09:00"})
    assert link.is_symlink()
    with pytest.raises(StoreFileError, match="Another Service Coach process"):
        TinyStore(real)
    store.close()
    again = TinyStore(real)
    assert again.get("tip_schedules", "C1") == {"at": "09:00"}
    again.close()


def test_a_hard_linked_path_meets_the_same_lock(tmp_path: Path) -> None:
    first = tmp_path / "db.json"
    TinyStore(first).close()
    second = tmp_path / "other.json"
    os.link(first, second)
    store = TinyStore(first)
    with pytest.raises(StoreFileError, match="Another Service Coach process"):
        TinyStore(second)
    store.put("tip_schedules", "C1", {"at": "09:00"})
    store.close()
    again = TinyStore(second)
    assert again.get("tip_schedules", "C1") == {"at": "09:00"}
    again.close()


def test_an_old_single_file_with_hard_links_is_not_migrated(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    path.write_text('{"calls": {}}')
    os.link(path, tmp_path / "copy.json")
    with pytest.raises(StoreFileError, match="other hard links"):
        TinyStore(path)
    assert path.read_text() == '{"calls": {}}'


def test_temporary_files_of_earlier_processes_are_removed_on_start(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    store.add("calls", call(1))
    store.close()
    leftovers = [
        tmp_path / ".db.json.4242.tmp",  # the old single-file store's
        tmp_path / "db.json.d" / ".tip_schedules.json.4242.1.tmp",
        tmp_path / "db.json.d" / "calls" / ".2026-01.json.4242.1.tmp",
    ]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 1000)
    keep = tmp_path / "db.json.d" / "notes.txt"
    keep.write_text("mine")
    TinyStore(tmp_path / "db.json").close()
    assert not any(leftover.exists() for leftover in leftovers)
    assert keep.exists()
