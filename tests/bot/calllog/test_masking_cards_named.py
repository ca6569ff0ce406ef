"""A card number after a reference word is still a card.

Hypothesis found `order 1389 0000 0000 0000 0` kept whole: the masker read an evenly grouped
run after *order* as one long reference, so the Luhn-valid `0000 0000 0000 0` inside it (a
13-digit card) survived. The rule now: after a reference word, only an evenly grouped run
longer than any card (20 digits or more, like a spaced USPS tracking number) is read as one
reference; a run of card length or shorter is searched for cards as if no word stood before.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from bot.calllog.masking import CARD, luhn_valid, mask
from bot.calllog.masking.context import Cue, cue_before

_GAP = r"(?:[ \t\u00a0]{1,2}|[ \t\u00a0]?[-./_\u2010-\u2015][ \t\u00a0]?)"
_RUN = re.compile(rf"(?<![\w#-])\d+(?:{_GAP}\d+)*(?![\w-])")


def long_named_reference(text: str, written: str) -> bool:
    """The documented exception: the run holding `written` follows a reference word, has 20
    digits or more, and is evenly grouped (bar a shorter last group). Such a run is kept."""
    for run in _RUN.finditer(text):
        if written not in run.group():
            continue
        groups = re.findall(r"\d+", run.group())
        size = len(groups[0])
        even = all(len(g) == size for g in groups[:-1]) and len(groups[-1]) <= size
        named = cue_before(text, run.start()) is Cue.REFERENCE
        return named and even and sum(map(len, groups)) >= 20
    return False


def _luhn_complete(body: str) -> str:
    return next(body + check for check in "0123456789" if luhn_valid(body + check))


cards = st.integers(min_value=12, max_value=18).flatmap(
    lambda n: st.text("0123456789", min_size=n, max_size=n).map(_luhn_complete)
)

REFERENCE_WORDS = ["order", "id", "ref", "ticket #", "tracking", "invoice no.", "case", "po"]


def _grouped(card: str, sep: str) -> str:
    return sep.join(card[i : i + 4] for i in range(0, len(card), 4))


def test_the_case_hypothesis_found() -> None:
    result = mask("order 1389 0000 0000 0000 0")
    assert "0000 0000 0000 0" not in result.text
    assert result.text == "order 1389 [card]"


@given(
    st.sampled_from(REFERENCE_WORDS),
    st.one_of(st.just(""), st.integers(0, 99999).map(str)),
    cards,
    st.sampled_from(["", " ", "-", "  ", " - ", "."]),
    st.sampled_from(["", " shipped", " 100", ", refund due"]),
)
@example("order", "1389", "0000000000000", " ", "")
@example("tracking", "94", "4111111111111111", " ", "")
def test_a_card_after_a_reference_word_is_masked(
    word: str, number: str, card: str, sep: str, after: str
) -> None:
    written = _grouped(card, sep)
    text = " ".join(part for part in (word, number, written) if part) + after
    assume(not long_named_reference(text, written))
    result = mask(text)
    assert written not in result.text
    assert CARD in result.kinds or "[phone]" in result.text


@pytest.mark.parametrize(
    "text",
    [
        "order 1389 shipped",
        "order 4481-2290-1187 and ticket # 4471 2290 118",
        "orders 1234567890 and 1234567891 were merged",
        "id 12345678901 on invoice no. 554 221 009",
        "tracking 9400 1111 2222 3333 4444 55 shows delivered",
        "refund $1,204.99 on 2026-03-14, code 4471",
    ],
)
def test_references_that_cannot_be_cards_stay(text: str) -> None:
    assert mask(text).text == text


def test_a_long_evenly_grouped_reference_is_kept_though_a_stretch_passes_luhn() -> None:
    """The documented exception, and why it is needed: `1111 2222 3333 4444` inside this
    22-digit tracking number passes the Luhn check."""
    assert luhn_valid("1111222233334444")
    text = "tracking 9400 1111 2222 3333 4444 55 shows delivered"
    assert long_named_reference(text, "1111 2222 3333 4444")
    assert mask(text).text == text


def test_the_same_digits_without_a_reference_word_are_masked() -> None:
    assert "[card]" in mask("she read out 9400 1111 2222 3333 4444 55").text
