"""A regex rule's matches found from its bare pattern's candidates are exactly what its
wrapped pattern's finditer finds, on texts around what each pattern matches."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import load_content
from bot.content.patterns import normalise_quotes
from bot.rephrase.phrasebook import GatedRule, gate

RULES = gate(load_content().rules).by_regex
# Hypothesis builds a pattern's text, then throws away what its lookbehinds refuse: for a
# rule such as "should-have-fragment" most draws are thrown away, which is expected.
FILTERED = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)
FILLER = st.sampled_from(["", " ", "a", "x ", ", ", "!!", "I", "'", "\n", "Ok. ", "\u2019s"])


@pytest.mark.parametrize("rule", RULES, ids=[g.rule.id for g in RULES])
@FILTERED
@given(data=st.data())
def test_matches_equal_finditer(rule: GatedRule, data: st.DataObject) -> None:
    parts = data.draw(
        st.lists(st.one_of(FILLER, st.from_regex(rule.bare, fullmatch=True)), max_size=6)
    )
    plain = normalise_quotes("".join(parts))
    expected = [m.span() for m in rule.rule.regex.finditer(plain)]
    assert [m.span() for m in rule.matches(plain)] == expected


def test_a_match_needs_its_boundary_before_the_candidate() -> None:
    sigh = next(g for g in RULES if g.rule.id == "sigh")
    assert [m.span() for m in sigh.matches("enough, ugh.")] == [(8, 12)]


GATED = [g for g in RULES if g.anchors is not None]


@pytest.mark.parametrize("rule", GATED, ids=[g.rule.id for g in GATED])
@FILTERED
@given(data=st.data())
def test_a_rule_is_skipped_only_where_it_could_not_match(
    rule: GatedRule, data: st.DataObject
) -> None:
    text = normalise_quotes(data.draw(st.from_regex(rule.bare)))
    assert rule.may_match(text.casefold()), rule.anchors


def test_marks_gate_and_counts_do_not() -> None:
    anchors = {g.rule.id: g.anchors for g in RULES}
    assert anchors["its-simple-colon"] == ((":",),)
    assert anchors["on-someone-not-me"] == ((", not",),)
    assert anchors["exclamation-pile"] is None  # "!{3,}": the comma of {3,} is no literal
