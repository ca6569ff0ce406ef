from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.calllog.model import CONTACTS, HEAT_LABELS, OUTCOMES
from bot.calllog.quick import CONTACT_WORDS, QuickLog, QuickLogError, parse_quick

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


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("billing furious escalated: x", QuickLog("billing", 5, "escalated", "x")),
        ("email billing 2 resolved: x", QuickLog("billing", 2, "resolved", "x", "email")),
        ("Chat, calm, resolved, other: x", QuickLog("other", 1, "resolved", "x", "chat")),
        (
            "in person tense billing resolved: x",
            QuickLog("billing", 2, "resolved", "x", "in person"),
        ),
        (
            "social media heated unresolved product: x",
            QuickLog("product", 3, "unresolved", "x", "social"),
        ),
        ("e-mail angry account escalated: x", QuickLog("account", 4, "escalated", "x", "email")),
    ],
)
def test_the_channel_of_contact_and_the_forms_heat_words(line: str, expected: QuickLog) -> None:
    log = parse_quick(line, CATEGORIES)
    assert log == expected
    given = log.as_input()
    assert given is not None and given.contact == (expected.contact or "phone")


def test_two_channels_or_a_word_and_a_number_that_disagree_are_named() -> None:
    with pytest.raises(QuickLogError, match="two channels of contact"):
        parse_quick("billing 4 escalated email chat: x", CATEGORIES)
    with pytest.raises(QuickLogError, match="two heats"):
        parse_quick("billing 4 furious escalated: x", CATEGORIES)


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
    with pytest.raises(QuickLogError, match=r"two categories \(billing and shipping\)"):
        parse_quick("billing shipping 4: x", CATEGORIES)
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
    assert "<" not in refusal and ">" not in refusal  # what the agent typed comes back escaped


notes = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=80).map(str.strip)


@given(
    st.one_of(st.none(), st.sampled_from(CATEGORIES)),
    st.one_of(st.none(), st.integers(1, 5)),
    st.one_of(st.none(), st.sampled_from(OUTCOMES)),
    notes,
    st.one_of(st.none(), st.sampled_from(CONTACTS)),
)
def test_round_trips_generated_lines(
    category: str | None, heat: int | None, outcome: str | None, text: str, contact: str | None
) -> None:
    log = QuickLog(category, heat, outcome, text, contact)
    assert parse_quick(log.line(), CATEGORIES) == log


@given(st.sampled_from(CATEGORIES), st.integers().filter(lambda n: not 1 <= n <= 5))
def test_every_out_of_range_heat_is_refused(category: str, heat: int) -> None:
    with pytest.raises(QuickLogError, match="heat"):
        parse_quick(f"{category} {heat} resolved: fine", CATEGORIES)


@pytest.mark.parametrize(
    "line",
    [
        "customer shouted for 10 minutes",
        "Customer called at 10:30 about a refund",
        "refund: the customer wants it today",
    ],
)
def test_a_line_that_does_not_start_with_parts_is_all_notes(line: str) -> None:
    assert parse_quick(line, CATEGORIES) == QuickLog(notes=line)


def test_commas_between_the_parts_are_fine() -> None:
    assert parse_quick("billing, 4, escalated: x", CATEGORIES) == QuickLog(
        "billing", 4, "escalated", "x"
    )


KEYWORDS = {
    "callback",
    "promised",
    *OUTCOMES,
    *HEAT_LABELS.values(),
    *(w for c in (*CATEGORIES, *CONTACT_WORDS) for w in c.split()),
}
plain_words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=10).filter(
    lambda w: w not in KEYWORDS
)


cases = st.sampled_from([str.lower, str.upper, str.title])


@given(
    st.sampled_from(CONTACTS),
    st.integers(1, 5),
    st.booleans(),
    st.permutations(range(4)),
    st.lists(cases, min_size=4, max_size=4),
    st.sampled_from([" ", "  ", ", ", " ,  "]),
    notes,
)
def test_parts_in_any_order_case_and_spacing_read_the_same(
    contact: str,
    heat: int,
    heat_as_word: bool,
    order: list[int],
    case: list[Callable[[str], str]],
    gap: str,
    text: str,
) -> None:
    parts = ["billing", HEAT_LABELS[heat] if heat_as_word else str(heat), "escalated", contact]
    shown = [change(parts[n]) for change, n in zip(case, order, strict=True)]
    line = gap.join(shown) + ": " + text
    assert parse_quick(line, CATEGORIES) == QuickLog("billing", heat, "escalated", text, contact)


@given(st.lists(plain_words, min_size=1, max_size=12), st.booleans())
def test_free_text_is_taken_as_the_notes(words: list[str], colon: bool) -> None:
    line = " ".join(words) + (": and more" if colon else "")
    if len(words) < 2 and colon:
        return  # one unknown word before a colon reads as a misspelt part: see below
    assert parse_quick(line, CATEGORIES) == QuickLog(notes=line)


@given(
    st.lists(st.sampled_from(["billing", "4", "escalated"]), min_size=1, max_size=3, unique=True),
    plain_words,
    st.integers(0, 3),
)
def test_one_wrong_word_among_the_parts_is_named(parts: list[str], wrong: str, where: int) -> None:
    words = [*parts]
    words.insert(min(where, len(words)), wrong)
    with pytest.raises(QuickLogError, match=f"I don't know `{wrong}`"):
        parse_quick(" ".join(words) + ": notes", CATEGORIES)
