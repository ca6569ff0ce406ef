from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.reports.period import Dates, LastDays, Month, Window, window_for
from bot.reports.query import Filter
from bot.reports.summary import summarize
from bot.schedule_text import Zone
from bot.store import TinyStore

NOW = datetime(2026, 11, 30, 14, tzinfo=UTC)


def test_windows_are_local_days_and_the_previous_one_has_the_same_length() -> None:
    window = window_for(LastDays(7), NOW, Zone("America/Chicago"))
    assert (window.first, window.last) == (date(2026, 11, 24), date(2026, 11, 30))
    assert window.since == datetime(2026, 11, 24, 6, tzinfo=UTC)  # midnight CST
    assert window.until == datetime(2026, 12, 1, 6, tzinfo=UTC)
    assert (window.previous.first, window.previous.last) == (date(2026, 11, 17), date(2026, 11, 23))
    month = window_for(Dates(date(2026, 2, 1), date(2026, 2, 28)), NOW, Zone("UTC"))
    assert month.days == 28 and month.previous.first == date(2026, 1, 4)
    calendar = window_for(
        Month(2026, 3), NOW, Zone("UTC")
    )  # a month's "before" is the month before
    assert (calendar.previous.first, calendar.previous.last) == (
        date(2026, 2, 1),
        date(2026, 2, 28),
    )
    assert calendar.previous_name() == "February 2026"
    assert (
        window_for(LastDays(1), NOW, Zone("UTC")).previous_name() == "yesterday (Sun 29 Nov 2026)"
    )


def test_a_window_across_a_clock_change_keeps_local_midnights() -> None:
    days = Dates(date(2026, 10, 31), date(2026, 11, 1))
    window = Window(days, days.first, days.last, Zone("America/Chicago"))
    assert window.since == datetime(2026, 10, 31, 5, tzinfo=UTC)  # CDT
    assert window.until == datetime(2026, 11, 2, 6, tzinfo=UTC)  # CST


def test_summary_counts_breakdowns_follow_ups_and_recent(tmp_path: Path) -> None:
    store = TinyStore(tmp_path / "db.json")
    log = CallLog(store)
    for n in range(14):
        log.add(
            CallRecord(
                "", "T", "U1", NOW - timedelta(hours=12 * n), ("billing", "shipping")[n % 2],
                1 + n % 5, "resolved", f"call {n}",
                follow_up_due=NOW + timedelta(hours=n - 3) if n < 6 else None,
            )
        )  # fmt: skip
    summary = summarize(log, Filter(period=LastDays(3)), NOW, Zone("UTC"))
    # 30 Nov 14:00 minus 12 h steps: 28 Nov 00:00 onwards is n = 0..5 (n = 6 is 27 Nov 14:00)
    assert summary.count == 6 and summary.previous == 6
    assert summary.by_category == [("billing", 3), ("shipping", 3)]
    assert summary.open_follow_ups == 6 and summary.overdue_follow_ups == 3
    assert [r.notes for r in summary.recent] == [f"call {n}" for n in range(6)]
    assert summary.average_heat == sum(1 + n % 5 for n in range(6)) / 6
    store.close()
