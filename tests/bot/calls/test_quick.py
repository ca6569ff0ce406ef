from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.calls.model import OUTCOMES
from bot.calls.quick import QuickLog, QuickLogError, parse_quick

CATEGORIES = ("billing", "shipping", "product", "account", "technical", "other", "late refund")


def test_the_documented_example() -> None:
    log = parse_quick("billing 4 escalated: customer charged twice, refund requested", CATEGORIES)
    assert log == QuickLog("billing", 4, "escalated", "customer charged twice, refund requested")
    assert log.complete
    assert log.as_input() is not None


@pytest.mark.parametrize(
    "line",
    ["4 Escalated BILLING: x", "escalated billing 4: x", "billing escalated 4 : x"],
)
def test_any_order_and_any_case(line: str) -> None:
    assert parse_quick(line, CATEGORIES) == QuickLog("billing", 4, "escalated", "x")


@pytest.mark.parametrize("word", ["callback", "Callback Promised", "promised", "PROMISED"])
def test_callback_spellings(word: str) -> None:
    log = parse_quick(f"shipping 2 {word}: will call back", CATEGORIES)
    assert log.outcome == "callback promised"
    assert not log.complete  # the form still needs the follow-up time


def test_multi_word_team_category() -> None:
    assert parse_quick("late refund 3 resolved: ok", CATEGORIES).category == "late refund"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("billing 4", QuickLog("billing", 4)),
        ("billing: charged twice", QuickLog("billing", notes="charged twice")),
        ("customer was rude to me", QuickLog(notes="customer was rude to me")),
        ("", QuickLog()),
    ],
)
def test_partial_lines_are_kept_for_the_form(line: str, expected: QuickLog) -> None:
    log = parse_quick(line, CATEGORIES)
    assert log == expected
    assert not log.complete
    assert log.as_input() is None


@pytest.mark.parametrize("heat", ["0", "6", "-1", "4.5", "10", "3,5"])
def test_a_bad_heat_is_refused_clearly(heat: str) -> None:
    with pytest.raises(QuickLogError, match=r"from 1 \(calm\) to 5 \(furious\)") as caught:
        parse_quick(f"billing {heat} escalated: notes", CATEGORIES)
    assert f"`{heat}`" in str(caught.value)
    assert "/logcall billing 4 escalated:" in str(caught.value)


def test_a_bad_heat_without_a_colon_is_refused_too() -> None:
    with pytest.raises(QuickLogError, match="heat"):
        parse_quick("billing 9", CATEGORIES)


def test_unknown_words_and_duplicates_are_named() -> None:
    with pytest.raises(QuickLogError, match="I don't know `biling`"):
        parse_quick("biling 4 escalated: x", CATEGORIES)
    with pytest.raises(QuickLogError, match="two heats"):
        parse_quick("billing 4 5: x", CATEGORIES)
    with pytest.raises(QuickLogError, match="I don't know `&lt;!channel&gt;`"):
        parse_quick("<!channel> 4: x", CATEGORIES)


def test_notes_over_the_limit_are_refused() -> None:
    with pytest.raises(QuickLogError, match="limit is 3,000"):
        parse_quick("billing 4 escalated: " + "x" * 3001, CATEGORIES)


@given(st.text(max_size=200))
def test_never_crashes(text: str) -> None:
    try:
        parse_quick(text, CATEGORIES)
    except QuickLogError as error:
        refusal = str(error)
    else:
        return
    assert "`" in refusal  # every refusal quotes what was wrong, or an example


notes = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80).map(str.strip)


@given(
    st.one_of(st.none(), st.sampled_from(CATEGORIES)),
    st.one_of(st.none(), st.integers(1, 5)),
    st.one_of(st.none(), st.sampled_from(OUTCOMES)),
    notes,
)
def test_round_trips_generated_lines(
    category: str | None, heat: int | None, outcome: str | None, text: str
) -> None:
    log = QuickLog(category, heat, outcome, text)
    assert parse_quick(log.line(), CATEGORIES) == log


@given(st.sampled_from(CATEGORIES), st.integers().filter(lambda n: not 1 <= n <= 5))
def test_every_out_of_range_heat_is_refused(category: str, heat: int) -> None:
    with pytest.raises(QuickLogError, match="heat"):
        parse_quick(f"{category} {heat} resolved: fine", CATEGORIES)
