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


def test_hindsight_fix_is_used_for_hindsight() -> None:
    sentence = "Sorry, you should have checked the box."
    assert any(
        "it would have helped to checked" in c
        for c in candidates(sentence, [_should_have(sentence)])
    )


def test_should_have_without_a_participle_is_not_hindsight() -> None:
    sentence = "The test shows 12 megabits, and you should have 70."
    found = list(candidates(sentence, [_should_have(sentence)]))
    assert not any("helped" in c for c in found)


def test_a_rule_suggestion_is_pasted_only_where_a_clause_starts() -> None:
    sentence = "She'll tell you what I've told you."
    start = sentence.index("I've told you")
    told = Finding(
        "passive-aggressive", "high", start, start + 13, "I've told you", "", "",
        ("to recap",), "ive-told-you",
    )  # fmt: skip
    assert not any("to recap" in c for c in candidates(sentence, [told]))
    opening = "I've told you, it renews in May."
    first = Finding(
        "passive-aggressive", "high", 0, 13, "I've told you", "", "", ("To recap",), "ive-told-you"
    )
    assert "To recap, it renews in May." in list(candidates(opening, [first]))


def test_a_suggestion_is_not_pasted_over_a_verb_whose_particle_stays() -> None:
    sentence = "you didn't check in online, so the fee is yours."
    didnt = Finding(
        "blame", "high", 0, 16, "you didn't check", "", "", ("you may not have seen",),
        "you-didnt-read",
    )  # fmt: skip
    assert not any("seen in" in c for c in candidates(sentence, [didnt]))
    plain = "you didn't check the email, so the fee is yours."
    assert any("may not have seen the email" in c for c in candidates(plain, [didnt]))


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
