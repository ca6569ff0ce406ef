"""Phrase families over word forms: inflections, everybody/everyone, inserted adverbs."""

from __future__ import annotations

import pytest

from bot.content import load_content
from bot.rephrase.phrasebook import gate, phrasebook_findings
from bot.rephrase.wordforms import NotAWording, WordTrie, wordings

BOOK = gate(load_content().rules)


def rules_in(text: str) -> set[str]:
    return {f.rule for f in phrasebook_findings(BOOK, text)}


def test_most_rules_are_matched_over_word_forms() -> None:
    assert len(BOOK.by_words) > 3 * len(BOOK.by_regex)


def test_every_word_form_rule_still_matches_its_own_examples() -> None:
    for index, rule in enumerate(BOOK.by_words):
        for example in rule.examples:
            assert any(h.rule == index for h in BOOK.trie.hits(example)), (rule.id, example)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("You'll have to wait like everybody else.", "like-everyone-else"),
        ("You have to wait just like everyone else does.", "like-everyone-else"),
        ("I already told you twice.", "i-already-told-you"),
        ("I just told you that.", "i-already-told-you"),
        ("You were completely wrong about the fee.", "youre-wrong"),
        ("You guys are just totally wrong about it.", None),
    ],
)
def test_inflections_and_inserted_adverbs(text: str, rule: str | None) -> None:
    found = rules_in(text)
    if rule is None:
        assert not any(r.startswith("youre-wrong") for r in found)
    else:
        assert rule in found, found


def test_tense_of_do_is_kept() -> None:
    assert "i-dont-know" in rules_in("I don't know.")
    assert "i-dont-know" not in rules_in("I didn't know that, thanks for telling me.")


def test_wordings_of_a_pattern() -> None:
    assert wordings("you(?:'re| are) (?:just )?wrong") == [
        "you are just wrong",
        "you are wrong",
        "you're just wrong",
        "you're wrong",
    ]
    with pytest.raises(NotAWording):
        wordings("no way(?=,)")


def test_a_filler_gap_is_bounded() -> None:
    trie = WordTrie()
    trie.add(0, "calm down")
    assert [h.start for h in trie.hits("calm really just down")] == [0]
    assert trie.hits("calm really just totally down") == []
    assert trie.hits("calm the river down") == []
