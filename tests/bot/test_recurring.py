from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from hypothesis import given
from hypothesis import strategies as st

from bot.recurring import EVERY_DAY, WEEKDAYS, Recurrence, days_label

CHICAGO = Recurrence(time(9, 0), "America/Chicago", WEEKDAYS)
FOUR_HOURS = timedelta(hours=4)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_due_from_local_time_until_the_cut_off() -> None:
    # Monday 30 Nov 2026: 09:00 in Chicago is 15:00 UTC.
    assert CHICAGO.open_day(utc(2026, 11, 30, 14, 59), FOUR_HOURS) is None
    assert CHICAGO.open_day(utc(2026, 11, 30, 15, 0), FOUR_HOURS) == date(2026, 11, 30)
    assert CHICAGO.open_day(utc(2026, 11, 30, 19, 0), FOUR_HOURS) == date(2026, 11, 30)
    assert CHICAGO.open_day(utc(2026, 11, 30, 19, 1), FOUR_HOURS) is None


def test_not_due_on_days_off_or_skipped_days() -> None:
    assert CHICAGO.open_day(utc(2026, 11, 28, 15, 0), FOUR_HOURS) is None  # Saturday
    holiday = Recurrence(time(9, 0), "America/Chicago", WEEKDAYS, frozenset({date(2026, 12, 25)}))
    assert holiday.open_day(utc(2026, 12, 25, 15, 0), FOUR_HOURS) is None
    assert holiday.next_after(utc(2026, 12, 24, 16, 0)) == utc(2026, 12, 28, 15, 0)


def test_catch_up_never_crosses_local_midnight() -> None:
    late = Recurrence(time(22, 0), "America/Chicago", EVERY_DAY)
    assert late.open_day(utc(2026, 12, 1, 5, 59), FOUR_HOURS) == date(2026, 11, 30)  # 23:59 local
    assert late.open_day(utc(2026, 12, 1, 6, 30), FOUR_HOURS) is None  # 00:30 the next day


def test_daylight_saving_keeps_the_local_time() -> None:
    # US clocks go forward on 8 Mar 2026 and back on 1 Nov 2026.
    assert CHICAGO.instant_on(date(2026, 3, 6)) == utc(2026, 3, 6, 15, 0)  # CST
    assert CHICAGO.instant_on(date(2026, 3, 9)) == utc(2026, 3, 9, 14, 0)  # CDT
    gap = Recurrence(time(2, 30), "America/Chicago", EVERY_DAY)
    assert gap.instant_on(date(2026, 3, 8)).astimezone(gap.tz).hour == 3  # 02:30 does not exist
    fold = Recurrence(time(1, 30), "America/Chicago", EVERY_DAY)
    assert fold.instant_on(date(2026, 11, 1)) == utc(2026, 11, 1, 6, 30)  # first 01:30 (CDT)


def test_days_label() -> None:
    assert days_label(WEEKDAYS) == "weekdays"
    assert days_label(EVERY_DAY) == "every day"
    assert days_label(frozenset({0, 2, 4})) == "Mon, Wed, Fri"


@given(
    st.datetimes(
        min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
    ),
    st.sampled_from(
        ["America/Chicago", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "UTC"]
    ),
    st.times(),
)
def test_the_next_post_is_on_a_run_day_at_the_local_time(
    now: datetime, zone: str, at: time
) -> None:
    rec = Recurrence(at.replace(microsecond=0, second=0), zone, WEEKDAYS)
    following = rec.next_after(now)
    assert following is not None
    assert following > now
    local = following.astimezone(rec.tz)
    assert local.weekday() in WEEKDAYS
    assert following - now <= timedelta(days=4)


def test_closed_covers_yesterday_after_midnight_even_before_its_cut_off() -> None:
    late = Recurrence(time(22, 0), "America/Chicago", EVERY_DAY)
    # 00:30 on 1 Dec: 30 Nov's 22:00 post was due until midnight, not until 02:00.
    assert late.closed(utc(2026, 12, 1, 6, 30), FOUR_HOURS) == [date(2026, 11, 30)]


def test_closed_days_are_yesterday_and_today_once_their_window_ended() -> None:
    # Tuesday 1 Dec 2026 (local): Monday's window closed at 13:00, Tuesday's not yet.
    assert CHICAGO.closed(utc(2026, 12, 1, 18, 0), FOUR_HOURS) == [date(2026, 11, 30)]
    assert CHICAGO.closed(utc(2026, 12, 1, 19, 1), FOUR_HOURS) == [
        date(2026, 11, 30),
        date(2026, 12, 1),
    ]
    # Monday 30 Nov before 13:00: Sunday has no post, Monday's is still due.
    assert CHICAGO.closed(utc(2026, 11, 30, 18, 0), FOUR_HOURS) == []
