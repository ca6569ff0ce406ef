"""Candidate rewordings: a fix written for one reading of the words is not pasted on another."""

from __future__ import annotations

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
