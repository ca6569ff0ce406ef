"""`python -m bot demo-data`: realistic, deterministic demo data in either store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.calllog.log import COLLECTION as CALLS
from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.demo_data import demo_calls, fill
from bot.reports.access import AUDIT
from bot.store import Store, open_store
from bot.tips.schedules import SCHEDULES, Schedules
from tests.process import run_bot

NOW = datetime(2026, 5, 20, 15, 0, tzinfo=UTC)
CATEGORIES = ["billing", "shipping", "other"]


def test_calls_are_stored_documents_as_the_call_log_writes_them() -> None:
    for doc in demo_calls(300, 30, NOW, CATEGORIES):
        assert CallRecord.from_doc("1", doc).to_doc() == doc


def test_the_same_seed_gives_the_same_calls_and_another_seed_others() -> None:
    assert demo_calls(50, 10, NOW, CATEGORIES) == demo_calls(50, 10, NOW, CATEGORIES)
    assert demo_calls(50, 10, NOW, CATEGORIES) != demo_calls(50, 10, NOW, CATEGORIES, seed=2)


def test_calls_are_realistic_and_spread_over_the_days() -> None:
    docs = demo_calls(2000, 20, NOW, CATEGORIES)
    created = [datetime.fromisoformat(doc["created_at"]) for doc in docs]
    assert min(created) >= datetime(2026, 4, 30, tzinfo=UTC) and max(created) < NOW
    assert len({when.date() for when in created}) >= 20
    assert {doc["category"] for doc in docs} == set(CATEGORIES)
    assert {doc["heat"] for doc in docs} == {1, 2, 3, 4, 5}
    promised = [doc for doc in docs if doc["follow_up_due"]]
    assert promised and all(doc["outcome"] == "callback promised" for doc in promised)
    assert any(doc["follow_up_done_at"] is None for doc in promised)
    assert any(doc["follow_up_done_at"] for doc in promised)


def _filled(store: Store) -> None:
    counts = fill(store, calls=250, days=10, channels=3, now=NOW, categories=CATEGORIES)
    assert (counts.calls, counts.schedules, counts.audit) == (250, 3, 20)
    assert store.count(CALLS) == 250
    assert len(Schedules(store).active()) == 3
    assert store.count(AUDIT) == 20
    newest = CallLog(store).find(since=datetime(2026, 5, 19, tzinfo=UTC), until=NOW)
    assert newest and all(record.team == "T0DEMO" for record in newest)


def test_fill_on_the_embedded_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.json")
    try:
        _filled(store)
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["tinydb", "postgres"])
def test_cli_fills_the_configured_store_and_refuses_a_second_time(
    tmp_path: Path, kind: str, request: pytest.FixtureRequest
) -> None:
    env = {"BOT_DB_PATH": str(tmp_path / "db.json")}
    if kind == "postgres":
        env["BOT_DATABASE_URL"] = request.getfixturevalue("migrated_database")
    args = ("demo-data", "--calls", "300", "--days", "5", "--channels", "4")
    result = run_bot(*args, cwd=tmp_path, **env)
    assert result.returncode == 0, result.stderr
    assert "Added 300 call(s) over 5 day(s), 4 tip schedule(s) and 10 audit entries" in (
        result.stdout
    )
    again = run_bot(*args, cwd=tmp_path, **env)
    assert again.returncode == 1
    assert "already holds 300 call(s)" in again.stderr
    appended = run_bot(*args, "--append", cwd=tmp_path, **env)
    assert appended.returncode == 0, appended.stderr
    store = open_store(tmp_path / "db.json", env.get("BOT_DATABASE_URL"))
    try:
        assert store.count(CALLS) == 600
        assert store.count(SCHEDULES) == 4
    finally:
        store.close()


def test_cli_refuses_a_count_that_is_not_a_number(tmp_path: Path) -> None:
    result = run_bot("demo-data", "--calls", "lots", cwd=tmp_path)
    assert result.returncode == 2
    assert "'lots' is not a whole number like 1000" in result.stderr
