from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.calllog.model import OUTCOMES
from bot.reports.period import Dates, LastDays, Month
from bot.reports.query import Filter, QueryError, parse_filter, tokenize
from bot.schedule_text import Zone

CATEGORIES = ("billing", "shipping", "product", "account", "technical", "other")


def parse(text: str) -> Filter:
    return parse_filter(text, CATEGORIES)


def test_the_default_is_the_last_7_days_of_everything() -> None:
    assert parse("") == Filter(period=LastDays(7))
    assert LastDays(7).dates(date(2026, 11, 30)) == (date(2026, 11, 24), date(2026, 11, 30))


def test_periods() -> None:
    assert parse("today").period == LastDays(1)
    assert parse("30D").period == LastDays(30)
    assert parse("2026-02").period == Month(2026, 2)
    assert Month(2026, 2).dates(date(2026, 11, 30)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert parse("2026-11 zone:Europe/London").zone == "Europe/London"
    assert parse("2026-11-01..2026-11-15").period == Dates(date(2026, 11, 1), date(2026, 11, 15))


def test_filters_as_slack_sends_them() -> None:
    found = parse('heat:&gt;=4 <@U123ABC|ana maria> outcome:"callback promised" "a &amp; b"')
    assert found.heat == (4, 5)
    assert found.agents == {"U123ABC"}
    assert found.outcomes == {"callback promised"}
    assert found.texts == ("a & b",)


@pytest.mark.parametrize(
    ("text", "heat"),
    [("heat:4", (4, 4)), ("heat:<=2", (1, 2)), ("heat:>3", (4, 5)), ("heat:<2", (1, 1)),
     ("heat:2..4", (2, 4)), ("heat:>=2 heat:<=3", (2, 3))],
)  # fmt: skip
def test_heat(text: str, heat: tuple[int, int]) -> None:
    assert parse(text).heat == heat


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("yesterday", "I don't know the filter `yesterday`"),
        ("7d 30d", "only one period at a time"),
        ("0d", "a period is 1 to 3660 days"),
        ("99999d", "`99999d`: a period is 1 to 3660 days"),
        ("1" * 1500 + "d", "a period is 1 to 3660 days"),
        ("category:", "`category:` needs a value, such as `category:billing`"),
        ("outcome:", "`outcome:` needs a value, such as `outcome:escalated`"),
        ("heat:", "`heat:` needs a value, such as `heat:&gt;=4`"),
        ("zone:", "`zone:` needs a value, such as `zone:Europe/London`"),
        ("2026-13", "is not a month"),
        ("2026-02-30..2026-03-01", "does not exist"),
        ("2026-03-01..2026-02-01", "ends before it starts"),
        ("1999-01", "the log covers 2000 to 2099"),
        ("category:food", "there is no category `food`"),
        ("outcome:cancelled", "there is no outcome `cancelled`"),
        ("heat:6", "is not a heat from 1 to 5"),
        ("heat:>5", "is not a heat from 1 to 5"),
        ("heat:>=4 heat:<=2", "leave no heat"),
        ("@ana", "is not a Slack mention"),
        ('"open', "a quote is not closed"),
        ('""', "empty quotes"),
        ("agent:ana", "I don't know the filter `agent:ana`"),
    ],
)
def test_problems_are_named(text: str, problem: str) -> None:
    with pytest.raises(QueryError) as raised:
        parse(text)
    assert problem in raised.value.message()
    assert "Example: `/calls 30d category:billing heat:&gt;=4`" in raised.value.message()


def test_outcome_prefixes_must_be_unambiguous() -> None:
    assert parse("outcome:esc").outcomes == {"escalated"}
    assert parse("outcome:callback_promised").outcomes == {"callback promised"}
    assert parse("outcome:un").outcomes == {"unresolved"}


def test_mentions_may_hold_spaces_and_quotes_may_be_curly() -> None:
    assert [t.value for t in tokenize('<@U1AB|a b> “x y” outcome:"a b"')] == [
        "<@U1AB|a b>",
        "x y",
        "outcome:a b",
    ]


def test_matches_a_stored_document() -> None:
    doc = {"category": "billing", "outcome": "escalated", "agent": "U1AB", "heat": 4,
           "notes": "Charged TWICE"}  # fmt: skip
    assert parse('category:billing heat:>=4 "twice"').matches_doc(doc)
    assert not parse("heat:<=3").matches_doc(doc)
    assert not parse('"refund"').matches_doc(doc)
    assert not parse("<@U9ZZ>").matches_doc(doc)


# --- properties -----------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**40))
def test_any_number_of_days_is_a_period_or_says_the_range(count: int) -> None:
    """`Nd` for any N: a period within 1–3660 days, else the range, never "unknown filter"."""
    if 1 <= count <= 3660:
        assert parse(f"{count}d").period == LastDays(count)
        return
    with pytest.raises(QueryError) as raised:
        parse(f"{count}d")
    assert raised.value.problems == [f"`{count}d`: a period is 1 to 3660 days"]


@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text: str) -> None:
    try:
        parse(text)
    except QueryError as error:
        problems, shown = error.problems, error.message()
        assert problems, "a refusal must say what was wrong"
        # Whatever is echoed back is escaped: no mention, link or broadcast can form.
        assert "<" not in shown and ">" not in shown


_words = st.text(
    alphabet=st.characters(blacklist_characters='"“”', blacklist_categories=("Cs",)),
    min_size=1,
    max_size=20,
).filter(str.strip)
_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


@st.composite
def periods(draw: st.DrawFn) -> LastDays | Month | Dates:
    kind = draw(st.sampled_from(["days", "month", "dates"]))
    if kind == "days":
        return LastDays(draw(st.integers(1, 3660)))
    if kind == "month":
        return Month(draw(st.integers(2000, 2099)), draw(st.integers(1, 12)))
    first = draw(_dates)
    last = draw(_dates.filter(lambda d: first <= d and (d - first).days < 3660))
    return Dates(first, last)


@st.composite
def heats(draw: st.DrawFn) -> tuple[int, int]:
    low = draw(st.integers(1, 5))
    return low, draw(st.integers(low, 5))


filters = st.builds(
    Filter,
    period=periods(),
    categories=st.frozensets(st.sampled_from(CATEGORIES), max_size=3),
    outcomes=st.frozensets(st.sampled_from(OUTCOMES), max_size=3),
    heat=heats(),
    agents=st.frozensets(st.from_regex(r"U[A-Z0-9]{2,10}", fullmatch=True), max_size=3),
    texts=st.lists(_words, max_size=3).map(tuple),
    zone=st.sampled_from(
        [None, *map(Zone, ["UTC", "Europe/London", "America/Chicago", "Asia/Kolkata"])]
    ),
)


@given(filters)
def test_valid_queries_parse_back_to_the_same_filter(flt: Filter) -> None:
    assert parse(flt.text()) == flt


@given(filters.filter(lambda f: not f.texts and "callback promised" not in f.outcomes), st.data())
def test_the_order_of_filters_does_not_matter(flt: Filter, data: st.DataObject) -> None:
    parts = flt.text().split(" ")
    assert parse(" ".join(data.draw(st.permutations(parts)))) == flt


def test_echoed_words_are_escaped_whether_slack_escaped_them_or_not() -> None:
    with pytest.raises(QueryError) as raised:
        parse("category:&lt;!channel&gt; <!here> <https://evil.example|x> `x`")
    shown = raised.value.message()
    assert "there is no category `&lt;!channel&gt;`" in shown
    assert "`&lt;!here&gt;`, `&lt;https://evil.example|x&gt;`, `'x'`" in shown
    assert "<!" not in shown and "<http" not in shown


def test_a_zone_is_read_in_any_case_and_a_wrong_one_is_named() -> None:
    assert parse("7d zone:europe/london").zone == "Europe/London"
    with pytest.raises(QueryError) as raised:
        parse("7d zone:Mars/Base")
    assert "`Mars/Base` is not a time zone" in raised.value.message()
