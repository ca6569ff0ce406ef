"""Protected literals: found in a draft, and a rewrite that loses one is withheld."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rephrase import Engine, literals
from bot.rephrase.literals import _COMPILED, find, missing


@pytest.mark.parametrize(
    ("text", "kind", "literal"),
    [
        ("It is 30 days.", "id", "30"),
        ("The fee is $12.50 today.", "amount", "$12.50"),
        ("About 15% off.", "amount", "15%"),
        ("It renews on 1 March 2026.", "date", "1 March 2026"),
        ("It was sent 2026-02-14.", "date", "2026-02-14"),
        ("Call after 3 pm please.", "time", "3 pm"),
        ("Order INV-20417 is late.", "id", "INV-20417"),
        ("Use code WELCOME at checkout.", "code", "WELCOME"),
        ("Try SAVE20 now.", "id", "SAVE20"),
        ("See https://x.example/a?b=C&d=1 now.", "url", "https://x.example/a?b=C&d=1"),
        ("Mail help@shop.example today.", "email", "help@shop.example"),
        ("Ask <@U123ABC> in <#C42|support>.", "slack", "<@U123ABC>"),
        ("Ask <@U123ABC> in <#C42|support>.", "slack", "<#C42|support>"),
        ("Heads up <!here> team.", "slack", "<!here>"),
        ("Open <https://x.example|the form>.", "slack", "<https://x.example|the form>"),
        ("Tag it #SpringSale please.", "hashtag", "#SpringSale"),
        ('You wrote "calm down" to us.', "quote", '"calm down"'),
        ("Run `reset --all` first.", "inline-code", "`reset --all`"),
        ("Run this:\n```\nreset\n```\nthen wait.", "code-block", "```\nreset\n```"),
        ("Your iPhone is fine.", "name", "iPhone"),
        ("Thanks, we asked Acme Broadband.", "name", "Acme Broadband"),
        ("Dear Mr. Okafor, hello.", "name", "Mr. Okafor"),
        ("Call 0800 123 456 today.", "id", "0800 123 456"),
    ],
)
def test_literals_are_found(text: str, kind: str, literal: str) -> None:
    assert (kind, literal) in [(lit.kind, lit.text) for lit in find(text)]


def test_shouted_words_are_not_codes_but_cued_codes_stay() -> None:
    text = "I SAID use code WELCOME."
    found = [lit.text for lit in find(text, shouted=[(0, 6), (16, 23)])]
    assert found == ["WELCOME"]


def test_missing_counts_each_occurrence() -> None:
    draft = find("Ref A1 and A1 again.")
    assert missing(draft, "Ref A1 again.") == ["A1"]
    assert missing(draft, "Ref A1 and A1.") == []


def test_a_rewrite_that_would_change_a_code_is_withheld(engine: Engine) -> None:
    analysis = engine.analyse("OBVIOUSLY the code is SPRING.")
    assert "SPRING" in analysis.rewrite


def test_a_shouted_word_after_a_capitalised_one_is_no_name() -> None:
    # "Do NOT admit": a run of two capitalised words at a sentence start, but the second is
    # shouting, not a name; unshouted, the capitals stay protected as a code
    shouted = [(3, 6)]
    assert find("Do NOT admit fault at the scene!!!!", shouted) == []
    assert [lit.text for lit in find("Do NOT admit fault at the scene.")] == ["NOT"]


def test_a_code_cue_shouted_along_with_the_words_cues_nothing() -> None:
    text = "DO NOT SHARE YOUR PASSWORD WITH THE TEAM."
    assert find(text, [(0, len(text) - 1)]) == []
    # a cue said calmly still protects the code after it, shouting around it or not
    calm = "Your password HUNTER is WRONG."
    assert "HUNTER" in [lit.text for lit in find(calm, [(23, 28)])]


_GATED = [(kind, pattern, needs) for kind, pattern, needs in _COMPILED if needs is not None]


@pytest.mark.parametrize(("kind", "pattern", "needs"), _GATED, ids=[k for k, _, _ in _GATED])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_pattern_is_skipped_only_where_it_could_not_match(
    kind: str, pattern: re.Pattern[str], needs: re.Pattern[str], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    assert needs.search(text), kind


# Each fast test (a character class first, then a lookbehind) against its plain form.
_PLAIN_FORMS = [
    (literals._DATE_NEEDS, r"\d|Mon|Tue|Wed|Thu|Fri|Sat|Sun"),
    (literals._INNER_CAPITAL, r"[a-z][A-Z]"),
    (literals._OPENING_QUOTE, r"(?<![\w\u2019'])['\u2018]"),
    (literals._CROSSING.pattern, r"[\"`\u201c<]|(?<![\w\u2019'])['\u2018]"),
]
_TRICKY = st.text(alphabet="aoeMTWFSnudhrti1Z_ '\u2018\u2019\"`<\u201c\n\u0663", max_size=14)


@pytest.mark.parametrize(("fast", "plain"), _PLAIN_FORMS)
@settings(max_examples=300, deadline=None)
@given(text=_TRICKY)
def test_a_fast_test_finds_what_its_plain_form_finds(fast: str, plain: str, text: str) -> None:
    assert bool(re.search(fast, text)) == bool(re.search(plain, text)), text


_PLAIN_PATTERNS = [
    (
        literals._CAPS_TOKEN,
        r"(?<![\w'\u2019-])[A-Z][A-Z0-9&]*(?:[-_.][A-Z0-9]+)*(?![\w'\u2019-])",
    ),
    (
        literals._CAPITALISED,
        r"(?<![\w'\u2019-])[A-Z][a-z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*)*",
    ),
]
_CAPITALS = st.text(alphabet="AZaz09&-_.' \u2019\n\u00c9", max_size=16)


@pytest.mark.parametrize(("fast", "plain"), _PLAIN_PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=_CAPITALS)
def test_a_fast_pattern_matches_where_its_plain_form_does(
    fast: re.Pattern[str], plain: str, text: str
) -> None:
    spans = [m.span() for m in re.finditer(plain, text)]
    assert [m.span() for m in fast.finditer(text)] == spans, text
