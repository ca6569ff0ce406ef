"""The engine's checks one by one, and the rewrite's seams."""

from __future__ import annotations

import pytest

from bot.rephrase import Engine, analyse, frame
from bot.rephrase.candidates import candidates


def _rules(engine: Engine, text: str) -> list[str]:
    return [f.rule for f in engine.findings(text) if f.serious]


def test_the_brief_example() -> None:
    analysis = analyse("You're wrong, calm down. Your parcel left the depot at 9.")
    assert [f.text for f in analysis.findings] == ["You're wrong", "calm down"]
    assert "wrong" not in analysis.rewrite
    assert "calm down" not in analysis.rewrite
    assert analysis.rewrite_score > analysis.score
    # Alone, nothing in it is information: a rewrite would be only the bot's own words.
    alone = analyse("You're wrong, calm down.")
    assert alone.rewrite_status == "withheld" and alone.rewrite == "You're wrong, calm down."


@pytest.mark.parametrize(
    "text",
    ["You're right", "No problem at all!", "Hello from Scunthorpe!", "Your new PIN and ATM card."],
)
def test_kind_or_ordinary_text_is_not_flagged(engine: Engine, text: str) -> None:
    assert _rules(engine, text) == []


def test_not_our_problem_is_flagged(engine: Engine) -> None:
    assert "not-our-problem" in _rules(engine, "Sorry, that is not our problem.")


@pytest.mark.parametrize(
    ("text", "shout"),
    [
        ("I SAID it ships today.", "I SAID"),
        ("It arrives on MONDAY.", "MONDAY"),
        ("THE SERVERS ARE DOWN.", "THE SERVERS ARE DOWN"),
    ],
)
def test_capitals_that_shout(engine: Engine, text: str, shout: str) -> None:
    assert [f.text for f in engine.findings(text) if f.kind == "shouting"] == [shout]


@pytest.mark.parametrize(
    "text", ["Your PIN, SMS code and VIP pass", "Order ORD-99812 via the API", "NBA 2K26 on PSN"]
)
def test_acronyms_are_not_shouting(engine: Engine, text: str) -> None:
    assert [f for f in engine.findings(text) if f.kind == "shouting"] == []


def test_profanity_needs_whole_words(engine: Engine) -> None:
    assert [f.text for f in engine.findings("The damn courier.") if f.kind == "profanity"] == [
        "damn"
    ]
    safe = "Scunthorpe scrapbook, hello, shell, assess, classic"
    assert [f for f in engine.findings(safe) if f.kind == "profanity"] == []


def test_jargon_wall_is_medium_and_explained_in_the_rewrite(engine: Engine) -> None:
    analysis = engine.analyse("Your ONT shows LOS, so the NOC booked a truck roll.")
    assert {f.severity for f in analysis.findings if f.kind == "jargon"} == {"medium"}
    assert "ONT (the box where the fibre line enters your home)" in analysis.rewrite
    one = engine.findings("Your SLA is 4 hours.")
    assert [(f.kind, f.severity) for f in one] == [("jargon", "low")]


def test_passive_evasion_is_not_turned_into_an_admission(engine: Engine) -> None:
    # "We made a mistake" admits a fault the draft did not: the rewrite is withheld.
    analysis = engine.analyse("Mistakes were made with your order.")
    assert analysis.rewrite_status == "withheld"
    assert analysis.rewrite == "Mistakes were made with your order."
    assert "admitted a fault" in analysis.rewrite_reason


def test_long_sentence_is_a_low_finding(engine: Engine) -> None:
    text = " ".join(["word"] * 45) + "."
    found = [(f.kind, f.severity) for f in engine.findings(text) if not f.rule.startswith("model:")]
    assert found == [("long-sentence", "low")]


def test_quoted_customer_words_are_not_the_agents(engine: Engine) -> None:
    assert _rules(engine, 'You wrote "calm down, it is not our problem" and I am sorry.') == []


def test_a_refusal_with_a_way_forward_is_softened(engine: Engine) -> None:
    assert _rules(engine, "We can't refund it, but what I can do is send a new one.") == []
    # Bare, it is still a finding; whether medium or a low hint is the model's call, since
    # "we can't" also fired on polite training drafts (a gated rule).
    assert "we-cant" in [f.rule for f in engine.findings("We can't refund it.")]


def test_nudges(engine: Engine) -> None:
    kinds = {n.kind for n in engine.analyse("We can't refund it.", "It broke, again!").nudges}
    assert kinds == {"thanks", "apology", "next-step", "way-forward"}
    polite = "Thanks, and I'm sorry it broke. I'll send a new one by 5 pm today."
    assert engine.analyse(polite, "It broke!").nudges == ()


def test_no_nudges_on_a_short_confirmation(engine: Engine) -> None:
    assert engine.analyse("Done, your address is updated.").nudges == ()
    assert engine.analyse("Your refund of $12 went out today.\nAnything else?").nudges == ()


def test_no_thanks_nudge_on_a_reply_that_thanks(engine: Engine) -> None:
    long_reply = "Thanks for writing in. " + "Your plan renews on 1 March at the same price. " * 6
    assert "thanks" not in {n.kind for n in engine.analyse(long_reply).nudges}
    cold = "Your plan renews on 1 March at the same price. " * 6
    assert "thanks" in {n.kind for n in engine.analyse(cold).nudges}


def test_a_bare_command_left_alone_is_withheld(engine: Engine) -> None:
    # "Ask the garage." alone reads as an order, framed or not (read one by one).
    assert engine.analyse("That's not my problem, ask the garage.").rewrite_status == "withheld"


def test_rewrite_seams(engine: Engine) -> None:
    assert engine.analyse("Why are you so upset? It ships today.").rewrite == "It ships today."
    # Alone, "That's on me." reads cold to the model (about 0.94, at its medium threshold):
    # it gets the warm frame or, when even framed it scores above medium, is withheld.
    # Either way "Lol" is never offered.
    lol = engine.analyse("Lol, that's on me.")
    assert lol.rewrite_status == "withheld" or "That's on me." in lol.rewrite
    # Alone, "Come in." is a bare command: curt, framed or not, so it is withheld.
    assert engine.analyse("Come in like you were told.").rewrite_status == "withheld"
    # The seam itself: the rude lead goes and the fact starts the sentence. Whether it is
    # offered depends on how the tone model reads "It shipped." alone (the word-vector model
    # reads it as low shouting, so it is withheld): either way "wrong" is never offered.
    text = "You\u2019re wrong, it shipped."
    assert next(candidates(text, [f for f in engine.findings(text) if f.serious])) == "It shipped."
    wrong = engine.analyse(text)
    assert (
        ("wrong" not in wrong.rewrite and "shipped." in wrong.rewrite)
        if wrong.offered
        else (wrong.rewrite == text)
    )


def test_curly_apostrophes_keep_their_offsets(engine: Engine) -> None:
    text = "Mrs. O\u2019Brien, it\u2019s not my fault."
    (finding,) = [f for f in engine.findings(text) if f.serious]
    assert text[finding.start : finding.end] == finding.text == "it\u2019s not my fault"
    assert "O\u2019Brien" in engine.analyse(text).rewrite


def test_score_is_bounded_and_orders_politeness(engine: Engine) -> None:
    rude = engine.score("Calm down. You're wrong. Stop calling.")
    kind = engine.score("Hi Sam, thank you, and I'm sorry for the wait. Could you send a photo?")
    assert -1 <= rude < 0 < kind <= 1


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "There's no way you could have known.",
            # The rules leave it alone; the model refitted on 14,858 drafts reads it as cold
            # at medium. A known false flag, kept visible rather than tuned away.
            marks=pytest.mark.xfail(reason="model reads it as cold at medium", strict=False),
        ),
        "No, you're not wrong.",
        "It wasn't your fault at all.",
        "We can't wait to see you on Friday.",
        "No problem, I've sorted it.",
    ],
)
def test_kind_negations_are_not_flagged(engine: Engine, text: str) -> None:
    assert _rules(engine, text) == []


def test_one_finding_per_phrase(engine: Engine) -> None:
    # Two rules match "You're wrong about"; the agent is told about it once.
    found = engine.findings("You're wrong about the fee.")
    assert [(f.rule, f.text) for f in found if f.serious] == [
        ("youre-wrong-about", "You're wrong about")
    ]
    found = engine.findings("That is not our problem.")
    assert [f.text for f in found if f.serious] == ["That is not our problem"]


@pytest.mark.parametrize(
    ("draft", "rewrite"),
    [
        ("Calm down please. It left at 9.", "I can hear how frustrating this is. It left at 9."),
        # "Late work loses 10%." alone read as cold at medium from the 23-writer model on,
        # so that draft is withheld now; the tag is what this pins.
        ("Late fees are 10%, no exceptions.", "Late fees are 10%."),
        ("Check-in is at 3 pm. Rules are rules.", "Check-in is at 3 pm."),
        (
            "If you\u2019d read O'Brien's letter, you\u2019d know it shipped.",
            "As O'Brien's letter mentions, it shipped.",
        ),
    ],
)
def test_rewrites_read_naturally(engine: Engine, draft: str, rewrite: str) -> None:
    # Whether a curt fact gets the warm frame is the tone model's call (its thresholds move
    # with each retrain); the wording inside it is what is pinned.
    got = engine.analyse(draft).rewrite
    assert got == rewrite or (not frame.is_framed(rewrite) and got == frame.framed(rewrite))


def test_a_rewrite_is_the_clean_sentence_or_withheld(engine: Engine) -> None:
    # Whether this one is offered depends on the trained model's thresholds; it must never be
    # anything but the information without the brush-off.
    draft = "That\u2019s not my problem, the carrier\u2019s team handles claims like this one."
    analysis = engine.analyse(draft)
    assert analysis.rewrite in ("The carrier\u2019s team handles claims like this one.", draft)
    assert analysis.offered or analysis.rewrite == draft
