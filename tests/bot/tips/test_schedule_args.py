from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.recurring import DAY_NAMES, EVERY_DAY, WEEKDAYS, Recurrence
from bot.schedule_text import WEEKENDS, Zone
from bot.tips.schedule_args import (
    ArgsError,
    Holidays,
    PostNow,
    ShowStatus,
    Skip,
    TurnOff,
    TurnOn,
    Unskip,
    on_command,
)
from bot.tips.schedule_args import parse as parse_with_today

DEFAULT = Zone("America/Chicago")
TODAY = date(2026, 11, 30)  # a Monday


def parse(text: str, default: Zone) -> object:
    return parse_with_today(text, default, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on 09:00 America/Chicago weekdays", TurnOn(time(9), "America/Chicago", WEEKDAYS)),
        ("on 9:05", TurnOn(time(9, 5), DEFAULT, WEEKDAYS)),
        ("ON 23:59 daily europe/london", TurnOn(time(23, 59), "Europe/London", EVERY_DAY)),
        ("on 07:30 mon,wed,fri UTC", TurnOn(time(7, 30), "UTC", frozenset({0, 2, 4}))),
        ("on 07:30 mon, wed, Friday", TurnOn(time(7, 30), DEFAULT, frozenset({0, 2, 4}))),
        ("on 00:00 weekends", TurnOn(time(0), DEFAULT, WEEKENDS)),
        ("on 9am", TurnOn(time(9), DEFAULT, WEEKDAYS)),
        ("on 9:30 pm Europe/London", TurnOn(time(21, 30), "Europe/London", WEEKDAYS)),
        ("on daily 7 am", TurnOn(time(7), DEFAULT, EVERY_DAY)),
        ("off", TurnOff()),
        ("now", PostNow()),
        ("skip tomorrow", Skip((date(2026, 12, 1),))),
        ("skip next monday friday", Skip((date(2026, 12, 7), date(2026, 12, 4)))),
        ("skip 2026-12-24, 2026-12-25", Skip((date(2026, 12, 24), date(2026, 12, 25)))),
        ("unskip tomorrow", Unskip(date(2026, 12, 1))),
        ("holidays us-ca", Holidays("US-CA")),
        ("holidays off", Holidays(None)),
        ("status", ShowStatus()),
        ("", ShowStatus()),
        ("skip 2026-12-25", Skip((date(2026, 12, 25),))),
        ("skip 2026-12-24 2026-12-25", Skip((date(2026, 12, 24), date(2026, 12, 25)))),
        ("unskip", Unskip(None)),
        ("unskip 2026-12-25", Unskip(date(2026, 12, 25))),
    ],
)
def test_reads_the_grammar(text: str, expected: object) -> None:
    assert parse(text, DEFAULT) == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("on 24:00", "`24:00`"),
        ("on 9", "`9`"),
        ("on 09:00 Nowhere/Town", "`Nowhere/Town`"),
        ("on 09:00 weekdays daily", "`daily`"),
        ("on 09:00 UTC Europe/London", "not both `UTC` and `Europe/London`"),
        ("skip someday", "`someday`"),
        ("on 13pm", "`13pm`"),
        ("on weekdays", "At what time?"),
        ("on 9am 10am", "one time"),
        ("holidays", "`/tips holidays GB`"),
        ("skip 2026-02-30", "`2026-02-30`"),
        ("unskip 2026-12-25 2026-12-26", "takes one date"),
        ("status please", "`please`"),
        ("later", "`later`"),
    ],
)
def test_errors_name_the_bad_part_and_give_an_example(text: str, named: str) -> None:
    with pytest.raises(ArgsError) as raised:
        parse(text, DEFAULT)
    assert named in str(raised.value)
    assert "/tips" in str(raised.value)


@given(st.text(max_size=60))
def test_any_text_is_a_command_or_a_clear_error(text: str) -> None:
    try:
        parse(text, DEFAULT)
    except ArgsError as error:
        message = str(error)
    else:
        return
    assert "`" in message and "/tips" in message


@given(
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.sampled_from(["America/Chicago", "Europe/London", "Asia/Kolkata", "UTC"]).map(Zone),
    st.sets(st.integers(0, 6), min_size=1),
    st.booleans(),
)
def test_a_written_schedule_reads_back(
    at: time, zone: Zone, days: set[int], zone_first: bool
) -> None:
    day_list = ",".join(DAY_NAMES[d] for d in sorted(days))
    parts = [zone, day_list] if zone_first else [day_list, zone]
    parsed = parse(f"on {at:%H:%M} {' '.join(parts)}", DEFAULT)
    assert parsed == TurnOn(at, zone, frozenset(days))


@given(st.dates())
def test_any_date_skips_and_unskips(day: date) -> None:
    assert parse(f"skip {day.isoformat()}", DEFAULT) == Skip((day,))
    assert parse(f"unskip {day.isoformat()}", DEFAULT) == Unskip(day)


@given(
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.sampled_from(["America/Chicago", "Europe/London", "Asia/Kolkata", "UTC"]).map(Zone),
    st.sets(st.integers(0, 6), min_size=1),
)
def test_the_command_to_restore_a_schedule_sets_it_again(
    at: time, zone: Zone, days: set[int]
) -> None:
    command = on_command(Recurrence(at, zone, frozenset(days)))
    assert parse(command.removeprefix("/tips "), DEFAULT) == TurnOn(at, zone, frozenset(days))


def test_the_command_to_restore_a_schedule_uses_the_day_words() -> None:
    assert on_command(Recurrence(time(9), Zone("UTC"), WEEKDAYS)) == "/tips on 09:00 UTC weekdays"
    assert on_command(Recurrence(time(9), Zone("UTC"), EVERY_DAY)) == "/tips on 09:00 UTC daily"
    assert (
        on_command(Recurrence(time(9), Zone("UTC"), frozenset({4, 0})))
        == "/tips on 09:00 UTC mon,fri"
    )
