"""Fluency and tone shapes an independent reader rejected (rewrite7), each tested on
wordings of our own, not on corpus rows."""

from __future__ import annotations

import pytest

from bot.content.segment import split_sentences
from bot.rephrase import Engine, sendable, shapes, withheld
from bot.rephrase.models import Finding


def _calm(sentence: str) -> sendable.Tone:
    return 0.0, ""


def _why(rewrite: str, draft: str = "Draft.") -> str:
    return sendable.problem(draft, rewrite, _calm) or ""


@pytest.mark.parametrize(
    "sentence",
    [
        "It takes just a few steps: unplug it, then plug it back in.",
        "This is only a couple of quick steps: log in and press save.",
    ],
)
def test_a_recast_that_still_minimises_is_withheld(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) == shapes.MINIMISES


@pytest.mark.parametrize(
    "sentence",
    [
        "The parcel is with the courier now, don't worry about it.",
        "I can look up the booking for you, what's your account number?",
        "We checked the meter last week, it's working as it should.",
        "Your card was charged once, there's no second payment.",
        "The portal is open until Friday, just log in with your email.",
        # a lead-in excuses only itself (rewrite8)
        "To recap, sizes are on the label, but I can read them out, that's fine.",
        "In short, the fee is due now, it's in the terms.",
    ],
)
def test_a_splice_before_a_command_question_or_its_is_withheld(sentence: str) -> None:
    assert shapes.spliced_tail(sentence)
    assert shapes.RUN_ON in _why(sentence) or sendable.SPLICED in _why(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorry, it's not in stock yet.",
        "If you pay by Friday, there's no late fee.",
        "We refunded the fee, and it's on your card now.",
        "Once it arrives, just plug it in.",
    ],
)
def test_a_short_lead_in_or_a_joined_clause_is_no_splice(sentence: str) -> None:
    assert not shapes.spliced_tail(sentence)


def test_a_changed_question_that_ends_in_a_full_stop_is_withheld() -> None:
    assert shapes.sentence_problem("So that I can check, what is the order number.", True) == (
        shapes.UNASKED
    )
    assert not shapes.unasked("What we need is the order number.")
    assert not shapes.unasked("So that I can check, what is the order number?")


@pytest.mark.parametrize(
    "sentence",
    ["To recap, and as noted above, the fee is £20.", "In short, but only for now, it's shut."],
)
def test_a_conjunction_left_open_after_a_lead_in_is_withheld(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) == shapes.SEAM


@pytest.mark.parametrize(
    "sentence",
    [
        "Sorry, but the shop is closed on Sundays.",
        "We checked the account twice, and the payment is there.",
    ],
)
def test_a_whole_lead_in_before_a_conjunction_stays(sentence: str) -> None:
    assert not shapes.seam_after_lead_in(sentence)


def test_a_weekday_in_lower_case_in_a_changed_sentence_is_withheld() -> None:
    assert shapes.sentence_problem("The engineer comes thursday morning.", True) == (shapes.WEEKDAY)
    assert shapes.sentence_problem("The engineer comes thursday morning.", False) is None
    assert shapes.sentence_problem("The engineer comes on Thursday morning.", True) is None


def test_not_able_to_be_is_stilted() -> None:
    sentence = "We're not able to be responsible for parcels left outside."
    assert shapes.sentence_problem(sentence, changed=True) == shapes.STILTED
    assert shapes.sentence_problem("We're not able to refund the fee.", True) is None


@pytest.mark.parametrize(
    "rewrite",
    ["No. The offer ended on 3 May.", "Hi Sam,\nNo. The store closes at six."],
)
def test_a_bare_no_opening_a_rewritten_reply_is_withheld(rewrite: str) -> None:
    assert shapes.BARE_NO in _why(rewrite, draft="Obviously no. " + rewrite)


def test_no_with_its_reason_opening_a_reply_stays() -> None:
    rewrite = "No, the offer ended on 3 May."
    assert not shapes.bare_no_opening(rewrite, "Draft.")


def _finding(draft: str, words: str, kind: str) -> Finding:
    start = draft.index(words)
    return Finding(
        rule="test",
        kind=kind,
        severity="high",
        start=start,
        end=start + len(words),
        text=words,
        why="",
        tip="",
        suggestions=(),
    )


def test_the_agents_own_words_in_scare_quotes_are_withheld_kept_or_changed() -> None:
    draft = 'Sure, I\'ll "look into" it. The ticket is 4411.'
    spans = [(draft.index(s), draft.index(s) + len(s)) for s in split_sentences(draft)]
    found = (_finding(draft, "Sure", "sarcasm"),)
    scare = tuple(withheld.scare_quoted(draft, found, spans))
    assert scare == ('"look into"',)
    rewrite = 'I\'ll "look into" it. The ticket is 4411.'
    assert "scare quotes" in (withheld.kept_badly(draft, rewrite, [], scare) or "")
    # a quote in a sentence with no sarcasm finding is a label or a citation
    plain = (_finding(draft, "The ticket", "cold"),)
    assert withheld.scare_quoted(draft, plain, spans) == []


def test_these_invented_drafts_get_no_rewrite_offered(engine: Engine) -> None:
    for draft in ("It's really quite simple: unplug it, then plug it back in.",):
        rewrite = engine.analyse(draft).rewrite or ""
        assert "few steps" not in rewrite
