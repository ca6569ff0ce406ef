"""An old single-file store is migrated to the folder layout on start, atomically, with the old
file kept as a backup; a process killed anywhere in the migration loses nothing."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import orjson

from bot.store import TinyStore
from bot.store.folder import BACKUP_SUFFIX, MANIFEST_KEY


def legacy_data(calls: int) -> dict[str, Any]:
    """What the single-file store wrote: TinyDB tables whose documents carry their key."""
    return {
        "calls": {
            str(n): {
                "agent": f"U{n % 7}",
                "created_at": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00+00:00",
                "notes": "Customer asked for a refund of a double charge. " * 4,
                "_key": str(n),
            }
            for n in range(1, calls + 1)
        },
        "tip_schedules": {"1": {"at": "09:00", "_key": "C1"}, "3": {"at": "10:00", "_key": "C2"}},
        "report_audit": {"1": {"at": "not a time", "_key": "1"}},
        "_default": {},
    }


def expected(data: dict[str, Any]) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        name: {
            str(doc["_key"]): {k: v for k, v in doc.items() if k != "_key"}
            for doc in table.values()
        }
        for name, table in data.items()
    }


def contents(store: TinyStore, names: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    return {name: dict(store.scan(name)) for name in names}


def test_a_single_file_store_is_migrated_and_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    data = legacy_data(500)
    path.write_bytes(orjson.dumps(data))
    original = path.read_bytes()
    store = TinyStore(path)
    assert contents(store, list(data)) == expected(data)
    assert store.add("calls", {"created_at": "2026-01-01T00:00:00+00:00"}) == "501"
    assert store.add("tip_schedules", {}) == "4"  # numbering carries on past every doc id
    store.close()
    assert (tmp_path / ("db.json" + BACKUP_SUFFIX)).read_bytes() == original
    assert MANIFEST_KEY in orjson.loads(path.read_bytes())
    assert len(list((tmp_path / "db.json.d" / "calls").glob("*.json"))) == 13  # 12 + Jan 2026
    assert (tmp_path / "db.json.d" / "report_audit" / "undated.json").exists()
    again = TinyStore(path)
    assert again.get("calls", "501") == {"created_at": "2026-01-01T00:00:00+00:00"}
    assert again.get("tip_schedules", "C2") == {"at": "10:00"}
    again.close()


def _open(path: str, starting: Any) -> None:
    starting.set()
    TinyStore(Path(path)).close()
    time.sleep(60)  # killed before this ends


def test_a_kill_anywhere_in_the_migration_loses_nothing(tmp_path: Path) -> None:
    data = legacy_data(30_000)
    original = orjson.dumps(data)
    timing = tmp_path / "timing" / "db.json"
    timing.parent.mkdir()
    timing.write_bytes(original)
    started = time.monotonic()
    TinyStore(timing).close()
    took = time.monotonic() - started
    shutil.rmtree(timing.parent)

    context = multiprocessing.get_context("spawn")
    interrupted = 0
    for fraction in (0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95, 1.5):
        folder = tmp_path / f"kill-{fraction}"
        folder.mkdir()
        path = folder / "db.json"
        path.write_bytes(original)
        starting = context.Event()
        opener = context.Process(target=_open, args=(str(path), starting))
        opener.start()
        assert starting.wait(30)
        time.sleep(took * fraction)
        os.kill(opener.pid or 0, signal.SIGKILL)
        opener.join()
        on_disk = path.read_bytes()
        if on_disk == original:
            interrupted += any(folder.glob("db.json.*"))  # it had started: staging or backup
        else:
            assert MANIFEST_KEY in orjson.loads(on_disk)  # committed: the new layout
        store = TinyStore(path)
        assert contents(store, list(data)) == expected(data)
        store.close()
        assert (folder / ("db.json" + BACKUP_SUFFIX)).read_bytes() == original
        assert not (folder / "db.json.d.new").exists()
        assert not list(folder.rglob("*.tmp"))
    assert interrupted, "no kill landed inside the migration: the test proved nothing"
