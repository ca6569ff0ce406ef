"""Each meaning guard on its own: a pair that breaks it, and a pair that keeps it."""

from __future__ import annotations

import pytest

from bot.rephrase.guards import GUARDS, broken_guards

BROKEN = [
    (
        "refusal-stays-refusal",
        "There's no way we can refund that.",
        "Let me find a way to refund that.",
    ),
    ("refusal-stays-refusal", "We can't do that.", "Do that."),
    ("reassurance-kept", "We never share your data.", "We don't usually share your data."),
    ("reassurance-kept", "There's no charge for this.", "There's a small charge for this."),
    ("reassurance-kept", "You don't need to do anything.", "You may need to do something."),
    ("no-admitted-fault", "Mistakes were made on both sides.", "We made a mistake on both sides."),
    ("no-admitted-fault", "The parcel was late.", "The parcel was late, our mistake."),
    (
        "no-admitted-fault",
        "It's your fault for not keeping an eye on the kids.",
        "I'm sorry for not keeping an eye on the kids.",
    ),
    ("no-admitted-fault", "It was missed.", "Apologies for missing your call."),
    ("no-added-offer", "The parcel was late.", "The parcel was late; here is a refund."),
    ("no-added-offer", "It ships soon.", "It ships tomorrow."),
    ("no-added-offer", "The fee applies.", "The fee applies, with 10% off."),
    ("no-added-commitment", "The parcel was late.", "The parcel was late. I'll chase it."),
    # "Not much I can do" refuses: it is no commitment that an "I'll …" may replace (rewrite8)
    (
        "no-added-commitment",
        "The club was shut. Not much I can do, it's out of my hands.",
        "The club was shut. I'll hand this to the right person and follow up with you.",
    ),
    ("no-added-commitment", "There's little we can do.", "We'll sort it out."),
    ("same-actor", "You sent the wrong file.", "We sent the wrong file."),
    ("same-actor", "The order was cancelled.", "We cancelled the order."),
    ("no-apology-where-refused", "Rules are rules, sorry not sorry.", "I'm sorry."),
    ("no-apology-where-refused", "I won't apologise for the fee.", "Apologies, the fee applies."),
]
KEPT = [
    ("There's no way we can refund that.", "We aren't able to refund that."),
    ("We can't do that, as I said.", "We can't do that."),
    ("We never share your data, obviously.", "We never share your data."),
    ("Sorry, it was our mistake.", "It was our mistake."),
    ("It ships tomorrow, calm down.", "It ships tomorrow."),
    ("I'll chase it. Stop calling.", "I'll chase it."),
    ("You sent the wrong file, clearly.", "You sent the wrong file."),
    ("Calm down. It renews on 1 March.", "It renews on 1 March."),
    # sorry for a situation, not for a deed, admits nothing
    ("Stop complaining about the wait.", "I'm sorry for the wait."),
    ("Whatever.", "I'm sorry to hear that."),
    # an apology the draft made stays; a refused one may simply go
    ("Sorry for the wait. I'm not sorry about the rule.", "Sorry for the wait. The rule applies."),
    ("Sorry not sorry, the fee applies.", "The fee applies."),
]


@pytest.mark.parametrize(("name", "draft", "rewrite"), BROKEN)
def test_each_guard_catches_its_change(name: str, draft: str, rewrite: str) -> None:
    assert name in [g.name for g in broken_guards(draft, rewrite)]


@pytest.mark.parametrize(("draft", "rewrite"), KEPT)
def test_tone_changes_break_no_guard(draft: str, rewrite: str) -> None:
    assert broken_guards(draft, rewrite) == []


def test_every_guard_is_named_tested_and_explained() -> None:
    assert {g.name for g in GUARDS} == {name for name, _, _ in BROKEN}
    assert all(g.reason.startswith("it would have") for g in GUARDS)
