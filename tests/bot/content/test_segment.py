"""The sentence splitter: numbers that end a sentence versus numbers that open a list item."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.segment import sentence_spans, split_sentences


def test_segmenter_handles_abbreviations_decimals_and_lists() -> None:
    text = "Ask Mr. Lee, e.g. today. It costs 3.5 dollars! Why?\n1. Breathe. 2. Count to 10."
    assert split_sentences(text) == [
        "Ask Mr. Lee, e.g. today.",
        "It costs 3.5 dollars!",
        "Why?",
        "1. Breathe.",
        "2. Count to 10.",
    ]


@pytest.mark.parametrize(
    "first",
    [
        "The ferry leaves at 18:10.",  # a time: "10." after a colon is no list number
        "Done at 7:05.",
        "The ratio was 3:2.",
        "Total: 42.",  # a number after a lead-in colon, but not a list's first item
        "Update to v2.",
        "Update to v2.4.",
        "It costs £4.50.",
        "It costs $1,200.",
        "The rate is 0.5.",
        "You came 3rd.",
        "Call 555-1234.",
        "It went up 50%.",
        "We close at 5 p.m.",
        "Your order is #40213.",
        "Row 12.",
    ],
)
def test_a_number_ending_a_sentence_ends_it(first: str) -> None:
    second = "Six in the morning is the next one."
    assert split_sentences(f"{first} {second}") == [first, second]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("1. Take a breath\n2. Count to ten", ["1. Take a breath", "2. Count to ten"]),
        ("Steps:\n1. Breathe.\n2. Count.", ["Steps:", "1. Breathe.", "2. Count."]),
        ("Steps: 1. Breathe. 2. Count.", ["Steps: 1. Breathe.", "2. Count."]),
        ("2) Reply. 3) Close.", ["2) Reply.", "3) Close."]),
        ("- 1. Reply\n> 2. Close", ["- 1. Reply", "> 2. Close"]),
        ("Ready?\n  10. Send it", ["Ready?", "10. Send it"]),
    ],
)
def test_a_list_number_stays_with_its_item(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("We call by 5 p.m. Friday at the latest.", ["We call by 5 p.m. Friday at the latest."]),
        ("The line opens at 9 a.m. GMT daily.", ["The line opens at 9 a.m. GMT daily."]),
        ("Open until 6 p.m. and then shut.", ["Open until 6 p.m. and then shut."]),
        ("Open at 9 a.m. I will call then.", ["Open at 9 a.m.", "I will call then."]),
        ("Ask Dr. Shah.", ["Ask Dr. Shah."]),
        ("Approx. 40 of them.", ["Approx. 40 of them."]),
    ],
)
def test_clock_suffixes_and_abbreviations(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\t1e\u2026\"'Mr):-")) | st.characters()))
def test_segmenter_properties(text: str) -> None:
    spans = sentence_spans(text)
    sentences = split_sentences(text)
    position = 0
    for (start, end), sentence in zip(spans, sentences, strict=True):
        assert start >= position  # in order, never overlapping
        assert text[start:end] == sentence
        assert sentence and sentence == sentence.strip()
        position = end
    assert "".join("".join(sentences).split()) == "".join(text.split())


_WORDS = st.lists(
    st.sampled_from(["the", "ferry", "leaves", "at", "your", "order", "costs", "came", "is"]),
    min_size=1,
    max_size=5,
)
_OPENERS = st.sampled_from(["Six", "The", "Please", "We", "I", "Thanks", "Your", "Call"])
_NUMBERS = st.one_of(
    st.builds("{}:{:02d}".format, st.integers(0, 23), st.integers(0, 59)),
    st.builds("£{}.{:02d}".format, st.integers(0, 9999), st.integers(0, 99)),
    st.builds("v{}".format, st.integers(0, 99)),
    st.builds("v{}.{}".format, st.integers(0, 99), st.integers(0, 99)),
    st.builds("{}.{}".format, st.integers(0, 999), st.integers(0, 999)),
    st.builds("{}{}".format, st.integers(0, 999), st.sampled_from(["st", "nd", "rd", "th", "%"])),
    st.builds("{}-{}".format, st.integers(0, 999), st.integers(0, 9999)),
    st.builds("{:,}".format, st.integers(0, 10**7)),
    st.builds("{} p.m".format, st.integers(1, 12)),
    st.integers(0, 10**6).map(str),
)


def _sentence(words: list[str], end: str = "") -> str:
    text = " ".join([words[0].capitalize(), *words[1:]])
    return f"{text} {end}." if end else f"{text}."


@given(_WORDS, _NUMBERS, _OPENERS, _WORDS)
def test_a_sentence_ending_in_a_number_stays_apart(
    words: list[str], number: str, opener: str, rest: list[str]
) -> None:
    first = _sentence(words, number)
    second = _sentence([opener, *rest])
    for gap in (" ", "  ", " \t"):
        assert split_sentences(first + gap + second) == [first, second]


@given(
    st.lists(st.tuples(_WORDS, _WORDS), min_size=1, max_size=12),
    st.sampled_from(["{}. ", "{}) ", "- {}. ", "* {}) "]),
    st.sampled_from([[], ["Steps:"], ["Do this."], ["Why?"]]),
)
def test_a_numbered_item_is_never_split_after_its_number(
    items: list[tuple[list[str], list[str]]], marker: str, lead: list[str]
) -> None:
    # Each item is a line of two sentences; the number must open the first, never stand alone.
    lines = [(marker.format(n) + _sentence(a), _sentence(b)) for n, (a, b) in enumerate(items, 1)]
    text = "\n".join([*lead, *(f"{one} {two}" for one, two in lines)])
    assert split_sentences(text) == [*lead, *(s for line in lines for s in line)]


@given(
    contraction=st.sampled_from(
        ["didn't", "can't", "won't", "isn't", "I'm", "they're", "don\u2019t"]
    ),
    nxt=st.sampled_from(["They did.", "Sorry.", "We can help.", "It ships today."]),
)
def test_a_contraction_ending_a_sentence_ends_it(contraction: str, nxt: str) -> None:
    # Its last letter ("t" of "didn't") once passed for an initial, as in "J. Smith".
    first = f"You said {contraction}."
    assert split_sentences(f"{first} {nxt}") == [first, nxt]
