"""Phrasebook rules flag what they should, and leave kind wording alone."""

from __future__ import annotations

import re

import pytest

from bot.content import Content, Rule
from bot.content.patterns import compile_rule

SAFE = [
    "You're right",
    "No problem at all!",
    "Thanks so much, happy to help!",
    "You're not wrong.",
    "It's not your fault at all.",
    "It isn't your fault.",
    "Whatever you need, just ask!",
    "We can't wait to see you!",
    "You should have received a confirmation email.",
    "Please hold on to your receipt.",
    "I'm here to listen, so take your time.",
    "Thanks for taking a look, I appreciate it.",
    "We never want you to wait.",
    "Let me speak clearly so nothing gets lost.",
    "No way, that's amazing news!",
    "Once things calm down, I'll call you.",
]

# Wordings the brief asks the phrasebook to cover, with the kind of rule expected.
COVERED = {
    "You should have called first.": "blame",
    "You didn't read the email.": "blame",
    "That's your fault.": "blame",
    "Calm down.": "dismissive",
    "That's not our problem.": "dismissive",
    "Not our problem.": "dismissive",
    "Whatever.": "dismissive",
    "There's nothing I can do.": "dismissive",
    "It is what it is.": "dismissive",
    "It's not my fault.": "defensive",
    "I just work here.": "defensive",
    "That's not my department.": "defensive",
    "We can't do that.": "absolute-no",
    "That's impossible.": "absolute-no",
    "That's our policy.": "absolute-no",
    "No way.": "absolute-no",
    "We never do that.": "absolute-no",
    "As I already said, it shipped.": "passive-aggressive",
    "Per my last email, it shipped.": "passive-aggressive",
    "As I said, it shipped.": "passive-aggressive",
    "Obviously it shipped.": "passive-aggressive",
    "Clearly it shipped.": "passive-aggressive",
    "With all due respect, it shipped.": "passive-aggressive",
    "You need to understand the terms.": "condescending",
    "Listen, it shipped.": "condescending",
    "Honestly, it shipped.": "condescending",
    "I'm busy.": "rushing",
    "Hold on.": "rushing",
}


def _kinds(content: Content, text: str) -> set[str]:
    return {hit.rule.kind for hit in content.hits(text)}


def _rule(content: Content, rule_id: str) -> Rule:
    return next(r for r in content.rules if r.id == rule_id)


def test_articles_own_pairs(content: Content) -> None:
    wrong = _rule(content, "youre-wrong")
    assert "I see your point, and may I offer an alternative?" in wrong.suggestions
    assert wrong.hits("You're wrong.")
    mad = _rule(content, "why-so-mad")
    assert "I completely understand, and I'd feel the same in your shoes" in mad.suggestions
    assert mad.hits("Why are you so mad?")
    assert content.tip(wrong.tip).source.file == "004_f875e9222c0563a7.txt"
    assert content.tip(mad.tip).source.file == "004_f875e9222c0563a7.txt"


def test_hold_on_suggests_asking(content: Content) -> None:
    assert "May I place you on a brief hold?" in _rule(content, "hold-on").suggestions


@pytest.mark.parametrize(("text", "kind"), COVERED.items())
def test_required_wordings_are_covered(content: Content, text: str, kind: str) -> None:
    assert kind in _kinds(content, text)


def test_every_rule_has_examples_it_flags(content: Content) -> None:
    for rule in content.rules:
        assert rule.examples, rule.id
        for example in rule.examples:
            assert rule.hits(example), (rule.id, example)


@pytest.mark.parametrize("text", SAFE)
def test_kind_wording_is_not_flagged(content: Content, text: str) -> None:
    assert [h.rule.id for h in content.hits(text)] == []


def test_suggestions_and_guide_phrases_are_clean(content: Content) -> None:
    texts = [s for r in content.rules for s in r.suggestions]
    texts += [s.phrase for g in content.guides for s in g.steps if s.phrase]
    texts += [t.wording for t in content.tips if t.wording]
    flagged = {t: [h.rule.id for h in content.hits(t)] for t in texts}
    assert {t: ids for t, ids in flagged.items() if ids} == {}


def test_suggestion_drops_into_the_sentence(content: Content) -> None:
    text = "Please calm down, sir."
    (hit,) = content.hits(text)
    fixed = text[: hit.start] + hit.rule.suggestions[0] + text[hit.end :]
    assert fixed == "I can hear how frustrating this is, sir."


def test_curly_apostrophes_are_matched(content: Content) -> None:
    assert "youre-wrong" in {h.rule.id for h in content.hits("You\u2019re wrong.")}


def test_exception_only_applies_within_the_sentence(content: Content) -> None:
    ids = [h.rule.id for h in content.hits("It's not your fault. Well, it's your fault.")]
    assert ids == ["your-fault"]


def test_boundaries() -> None:
    assert compile_rule("we never").search("we neverland") is None
    assert compile_rule("hold on").search("hold onto it") is None
    # A pattern ending in punctuation still matches before a space.
    listen = compile_rule("listen,")
    assert listen.search("Listen, please") is not None
    assert listen.search("relisten, please") is None
    assert compile_rule("!{3,}").search("wait!!! now") is not None


def test_rules_are_compiled_case_insensitively(content: Content) -> None:
    assert all(r.regex.flags & re.IGNORECASE for r in content.rules)
