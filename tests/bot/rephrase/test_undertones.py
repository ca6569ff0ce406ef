"""Undertones no offered rewrite may keep (rewrite8): each class on wordings written here,
never taken from the corpus, and each with wordings that must pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase import undertones
from bot.rephrase.engine import Engine

CAUGHT = [
    # a condescending adverb left in a kept clause
    (undertones.TALKS_DOWN, "The terms clearly state that refunds take 14 days."),
    (undertones.TALKS_DOWN, "Obviously the lounge closes at ten."),
    (undertones.TALKS_DOWN, "The form is evidently the wrong one."),
    (undertones.TALKS_DOWN, "You may want to re-read my email."),
    (undertones.TALKS_DOWN, "Maybe read the letter again."),
    # a veiled threat: a count of the next failure, then the consequence
    (undertones.THREATENS, "Any further delay and your policy will lapse."),
    (undertones.THREATENS, "One more missed payment and we'll close the account."),
    (undertones.THREATENS, "Another late return and your membership gets suspended."),
    (undertones.THREATENS, "Calm down or I'm hanging up."),
    (undertones.THREATENS, "Pay the balance today, or we will pass it to collections."),
    (undertones.THREATENS, "Send the form by Friday, or else."),
    # a deflecting idiom
    (undertones.DEFLECTS, "The fee is set by head office, so don't shoot the messenger."),
    (undertones.DEFLECTS, "Not my circus, not my monkeys."),
    (undertones.DEFLECTS, "Refunds that size are above my pay grade."),
    (undertones.DEFLECTS, "Sadly it's out of my hands."),
    (undertones.DEFLECTS, "I just work here."),
    # a dismissive tag
    (undertones.DISMISSES, "The van will come back Thursday or something."),
    (undertones.DISMISSES, "It's in the thread, just scroll up."),
    (undertones.DISMISSES, "A gentle reminder that the invoice is overdue."),
    (undertones.DISMISSES, "No, no, the 3pm slot is for someone else."),
    (undertones.DISMISSES, "Thanks for your understanding (again)."),
    # a note, not a sentence
    (undertones.NOTE, "Signature required on delivery."),
    (undertones.NOTE, "Replacement card now cancelled."),
    (undertones.NOTE, "Voucher sent separately."),
    (undertones.NOTE, "New handset in 3-5 days."),
    (undertones.NOTE, "Clause 4 of our agreement."),
    (undertones.NOTE, "I'm afraid."),
    (undertones.NOTE, "Unfortunately."),
]
CHANGED_ONLY = [
    "You missed the cut-off so you lost the booking.",
    "You didn't enter the postcode.",
    "Next time, it helps to keep the receipt.",
    "It would have helped to lock the shed.",
    "That's on you.",
    "The wrong address came from you.",
    "This is user error.",
]
PASSES = [
    "The refund takes 14 days.",
    "Simply tap Save and the change is kept.",
    "Honestly, we're sorry about the wait.",
    "The engineer arrived at 9 and fixed the boiler.",
    "Kev collected it on Monday.",
    "Your replacement card was sent today.",
    "Results take 3-5 working days.",
    "Planes leave at the time on the ticket.",
    "Call the billing team on 0800 123 456.",
    "Any questions, just ask.",
    "Happy to help.",
    "All the best with the move!",
    "If you'd like, we can book a visit, or we can send a kit.",
    "Let us know if you'd like to keep it, or we'll arrange a return.",
    "One more thing: the code is valid for 30 days.",
    "Another option is the annual plan, and it will save you $20.",
    "There's nothing more needed from you.",
    "Quick reminder: check-in closes at 06:20.",
    "Thanks again for your patience!",
    "Please read the safety leaflet before first use.",
    "No problem at all.",
    "Sorry you missed the driver; he'll try again tomorrow.",
]


@pytest.mark.parametrize(("why", "sentence"), CAUGHT)
def test_each_undertone_is_caught_kept_or_changed(why: str, sentence: str) -> None:
    assert undertones.problem(sentence, changed=False) == why
    assert undertones.problem(sentence, changed=True) == why


@pytest.mark.parametrize("sentence", CHANGED_ONLY)
def test_blame_is_caught_in_a_changed_sentence(sentence: str) -> None:
    assert undertones.problem(sentence, changed=True) == undertones.BLAMES


@pytest.mark.parametrize("sentence", ["Email us.", "Call the depot.", "Check the app!"])
def test_a_changed_sentence_cut_to_a_short_command_is_an_order(sentence: str) -> None:
    assert undertones.problem(sentence, changed=True) == undertones.ORDERS
    assert undertones.problem(sentence, changed=False) is None  # the agent's own


@pytest.mark.parametrize(
    "sentence",
    [
        "Please email us.",
        "Feel free to call.",
        "Call us on 0800 123 456 any time.",
        "Come in.",
        "Hold on!",
        "Charges apply.",
    ],
)
def test_a_request_or_a_command_with_its_details_is_no_bare_order(sentence: str) -> None:
    assert not undertones.bare_order(sentence)


@pytest.mark.parametrize("sentence", PASSES)
def test_plain_sentences_pass(sentence: str) -> None:
    assert undertones.problem(sentence, changed=True) is None


_NOUNS = st.sampled_from(["delay", "late payment", "missed instalment", "complaint", "return"])
_CONSEQUENCES = st.sampled_from(
    ["your policy will lapse", "we'll close the account", "the order gets cancelled"]
)


@given(st.sampled_from(["Any", "One more", "Any further", "Another"]), _NOUNS, _CONSEQUENCES)
def test_a_counted_ultimatum_is_a_threat_whatever_its_words(
    count: str, noun: str, consequence: str
) -> None:
    assert undertones.threat(f"{count} {noun} and {consequence}.")


_SUBJECTS = st.sampled_from(["We", "I", "The driver", "Your order", "They", "The team"])
_VERBS = st.sampled_from(["sent", "checked", "arrived", "is", "will ship", "has been paid"])
_TAILS = st.sampled_from(["today.", "on Monday.", "at 5.", "by courier.", "as planned."])


@given(_SUBJECTS, _VERBS, _TAILS)
def test_a_sentence_with_a_subject_and_a_verb_is_no_note(
    subject: str, verb: str, tail: str
) -> None:
    assert not undertones.note(f"{subject} {verb} {tail}")


@given(st.text(max_size=80))
def test_the_checks_read_any_text(text: str) -> None:
    undertones.problem(text, changed=True)  # never raises


DRAFTS = [
    'As I said before, I\'ll "escalate" it to the team. The refund takes 5 days.',
    "As I already explained, the parcel is with the courier. Signature required on delivery.",
    "As I already explained, the premium is due on the 1st. Any further delay and your policy "
    "will lapse.",
    "As I said, the fee is set by head office, so don't shoot the messenger.",
    "As previously stated, the driver will come tomorrow or something.",
    "Like I said, you missed the deadline so you lost the deposit.",
    "I have told you twice, it renews EVERY YEAR on 1 March!!!",
    "Per my last message, your new card is on its way. PIN sent separately.",
]


@pytest.mark.parametrize("draft", DRAFTS)
def test_such_drafts_get_no_rewrite(engine: Engine, draft: str) -> None:
    assert not engine.analyse(draft).offered
