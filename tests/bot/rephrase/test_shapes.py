"""Shapes a blind reader rejected on dev, each tested on other wordings of the shape."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase import Engine, seams, sendable, shapes


def _calm(sentence: str) -> sendable.Tone:
    return 0.0, ""


@pytest.mark.parametrize(
    "rewrite",
    [
        "To recap, the fee is £20. Hopefully that makes sense this time.",
        "The form is attached. Maybe read it through for once.",
        "The code is on the receipt, as I said yet again.",
        "Your order has shipped, finally!",
        "I'll explain it again: the box goes in the post.",
    ],
)
def test_a_needling_tail_is_withheld_even_when_the_agent_wrote_it(rewrite: str) -> None:
    why = sendable.problem(rewrite, rewrite + " Thanks.", _calm)
    assert why is not None and shapes.NEEDLES in why


@pytest.mark.parametrize(
    "sentence",
    [
        "Finally, restart the router.",
        "Please try again tomorrow.",
        "This time of year the depot is busy.",
    ],
)
def test_a_step_a_retry_or_a_season_is_no_needle(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Which we'll now go through for you.",
        "Which means the fee stands.",
        "Because it is the policy.",
        "Although the shop is closed on Sundays.",
    ],
)
def test_a_clause_cut_from_its_sentence_is_withheld(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) == shapes.HANGING
    assert shapes.sentence_problem(sentence, changed=False) is None


@pytest.mark.parametrize(
    "sentence",
    ["Which day suits you?", "Because of the strike, the train is cancelled."],
)
def test_a_question_or_a_full_sentence_is_no_cut_clause(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "When it's delivered, it only goes in the socket, nothing to it.",
            "when it's delivered, it only goes in the socket.",
            "When it's delivered, it only goes in the socket.",
        ),
        (
            "As I said before, which I will now go over again:",
            "which I will now go over again",
            "Which I will now go over again.",
        ),
        ("what time is check-in, obviously", "what time is check-in", "What time is check-in?"),
        ("when can you come in, seriously", "when can you come in", "When can you come in?"),
    ],
)
def test_a_question_mark_is_added_only_to_a_question(old: str, new: str, expected: str) -> None:
    assert seams.tidy(new, old) == expected


@pytest.mark.parametrize("sentence", ["Been an hour?", "Two days now?", "Ten minutes already?"])
def test_a_few_verbless_words_as_a_question_are_withheld(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) == shapes.FRAGMENT_QUESTION


@pytest.mark.parametrize("sentence", ["Any update?", "Is it working?", "You got it?"])
def test_a_short_real_question_stays(sentence: str) -> None:
    assert shapes.sentence_problem(sentence, changed=True) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "We're unable to do anything more. The flight has left.",
        "I can't do anything, the order has shipped.",
        "Sadly we cannot do anything here.",
    ],
)
def test_a_refusal_that_names_nothing_is_withheld(sentence: str) -> None:
    first = sentence.split(". ")[0]
    assert shapes.sentence_problem(first, changed=True) == shapes.NAMES_NOTHING


def test_a_refusal_that_names_what_is_refused_stays() -> None:
    sentence = "We aren't able to do anything about the fee, as it is set by the bank."
    assert shapes.sentence_problem(sentence, changed=True) is None


@pytest.mark.parametrize(
    "rewrite",
    [
        "You can find all the details in the terms.",
        "Hi Sam,\nThe information is in the welcome pack.\nBest regards,\nJo",
        "Thanks for your message. The full details are on our website. "
        "If you have any other questions, just reply here.",
    ],
)
def test_a_reply_that_only_points_to_a_document_is_withheld(rewrite: str) -> None:
    assert shapes.only_pointer(rewrite)
    why = sendable.problem("Draft.", rewrite, _calm)
    assert why is not None and shapes.ONLY_POINTER in why


def test_a_pointer_beside_an_answer_stays() -> None:
    rewrite = "The details are in the policy. Cover starts on 1 May."
    assert not shapes.only_pointer(rewrite)
    assert sendable.problem("Draft.", rewrite, _calm) is None


@pytest.mark.parametrize(
    "sentence",
    ["To recap my earlier message, it ships on Friday.", "On Friday last week, we sent it."],
)
def test_a_fronted_phrase_before_the_comma_is_no_splice(sentence: str) -> None:
    assert sendable.problem("Obviously " + sentence, sentence, _calm) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "It is a heat pump, it runs on its own.",
        "The parcel is at the depot, they open at nine.",
        "Your card was charged twice, we refunded one.",
    ],
)
def test_a_changed_comma_splice_is_withheld_even_when_the_draft_had_it(sentence: str) -> None:
    draft = "Obviously " + sentence[0].lower() + sentence[1:]
    assert sendable.problem(draft, sentence, _calm) == f"“{sentence}” {sendable.SPLICED}"
    assert sendable.problem(sentence, sentence, _calm) is None  # kept as written: not ours


def test_a_bare_refusal_after_a_fact_is_withheld_end_to_end(engine: Engine) -> None:
    # "Booked out. I'm not able to do anything." used to be offered; it names nothing.
    assert not engine.analyse("Sold out. Nothing we can do.").offered


_CLAUSES = ["The form has two pages", "We checked the meter", "Sadly the flight was cancelled"]
_LEAD_INS = ["When it arrives", "For orders over £50", "Due to the storm", "Per your request"]
_NOUN_GROUPS = ["the signature box", "your new card", "these readings", "the red ones", "a refund"]
_VERBS = ["is", "are", "was", "has", "will", "isn't"]


@given(
    clause=st.sampled_from(_CLAUSES),
    group=st.sampled_from(_NOUN_GROUPS),
    verb=st.sampled_from(_VERBS),
)
def test_a_noun_group_and_its_verb_after_a_clause_and_a_comma_is_a_splice(
    clause: str, group: str, verb: str
) -> None:
    # "The bill has two sides, the usage is on the back." read as a run-on (blind readers)
    assert shapes.spliced_tail(f"{clause}, {group} {verb} on the back.")


@given(
    lead=st.sampled_from(_LEAD_INS),
    group=st.sampled_from(_NOUN_GROUPS),
    verb=st.sampled_from(_VERBS),
)
def test_a_noun_group_after_a_lead_in_is_no_splice(lead: str, group: str, verb: str) -> None:
    assert not shapes.spliced_tail(f"{lead}, {group} {verb} on the back.")
    assert not shapes.spliced_tail(f"Thanks, {group} {verb} on the back.")  # no clause before
