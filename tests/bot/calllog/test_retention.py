from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.calllog.reminders import Reminders
from bot.calllog.retention import purge_before, purge_daily
from bot.schedule_text import Zone
from bot.store import TinyStore
from tests.bot.test_cli import run_bot


def seed(path: Path) -> None:
    store = TinyStore(path)
    log = CallLog(store)
    for month in (1, 6, 12):
        record = log.add(
            CallRecord(
                id="",
                team="T1",
                agent="U1",
                created_at=datetime(2026, month, 15, 12, tzinfo=UTC),
                category="billing",
                heat=3,
                outcome="callback promised",
                notes=f"month {month}",
                follow_up_due=datetime(2026, month, 16, tzinfo=UTC),
            )
        )
        Reminders(store).schedule(record.id, "U1", datetime(2026, month, 16, tzinfo=UTC))
    store.close()


def test_purge_before_drops_the_calls_and_their_reminders(tmp_path: Path) -> None:
    seed(tmp_path / "db.json")
    store = TinyStore(tmp_path / "db.json")
    assert purge_before(store, datetime(2026, 7, 1, tzinfo=UTC)) == 2
    assert [r.notes for r in CallLog(store).find()] == ["month 12"]
    assert Reminders(store).get("1") is None and Reminders(store).get("3") is not None
    store.close()


def test_the_daily_purge_runs_once_per_local_day(tmp_path: Path) -> None:
    seed(tmp_path / "db.json")
    store = TinyStore(tmp_path / "db.json")
    zone = Zone("America/Chicago")
    now = datetime(2027, 1, 1, 12, tzinfo=UTC)
    assert purge_daily(store, now, 300, zone) == 1
    assert purge_daily(store, now.replace(hour=23), 300, zone) is None
    assert purge_daily(store, datetime(2027, 1, 2, 12, tzinfo=UTC), 300, zone) == 0
    store.close()


def test_cli_purge_before_a_date_prints_how_many(tmp_path: Path) -> None:
    seed(tmp_path / "db.json")
    result = run_bot(
        "calls",
        "purge",
        "--before",
        "2026-07-01",
        cwd=tmp_path,
        BOT_DB_PATH=str(tmp_path / "db.json"),
    )
    assert result.returncode == 0, result.stderr
    assert "Purged 2 call(s) logged before 2026-07-01 (UTC)." in result.stdout
    store = TinyStore(tmp_path / "db.json")
    assert CallLog(store).count() == 1
    store.close()


def test_cli_purge_refuses_a_bad_date_with_an_example(tmp_path: Path) -> None:
    result = run_bot("calls", "purge", "--before", "31/12/2026", cwd=tmp_path)
    assert result.returncode == 2
    assert "is not a date like 2026-01-31 (YYYY-MM-DD)" in result.stderr
