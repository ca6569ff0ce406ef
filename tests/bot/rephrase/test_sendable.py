"""The sendable gate and the warm frame, each rule on its own."""

from __future__ import annotations

import pytest

from bot.rephrase import Engine, frame, guards, sendable


def _calm(sentence: str) -> sendable.Tone:
    return 0.0, ""


@pytest.mark.parametrize(
    "rewrite",
    [
        "Clear your cache. Twice.",
        "Sir. The early termination fee applies.",
        "Mm-hm. Policy number?",
        "We are FULLY BOOKED today.",
        "It shipped on Friday!!",
        "Sorry, that's just hotel policy, I'm not able to change it.",
        "The parcel reached the depot on Monday, please collect it there.",
    ],
)
def test_the_gate_refuses_fragments_shouting_and_splices(rewrite: str) -> None:
    assert sendable.problem("Draft.", rewrite, _calm) is not None


@pytest.mark.parametrize(
    "rewrite",
    [
        "Hi Fred, claims must be filed within 7 days. Yours was filed on day 9.",
        "Come in. Thanks!",
        "If it arrives damaged, we replace it.",
        "Best regards,\nKarin, Support",
    ],
)
def test_the_gate_lets_plain_replies_through(rewrite: str) -> None:
    assert sendable.problem("Draft.", rewrite, _calm) is None


def test_the_gate_refuses_what_the_model_calls_unkind_and_frames_only_cold(engine: Engine) -> None:
    assert engine.model is not None
    tone = sendable.sentence_probability(engine.model, {})
    assert sendable.problem("x", "It's really not that hard to understand.", tone)
    # A terse fact the shipped model reads as cold. Which one moves with each refit: "Fees
    # apply." fell below when short rude drafts' other sentences became polite context in
    # training, "Charges apply." with the twenty-third writer's corpus.
    cold = "Fees apply."
    assert sendable.problem("x", cold, tone)
    warm = frame.framed(cold)
    assert warm is not None and sendable.problem("x", warm, tone) is None


def test_the_frame_promises_nothing_and_skips_warm_replies() -> None:
    for draft in ("The fare is non-refundable.", "We can't refund that.", "No charge applies."):
        warm = frame.framed(draft)
        assert warm is not None and guards.broken_guards(draft, warm) == []
    assert frame.framed("Hi Sam, it shipped.") is None
    assert frame.framed("It shipped. Thanks!") is None


def test_a_model_flagged_sentence_of_pure_attitude_may_be_dropped() -> None:
    from bot.rephrase.models import Finding
    from bot.rephrase.units import attitude_only as _attitude_only

    draft = "Calm down, the bills are separate. Is that clear now? They arrive on 3 May."
    picked = [Finding("tone", "high", 0, 9, "Calm down", "", "", ("",), "phrase:calm")]
    extra = _attitude_only(draft, picked, frozenset({"Is that clear now?"}))
    assert [f.text for f in extra] == ["Is that clear now?"]
    assert _attitude_only(draft, picked, frozenset()) == []
    facts = frozenset({"They arrive on 3 May."})
    assert _attitude_only(draft, picked, facts) == []  # it carries information


def test_a_tautology_is_not_a_reason_to_send() -> None:
    from bot.rephrase import sendable

    for line in ("Stock is stock.", "Policy is policy, sorry.", "It is what it is."):
        assert "brush" in (sendable.problem(line + " X", line, lambda s: (0.0, "")) or "")
    assert sendable.problem("x", "The fee is £5.", lambda s: (0.0, "")) is None


def test_one_loud_word_left_in_a_changed_sentence_still_shouts() -> None:
    from bot.rephrase import sendable

    calm = lambda s: (0.0, "")  # noqa: E731
    draft = "we CAN'T read your meter if the dog is LOOSE!!!"
    assert "shout" in (sendable.problem(draft, "We can't read it if the dog is LOOSE.", calm) or "")
    assert sendable.problem(draft, "Use code WELCOME at checkout.", calm) is None
    assert sendable.problem(draft, "Your SIM card is in the post.", calm) is None
    # a short capitalised word the shouting draft had, left in a sentence the rewrite changed
    loud = "your money's on its WAY. banks take DAYS, not minutes!!!"
    kept = "Your money's on its WAY. Banks take DAYS, not minutes."
    assert "shout" in (sendable.problem(loud, kept, calm) or "")
    calmed = "Your money's on its way. Banks take days, not minutes."
    assert sendable.problem(loud, calmed, calm) is None


def test_a_changed_sentence_that_still_blames_is_not_sendable() -> None:
    from bot.rephrase import sendable

    def calm(sentence: str) -> sendable.Tone:
        return 0.0, ""

    draft = "blame the sorting centre, not me"
    assert sendable.problem(draft, "Blame the sorting centre.", calm) is not None
    kept = "It's not your fault. The parcel left today."  # the agent's own words: kept as written
    assert sendable.problem(kept, kept, calm) is None


def test_a_rewrite_of_only_a_sign_off_says_nothing() -> None:
    from bot.rephrase.rewrite import _says_something

    assert not _says_something("Regards, Support.")
    assert _says_something("Hi Carla, the money leaves your account.")
    assert _says_something("Of course, we'll hold the room.")
