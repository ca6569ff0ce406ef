from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.recurring import DAY_NAMES
from bot.reports.digest import (
    DigestError,
    DigestOff,
    DigestOn,
    DigestSchedule,
    DigestStatus,
    parse_digest,
)
from bot.schedule_text import Zone


def test_on_with_everything_and_with_defaults() -> None:
    assert parse_digest("on <#C0LEADS|leads> mon 09:00 Europe/London", "UTC", "U1") == DigestOn(
        DigestSchedule("C0LEADS", 0, time(9, 0), "Europe/London", "U1")
    )
    assert parse_digest("on <#C0LEADS> Friday 16:30", "America/Chicago") == DigestOn(
        DigestSchedule("C0LEADS", 4, time(16, 30), "America/Chicago")
    )
    assert parse_digest("on <#C0LEADS>", "UTC") == DigestOn(
        DigestSchedule("C0LEADS", 0, time(9, 0), "UTC")
    )


def test_the_shared_grammar_reads_12_hour_times_and_zones_in_any_case() -> None:
    """The same words as `/tips on`: 9am, 4:30 pm, tues, europe/london."""
    assert parse_digest("on <#C0LEADS> tues 4:30 pm europe/london", "UTC") == DigestOn(
        DigestSchedule("C0LEADS", 1, time(16, 30), "Europe/London")
    )
    assert parse_digest("on 9am <#C0LEADS> Thursday america/chicago", "UTC") == DigestOn(
        DigestSchedule("C0LEADS", 3, time(9, 0), "America/Chicago")
    )


def test_off_and_status() -> None:
    assert parse_digest("off", "UTC") == DigestOff(None)
    assert parse_digest("OFF <#C0LEADS|x>", "UTC") == DigestOff("C0LEADS")
    assert parse_digest("", "UTC") == parse_digest("status", "UTC") == DigestStatus()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("on", "Which channel?"),
        ("on #leads", "pick it from Slack's list"),
        ("on <#C0LEADS> Mars/Base", "is not a time zone"),
        ("on <#C0LEADS> 25:00", "`25:00` is not a time"),
        ("on <#C0LEADS> 13pm", "`13pm` is not a time"),
        ("on <#C0LEADS> 9am 10am", "Give one time"),
        ("on <#C0LEADS> soonish", "I don't know `soonish`"),
        ("on <#C0LEADS> mon tue", "The digest is weekly: give one day"),
        ("sometimes", "is not `on`, `off` or `status`"),
    ],
)
def test_problems_are_named(text: str, problem: str) -> None:
    with pytest.raises(DigestError) as raised:
        parse_digest(text, "UTC")
    assert (
        problem in raised.value.message() and "/calls digest on #channel" in raised.value.message()
    )


@given(st.text(max_size=120))
def test_never_crashes_on_any_text(text: str) -> None:
    try:
        parse_digest(text, "UTC")
    except DigestError as error:
        assert str(error)  # noqa: PT017 - every refusal says why
        assert not str(error)[0].islower()  # noqa: PT017 - it opens the reply: a sentence
        assert "<" not in error.message()  # noqa: PT017 - echoed words are escaped


@given(
    st.from_regex(r"C[A-Z0-9]{2,10}", fullmatch=True),
    st.integers(0, 6),
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.sampled_from(["UTC", "Europe/London", "America/Chicago", "Asia/Kolkata"]).map(Zone),
    st.permutations(range(4)),
)
def test_settings_in_any_order_read_back(
    channel: str, day: int, at: time, zone: Zone, order: list[int]
) -> None:
    words = [f"<#{channel}|name>", DAY_NAMES[day], f"{at:%H:%M}", zone]
    text = "on " + " ".join(words[n] for n in order)
    assert parse_digest(text, Zone("UTC")) == DigestOn(DigestSchedule(channel, day, at, zone))


_WORDS = ["on", "off", "status", "#leads", "<#C0LEADS>", "<#C0X|x>", "mon", "Tue", "9am"]
_WORDS += ["10:30", "25:00", "Europe/London", "Mars/Base", "soonish", "4:30", "pm", ""]


@given(st.lists(st.sampled_from(_WORDS), max_size=6))
def test_every_refusal_of_digest_words_is_a_sentence_with_the_usage(words: list[str]) -> None:
    """Mixes of real digest words, valid or not: parsed, or refused in a sentence that starts
    with a capital (it opens the reply) and is followed by the usage."""
    try:
        parse_digest(" ".join(words), "UTC")
    except DigestError as error:
        assert not str(error)[0].islower()  # noqa: PT017
        assert "/calls digest on #channel" in error.message()  # noqa: PT017
