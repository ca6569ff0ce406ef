"""The shared grammar of times, days, dates and zones (`/tips`, `/calls digest`): examples, and
properties over any text and any value written any of the ways people write it."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.schedule_text import (
    DAY_NAMES,
    EVERY_DAY,
    FULL_DAY_NAMES,
    WEEKDAYS,
    WEEKENDS,
    TextError,
    Zone,
    date_text,
    days_text,
    parse_time,
    take_date,
    take_days,
    take_time,
    time_text,
    weekday_named,
    zone_named,
)

MONDAY = date(2026, 11, 30)
ZONES = st.sampled_from(["America/Chicago", "Europe/London", "Asia/Kolkata", "UTC", "Etc/GMT+5"])
MINUTES = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9)),
        ("9:05", time(9, 5)),
        ("21:15", time(21, 15)),
        ("9am", time(9)),
        ("9 am", time(9)),
        ("9:30 am", time(9, 30)),
        ("9:30PM", time(21, 30)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("12:45 a.m.", time(0, 45)),
        ("noon", time(12)),
        ("midnight", time(0)),
    ],
)
def test_reads_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9:60", "13pm", "0am", "9", "nine", "9:30 xm"])
def test_refuses_what_is_not_a_time_saying_so(text: str) -> None:
    with pytest.raises(TextError) as raised:
        parse_time(text)
    assert f"`{text.split()[0]}" in str(raised.value)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("weekdays", WEEKDAYS),
        ("Daily", EVERY_DAY),
        ("every day", EVERY_DAY),
        ("weekends", WEEKENDS),
        ("mon,wed,fri", frozenset({0, 2, 4})),
        ("mon, wed , Friday", frozenset({0, 2, 4})),
        ("tues,thurs", frozenset({1, 3})),
        ("mondays", frozenset({0})),
        ("mon-fri", WEEKDAYS),
        ("fri-mon", frozenset({4, 5, 6, 0})),
    ],
)
def test_reads_days(words: str, expected: frozenset[int]) -> None:
    split = words.split()
    assert take_days(split, 0) == (expected, len(split))


@pytest.mark.parametrize("word", ["mo", "someday", "mon,xyz", ",", "America/Chicago"])
def test_words_that_are_not_days_are_left_alone(word: str) -> None:
    assert take_days([word], 0) is None


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("2026-12-25", date(2026, 12, 25)),
        ("today", MONDAY),
        ("Tomorrow", MONDAY + timedelta(days=1)),
        ("monday", MONDAY),  # the coming Monday: today, on a Monday
        ("next monday", MONDAY + timedelta(days=7)),
        ("friday", date(2026, 12, 4)),
        ("next fri", date(2026, 12, 4)),
        ("this wednesday", date(2026, 12, 2)),
    ],
)
def test_reads_dates(words: str, expected: date) -> None:
    split = words.split()
    assert take_date(split, 0, MONDAY) == (expected, len(split))


def test_a_date_not_on_the_calendar_is_named() -> None:
    with pytest.raises(TextError, match="`2026-02-30` is not a date on the calendar"):
        take_date(["2026-02-30"], 0, MONDAY)


def test_zones_any_case_one_type() -> None:
    zone = zone_named("america/new_york")
    assert zone == "America/New_York" and isinstance(zone, Zone)
    assert zone.info.key == "America/New_York"
    assert zone_named("weekdays") is None and zone_named("Nowhere/Town") is None
    with pytest.raises(TextError, match="`Mars/Base` is not a time zone"):
        Zone("Mars/Base")


# --- properties ------------------------------------------------------------------------------


def _twelve_hour(at: time, spaced: bool, upper: bool, dotted: bool) -> str:
    hour = at.hour % 12 or 12
    meridiem = "pm" if at.hour >= 12 else "am"
    meridiem = "p.m." if dotted and meridiem == "pm" else ("a.m." if dotted else meridiem)
    meridiem = meridiem.upper() if upper else meridiem
    clock = f"{hour}" if at.minute == 0 and not spaced else f"{hour}:{at.minute:02d}"
    return f"{clock}{' ' if spaced else ''}{meridiem}"


@given(MINUTES, st.booleans(), st.booleans(), st.booleans())
def test_any_time_written_12_hour_reads_back(
    at: time, spaced: bool, upper: bool, dotted: bool
) -> None:
    assert parse_time(_twelve_hour(at, spaced, upper, dotted)) == at


@given(MINUTES, st.booleans())
def test_any_time_written_24_hour_reads_back(at: time, padded: bool) -> None:
    text = time_text(at) if padded else f"{at.hour}:{at.minute:02d}"
    assert parse_time(text) == at


@given(st.text(max_size=30))
def test_any_text_is_a_time_or_a_clear_error(text: str) -> None:
    try:
        parse_time(text)
    except TextError as error:
        assert "is not a time" in str(error)  # noqa: PT017


@given(
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789:,-./ ", max_size=12), max_size=4
    ),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
)
def test_readers_take_only_what_they_read_or_say_why(words: list[str], today: date) -> None:
    words = [word for word in words if word.strip() and " " not in word]
    for reader in (
        lambda: take_time(words, 0),
        lambda: take_days(words, 0),
        lambda: take_date(words, 0, today),
    ):
        try:
            found = reader() if words else None
        except TextError as error:
            assert str(error).startswith("`")  # noqa: PT017 - names the words it refused
            continue
        assert found is None or 1 <= found[1] <= len(words)


@given(st.sets(st.integers(0, 6), min_size=1), st.booleans(), st.booleans(), st.booleans())
def test_any_set_of_days_written_as_a_list_reads_back(
    days: set[int], full: bool, spaced: bool, upper: bool
) -> None:
    names = [(FULL_DAY_NAMES if full else DAY_NAMES)[day] for day in sorted(days)]
    text = (", " if spaced else ",").join(names)
    text = text.upper() if upper else text
    split = text.split()
    assert take_days(split, 0) == (frozenset(days), len(split))
    assert take_days([days_text(frozenset(days))], 0) == (frozenset(days), 1)


@given(st.integers(0, 6), st.integers(3, 9))
def test_day_names_and_their_prefixes_read(day: int, length: int) -> None:
    full = FULL_DAY_NAMES[day]
    assert weekday_named(full[:length].capitalize()) == day
    assert weekday_named(full + "s") == day


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)), st.integers(0, 6))
def test_relative_dates_land_on_their_day_within_a_week(today: date, day: int) -> None:
    name = FULL_DAY_NAMES[day]
    coming = take_date([name], 0, today)
    after = take_date(["next", name], 0, today)
    assert coming is not None and after is not None
    assert coming[0].weekday() == after[0].weekday() == day
    assert 0 <= (coming[0] - today).days <= 6
    assert 1 <= (after[0] - today).days <= 7
    assert take_date(["tomorrow"], 0, today) == (today + timedelta(days=1), 1)


@given(st.dates())
def test_any_iso_date_reads_back(day: date) -> None:
    assert take_date([day.isoformat()], 0, MONDAY) == (day, 1)
    assert str(day.year) in date_text(day)


@given(ZONES, st.sampled_from([str.lower, str.upper, str.title, str]))
def test_any_zone_in_any_case_is_the_one_zone(name: str, case: object) -> None:
    assert callable(case)
    zone = zone_named(case(name))
    assert zone == name and isinstance(zone, Zone) and zone.info.key == name
