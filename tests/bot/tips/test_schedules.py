from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from bot.recurring import WEEKDAYS, Recurrence
from bot.store import TinyStore
from bot.tips.schedules import ChannelSchedule, Schedules, from_doc, to_doc

REC = Recurrence(time(9), "America/Chicago", WEEKDAYS, frozenset({date(2026, 12, 25)}))
SINCE = datetime(2026, 11, 29, 12, tzinfo=UTC)
HOURS = timedelta(hours=4)


def test_a_schedule_round_trips_through_its_document() -> None:
    schedule = ChannelSchedule("C1", REC, "U1", SINCE, paused=None)
    assert from_doc(to_doc(schedule)) == schedule


def test_not_owed_before_it_was_turned_on_nor_while_paused() -> None:
    late = ChannelSchedule("C1", REC, "U1", datetime(2026, 11, 30, 16, tzinfo=UTC))
    assert late.open_day(datetime(2026, 11, 30, 16, 5, tzinfo=UTC), HOURS) is None
    assert late.open_day(datetime(2026, 12, 1, 15, tzinfo=UTC), HOURS) == date(2026, 12, 1)
    paused = ChannelSchedule("C1", REC, "U1", SINCE, paused="archived")
    assert paused.open_day(datetime(2026, 12, 1, 15, tzinfo=UTC), HOURS) is None


def test_stored_schedules_pause_skip_and_go(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "s.json")
    schedules = Schedules(store)
    schedules.save(ChannelSchedule("C1", REC, "U1", SINCE))
    schedules.save(ChannelSchedule("C2", REC, "U1", SINCE))
    schedules.pause("C2", "the channel was archived")
    assert [s.channel for s in schedules.active()] == ["C1"]
    changed = schedules.set_skip("C1", frozenset())
    assert changed is not None and changed.recurrence.skip == frozenset()
    assert schedules.set_skip("C9", frozenset()) is None
    assert schedules.remove("C1") and schedules.get("C1") is None
    store.close()


def test_owed_only_from_when_it_was_turned_on() -> None:
    turned_on_tuesday_noon = datetime(2026, 12, 1, 18, tzinfo=UTC)  # 12:00 in Chicago
    schedule = ChannelSchedule("C1", REC, "U1", turned_on_tuesday_noon)
    evening = datetime(2026, 12, 1, 23, tzinfo=UTC)
    assert not schedule.owed(date(2026, 12, 1), evening)  # its 09:00 was before
    assert schedule.owed(date(2026, 12, 2), evening)
    # A console clock moved back before `since`: owed as usual.
    assert schedule.owed(date(2026, 11, 30), datetime(2026, 11, 30, 16, tzinfo=UTC))
