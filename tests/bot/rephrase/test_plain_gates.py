"""The cheap tests that let plain-language checks skip a draft never skip a finding."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rephrase import plain


@pytest.mark.parametrize(("literal", "pattern"), [(lit, p) for lit, p, _ in plain._PASSIVES])
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_a_passive_is_skipped_only_where_it_could_not_match(
    literal: str, pattern: re.Pattern[str], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    assert literal in text.casefold()
    assert plain.passive_evasions(text)


def test_the_shortest_long_sentence_is_still_found() -> None:
    words = plain.LONG_SENTENCE_WORDS
    shortest = " ".join(["a"] * (words + 1)) + "."  # one letter a word, one space between
    assert [f.rule for f in plain.long_sentences(shortest)] == ["long-sentence"]
    assert plain.long_sentences(" ".join(["a"] * words) + ".") == []
