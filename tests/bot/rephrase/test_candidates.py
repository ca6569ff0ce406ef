"""Candidate rewordings: a fix written for one reading of the words is not pasted on another."""

from __future__ import annotations

import dataclasses

from bot.rephrase.candidates import candidates
from bot.rephrase.models import Finding


def _should_have(sentence: str) -> Finding:
    start = sentence.index("you should have")
    return Finding(
        "blame", "medium", start, start + 15, "you should have", "", "",
        ("it would have helped to",), "you-should-have",
    )  # fmt: skip


def test_a_rule_suggestion_in_words_is_never_pasted() -> None:
    """rewrite8: pasted into the sentence around it, a rule's wording changed what the
    sentence said ("hurry up and sign, the quote expires at 5" -> "Take your time and
    sign…"), wherever a clause started."""
    hindsight = "Sorry, you should have checked the box."
    assert not any("helped" in c for c in candidates(hindsight, [_should_have(hindsight)]))
    opening = "I've told you, it renews in May."
    first = Finding(
        "passive-aggressive", "high", 0, 13, "I've told you", "", "", ("To recap",), "ive-told-you"
    )
    assert not any("To recap" in c for c in candidates(opening, [first]))
    rushed = "hurry up and sign the form, the quote expires at 5"
    hurry = Finding("rushing", "high", 0, 8, "hurry up", "", "", ("take your time",), "hurry-up")
    assert not any("take your time" in c.lower() for c in candidates(rushed, [hurry]))


def test_should_have_without_a_participle_is_not_hindsight() -> None:
    sentence = "The test shows 12 megabits, and you should have 70."
    found = list(candidates(sentence, [_should_have(sentence)]))
    assert not any("helped" in c for c in found)


def test_a_suggestion_for_punctuation_is_still_used() -> None:
    sentence = "It ships on Monday!!!"
    start = sentence.index("!!!")
    bangs = Finding("shouting", "medium", start, start + 3, "!!!", "", "", (".",), "bangs")
    assert "It ships on Monday." in list(candidates(sentence, [bangs]))


def test_a_request_with_please_is_not_dropped_whole() -> None:
    sentence = "I'm sorry, but can you get to the point, please?"
    start = sentence.index("get to the point")
    rushing = Finding(
        "rushing", "medium", start, start + 16, "get to the point", "", "", (), "get-to-the-point"
    )
    assert "" not in list(candidates(sentence, [rushing]))
    bare = "Can you get to the point?"
    at = bare.index("get to the point")
    assert "" in list(candidates(bare, [dataclasses.replace(rushing, start=at, end=at + 16)]))


def test_a_calmed_shout_keeps_known_acronyms_in_capitals() -> None:
    from bot.rephrase.tone import shouting

    sentence = "THE BUNDLE DOES NOT INCLUDE CALLS TO UK NUMBERS."
    found = shouting(sentence)
    assert next(candidates(sentence, found)) == "The bundle does not include calls to UK numbers."
    # an acronym that is also an everyday word is calmed with the rest ("IT HAS")
    sentence = "IT HAS NEVER INCLUDED THEM."
    assert next(candidates(sentence, shouting(sentence))) == "It has never included them."


def test_a_lead_in_is_not_pasted_before_a_relative_clause_or_a_reproach() -> None:
    relative = "As I already explained, which I'll now explain again:"
    said = Finding(
        "passive-aggressive", "high", 0, 22, "As I already explained", "", "", ("To recap",),
        "as-i-already-said",
    )  # fmt: skip
    assert not any("To recap" in c for c in candidates(relative, [said]))
    reproach = "Sorry, you should have kept your PIN to yourself instead of writing it down."
    should = _should_have(reproach)
    assert not any("helped" in c for c in candidates(reproach, [should]))
