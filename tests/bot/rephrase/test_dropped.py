"""The content-kept guard (dropped.py) on its own: what counts as content, and what may go."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase import Engine
from bot.rephrase.dropped import lost_content

LOST = [
    ("a refusal", "That's not something we do. Anything else?", "Anything else?"),
    (
        "a refusal",
        "Window or aisle, it lands at the same time, so I won't be chasing this one.",
        "Window or aisle, it lands at the same time.",
    ),
    ("a refusal", "Sorry, we don't ship to PO boxes. Is that clear?", "Sorry."),
    ("a commitment", "I'll ask the depot tomorrow. Calm down.", "Calm down."),
    ("a commitment", "We can swap it in store, obviously.", "Obviously."),
    (
        "a refusal",  # no subject, but it refuses compensation
        "Hi Laura, the water was off for three hours. No compensation applies.",
        "Hi Laura.",
    ),
    (
        "information",
        "Hello Mr. Nguyen, the calls on your bill are there because you dialled them.",
        "Hello Mr. Nguyen.",
    ),
    ("information", "Just send the police report already.", "Thanks."),
]
KEPT = [
    ("It's really not that complicated. Clear your cache.", "Clear your cache."),
    ("Clear your cache. Like I said. Twice.", "Clear your cache."),
    (
        "I'm not going to repeat myself again. The fare is non-refundable.",
        "The fare is non-refundable.",
    ),
    (
        "Sir, obviously breakfast is in the restaurant. Where else would it be?",
        "Breakfast is in the restaurant.",
    ),
    ("Mhm. Yep. Is that clear now? The parcel left today.", "The parcel left today."),
    ("You should have checked the rates.", "Next time, it helps to check the rates."),
    ("nothing i can do mate", "I'm not able to do anything."),
]


@pytest.mark.parametrize(("kind", "draft", "rewrite"), LOST)
def test_leaving_out_content_is_caught_with_its_kind(kind: str, draft: str, rewrite: str) -> None:
    assert lost_content(draft, rewrite) == kind


@pytest.mark.parametrize(("draft", "rewrite"), KEPT)
def test_leaving_out_attitude_is_allowed(draft: str, rewrite: str) -> None:
    assert lost_content(draft, rewrite) is None


def test_words_a_rule_flagged_may_go_even_with_a_no_in_them() -> None:
    draft = "We won't do that, period. Billing handles refunds."
    rule = (0, draft.index("."))  # a phrasebook rule's span: exactly the rude words
    assert lost_content(draft, "Billing handles refunds.") == "a refusal"
    assert lost_content(draft, "Billing handles refunds.", [rule]) is None


def test_the_rewrite_is_withheld_rather_than_drop_a_refusal(engine: Engine) -> None:
    analysis = engine.analyse("That's not something we do. Anything else?")
    assert analysis.rewrite != "Anything else?"
    if not analysis.offered:
        assert "left out" in analysis.rewrite_reason or analysis.rewrite_reason


def test_denying_blame_is_neither_a_refusal_nor_information() -> None:
    draft = "The operator cancelled the train, so it's not our fault."
    assert lost_content(draft, "The operator cancelled the train.") is None
    draft = "That's not my department. Billing handles refunds."
    assert lost_content(draft, "Billing handles refunds.") is None


def test_a_changed_stretch_starts_each_sentence_with_a_capital() -> None:
    from bot.rephrase.seams import tidy

    old = "we CAN'T read it!!! put it inside on Tuesday"
    assert tidy("we can't read it. put it inside on Tuesday", old) == (
        "We can't read it. Put it inside on Tuesday."
    )
    assert tidy("Use the app, e.g. the web one.", "Use the app, e.g. the web one.") == (
        "Use the app, e.g. the web one."
    )


def test_deleting_one_adverb_is_not_offered_as_a_rewrite(engine: Engine) -> None:
    draft = "Obviously we want you to be happy, so the exchange is free of charge."
    analysis = engine.analyse(draft)
    serious = [f.text for f in analysis.findings if f.serious]
    if serious == ["Obviously"]:  # detection's call; the rewrite's rule is what is tested
        assert analysis.rewrite == draft
        assert analysis.rewrite_status == "withheld"
        assert "Only “Obviously” would change" in analysis.rewrite_reason


SUBJECTLESS = ["Can't help.", "Won't be possible.", "No refunds.", "Sorry, not possible."]
_OPENERS = ["Can't", "Cannot", "Won't", "Couldn't", "No", "Not", "Sorry, can't", "Nope, no"]
_REFUSED = ["help", "refund it", "exchanges", "be possible", "do that", "reopen the case", "way"]
_NOT_REFUSALS = [
    "No problem.",
    "No worries.",
    "Not at all.",
    "Not my fault.",
    "Never mind.",
    "So no harm done really.",
    "Not ours.",
]
_AROUND = ["The depot opens at 9.", "Hi Sam.", "Your order 4471 ships Friday.", ""]


@pytest.mark.parametrize("refusal", SUBJECTLESS)
def test_a_refusal_without_a_subject_is_a_refusal(refusal: str) -> None:
    draft = f"{refusal} The depot opens at 9."
    assert lost_content(draft, "The depot opens at 9.") == "a refusal"


@given(
    opener=st.sampled_from(_OPENERS),
    refused=st.sampled_from(_REFUSED),
    before=st.sampled_from(_AROUND),
    after=st.sampled_from(_AROUND),
)
def test_any_subjectless_refusal_may_not_be_dropped(
    opener: str, refused: str, before: str, after: str
) -> None:
    refusal = f"{opener} {refused}."
    draft = " ".join(p for p in (before, refusal, after) if p)
    rest = " ".join(p for p in (before, after) if p)
    assert lost_content(draft, rest) == "a refusal"
    assert lost_content(draft, f"Thanks for your message. {draft}") is None  # kept: fine


@pytest.mark.parametrize("courtesy", _NOT_REFUSALS)
def test_a_courtesy_opening_with_no_is_not_a_refusal(courtesy: str) -> None:
    draft = f"{courtesy} The depot opens at 9."
    assert lost_content(draft, "The depot opens at 9.") != "a refusal"


@pytest.mark.parametrize("answer", ["No.", "Nope.", "No, sorry.", "Sorry, no.", "Nah."])
def test_a_bare_no_is_the_answer_and_may_not_be_dropped(answer: str) -> None:
    draft = f"The pool closed at 8 and it's 8:10 now. {answer}"
    assert lost_content(draft, "The pool closed at 8 and it's 8:10 now.") == "a refusal"


def test_oh_no_is_sympathy_not_a_refusal() -> None:
    draft = "Oh no, sorry. The pool closed at 8."
    assert lost_content(draft, "The pool closed at 8.") != "a refusal"
