from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.store import TinyStore


def call(day: int, **changes: object) -> CallRecord:
    base = CallRecord(
        id="",
        team="T1",
        agent="U1",
        created_at=datetime(2026, 11, day, 10, tzinfo=UTC),
        category="billing",
        heat=4,
        outcome="escalated",
        notes="charged twice",
    )
    return CallRecord(**{**base.__dict__, **changes})  # type: ignore[arg-type]


def test_add_get_find_and_purge(tmp_path: Path) -> None:
    log = CallLog(TinyStore(tmp_path / "db.json"))
    first = log.add(call(1))
    log.add(call(10, category="shipping", follow_up_due=datetime(2026, 11, 11, tzinfo=UTC)))
    log.add(call(20))
    assert first.id == "1"
    assert log.get("1") == first
    found = log.find(
        since=datetime(2026, 11, 5, tzinfo=UTC), until=datetime(2026, 11, 21, tzinfo=UTC)
    )
    assert [r.created_at.day for r in found] == [10, 20]
    shipping = log.find(where=lambda r: r.category == "shipping")
    assert shipping[0].follow_up_open()
    assert shipping[0].follow_up_overdue(datetime(2026, 11, 12, tzinfo=UTC))
    assert log.purge_before(datetime(2026, 11, 15, tzinfo=UTC)) == 2
    assert log.count() == 1
    assert log.get("1") is None


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    log = CallLog(TinyStore(tmp_path / "db.json"))
    record = call(
        3,
        reference="ORD-1",
        steps=("general:1",),
        masked=True,
        masked_kinds=("email",),
        follow_up_due=datetime(2026, 11, 4, 9, tzinfo=UTC),
        updated_at=datetime(2026, 11, 3, 11, tzinfo=UTC) + timedelta(minutes=5),
    )
    stored = log.add(record)
    assert log.get(stored.id) == stored
