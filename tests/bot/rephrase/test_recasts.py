"""Sentence-level recasts: each family rewords the attitude and keeps the information."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rephrase import dropped, recasts
from bot.rephrase.candidates import candidates
from bot.rephrase.models import Finding
from bot.rephrase.recast_table import Recast

ALL = frozenset(
    {"impatience", "passive-aggressive", "condescending", "blame", "dismissive", "cold"}
)


def _finding(sentence: str, kind: str) -> Finding:
    return Finding(
        kind=kind,
        severity="high",
        start=0,
        end=len(sentence),
        text=sentence,
        why="",
        tip="",
        suggestions=(),
        rule="model:test",
    )


def _first(sentence: str, kind: str) -> str:
    return next(candidates(sentence, [_finding(sentence, kind)]))


@pytest.mark.parametrize(
    ("sentence", "kind", "expected"),
    [
        (
            "I told you twice already, the refund takes 5 days.",
            "impatience",
            "The refund takes 5 days.",
        ),
        (
            "As I already explained, we don't do exchanges on sale items.",
            "passive-aggressive",
            "To recap, we don't do exchanges on sale items.",
        ),
        ("Calm down, sir.", "condescending", "I can hear how frustrating this is."),
        ("Read the policy next time.", "cold", "You can find all the details in the policy."),
        (
            "You should have read the email we sent.",
            "blame",
            "The details are in the email we sent.",
        ),
        ("You didn't even read the instructions.", "blame", "The details are in the instructions."),
        (
            "For the third time, your parcel left on Monday.",
            "impatience",
            "Your parcel left on Monday.",
        ),
        (
            "Dear Ms. Lee, I've told you before that the van doesn't do Sundays.",
            "impatience",
            "Dear Ms. Lee, the van doesn't do Sundays.",
        ),
        (
            "Hi Jo, it's really simple: the money leaves your account on the 3rd.",
            "condescending",
            "Hi Jo, the money leaves your account on the 3rd.",
        ),
        (
            "I don't make the rules, but the terms state a fee applies.",
            "dismissive",
            "The terms state a fee applies.",
        ),
        ("No refunds on sale items, end of story.", "dismissive", "No refunds on sale items."),
        (
            "Per my last email, the refund went out on 3 May.",
            "passive-aggressive",
            "The refund went out on 3 May.",
        ),
        (
            "Listen, the engineer comes on Tuesday.",
            "condescending",
            "The engineer comes on Tuesday.",
        ),
        ("The fee stays, that's just how it is.", "dismissive", "The fee stays."),
        ("Says so on the checkout page.", "impatience", "You'll find this on the checkout page."),
        (
            "Hello Greta, as previously communicated, storage fees apply after 5 days.",
            "passive-aggressive",
            "Hello Greta, to recap, storage fees apply after 5 days.",
        ),
        (
            "Per our previous conversation, the claim needs the estimate.",
            "passive-aggressive",
            "To recap, the claim needs the estimate.",
        ),
        (
            "Dear Sir, as I'm sure you're aware, meters measure usage.",
            "condescending",
            ("Dear Sir, meters measure usage."),
        ),
        (
            "I'm sure you're very busy, but we need payment by Friday.",
            "passive-aggressive",
            ("We need payment by Friday."),
        ),
        (
            "Not sure if you saw my last message, but the refund's gone through.",
            "passive-aggressive",
            "The refund's gone through.",
        ),
        (
            "Just to help you along: colours may look different on screen.",
            "condescending",
            "Colours may look different on screen.",
        ),
        (
            "Friendly reminder that the clinic is closed on Sundays, as mentioned previously.",
            "passive-aggressive",
            "The clinic is closed on Sundays.",
        ),
        (
            "It's a minor bug with a workaround, so it's not really a big deal.",
            "minimising",
            "It's a minor bug with a workaround.",
        ),
        (
            "It was only on the account overnight, so no harm done really.",
            "minimising",
            ("It was only on the account overnight."),
        ),
        ("It's one day late, it's not the end of the world.", "dismissive", ("It's one day late.")),
        (
            "Let me spell it out for you: the form is on page 2.",
            "condescending",
            ("The form is on page 2."),
        ),
        ("Just send it already.", "impatience", "Please send it."),
        (
            "The transfer is included, please refer back to those emails.",
            "impatience",
            "The transfer is included.",
        ),
        (
            "It's standard practice, even if it seems complicated to you.",
            "condescending",
            "It's standard practice.",
        ),
        (
            "Sorry, policy is policy, sir: the gym opens at 6am.",
            "rule-quoting",
            "The gym opens at 6am.",
        ),
        (
            "I'm afraid the terms are our terms, parcels over 20kg go by freight.",
            "dismissive",
            "Parcels over 20kg go by freight.",
        ),
        ("It's common sense.", "condescending", ""),
        ("Where else would it be?", "condescending", ""),
        ("I shouldn't have to walk you through this.", "condescending", ""),
        ("I'd have thought you'd know that by now.", "condescending", ""),
        ("Not much more I can add.", "dismissive", ""),
        ("Please see my previous emails.", "passive-aggressive", ""),
    ],
)
def test_a_recast_keeps_the_information(sentence: str, kind: str, expected: str) -> None:
    assert _first(sentence, kind) == expected


def test_a_simple_lead_in_before_a_truism_is_not_cut() -> None:
    # Without a fact after it, what the lead-in announced as simple is still pitched as obvious.
    sentence = "Hi Jo, it's really simple: the money leaves your account first."
    assert next(candidates(sentence, [_finding(sentence, "condescending")]), None) != (
        "Hi Jo, the money leaves your account first."
    )


def test_a_recast_needs_a_kind_it_was_written_for() -> None:
    sentence = "You should have read the email we sent."
    assert not list(recasts.edits(sentence, frozenset({"jargon"})))
    assert list(recasts.edits(sentence, frozenset({"blame"})))


def test_a_lead_in_only_at_a_clause_start() -> None:
    # "as I said" inside a clause is not a lead-in to drop
    assert not list(recasts.edits("Do it as I said, please.", ALL))


def test_a_clause_recast_is_not_made_under_a_subordinating_word() -> None:
    """rewrite8: "No worries that you didn't read the confirmation" is no place for "the
    details are in the confirmation"; where the clause stands alone it is."""
    under = "No worries that you didn't read the confirmation."
    assert not any("details are in" in c for c in candidates(under, [], frozenset({"blame"})))
    alone = "You didn't read the confirmation."
    assert any("details are in" in c for c in candidates(alone, [], frozenset({"blame"})))


def test_a_closing_tag_needs_its_separator() -> None:
    # "period" as a noun ("the 30-day period") is information, not a door shut
    assert not list(recasts.edits("Returns are free within the 30-day period.", ALL))
    # a tag only closes a sentence: "not a big deal" inside one may be the information
    assert not list(recasts.edits("It's not a big deal to change the date online.", ALL))


def test_a_closing_tag_is_found_in_a_whole_draft_too() -> None:
    # the content guard reads the whole draft: a tag before the next sentence is excused
    draft = "The outage was short, so it's really not a big issue. Regards"
    assert dropped.lost_content(draft, "The outage was short. Regards") is None


def test_a_new_lead_in_keeps_what_follows_it_as_content() -> None:
    # the words a lead-in removes are excused; the information after it is not
    draft = "As previously communicated, storage fees apply after 5 days."
    assert dropped.lost_content(draft, "Storage fees apply after 5 days.") is None
    assert dropped.lost_content(draft, "") == "information"
    assert dropped.lost_content("Not much more I can add.", "") is None


def test_the_content_guard_excuses_what_a_recast_removes() -> None:
    draft = "I told you twice already, the refund takes 5 days."
    assert dropped.lost_content(draft, "The refund takes 5 days.") is None
    assert dropped.lost_content("Calm down, sir.", "") is None


def test_the_content_guard_still_guards_the_source_a_lecture_points_at() -> None:
    draft = "Read the policy next time."
    assert dropped.lost_content(draft, "") == "information"
    assert dropped.lost_content(draft, "You'll find the details in the policy.") is None
    blame = "You should have read the email we sent."
    assert dropped.lost_content(blame, "") == "information"


def test_whole_sentence_recasts_are_known_as_such() -> None:
    assert recasts.whole_sentence("Is that clear now?")
    assert recasts.whole_sentence("Calm down, sir.")
    assert not recasts.whole_sentence("Your parcel is clear of customs now.")


def test_a_lead_in_needs_a_main_clause_after_it() -> None:
    sentence = "As I already explained, which I'll now explain again more simply for you:"
    assert not [e for e in recasts.edits(sentence, ALL) if e and e[0][0] == 0]


def test_edge_words_go_only_with_a_recast() -> None:
    # "simply" alone is no rewrite (a dig stays a dig); with a recast it goes too, but not
    # after a degree word, where it says how ("more simply")
    assert not list(recasts.edits("That's simply how it works.", ALL))
    assert _first("That's simply how it works, end of story.", "dismissive") == (
        "That's how it works."
    )
    assert _first("I said it more simply, end of story.", "dismissive") == (
        "I said it more simply."
    )


def test_a_recast_takes_the_other_findings_first_edit_along() -> None:
    sentence = "Says so on the checkout page!!!"
    pile = Finding(
        kind="shouting",
        severity="medium",
        start=28,
        end=31,
        text="!!!",
        why="",
        tip="",
        suggestions=(".",),
        rule="exclamation-pile",
    )
    found = list(candidates(sentence, [pile], frozenset({"impatience"})))
    assert "You'll find this on the checkout page." in found[:2]


def test_a_source_stops_before_a_clause_of_its_own() -> None:
    # "before you signed up" says when the reading was due, not where the details are
    edits = list(recasts.edits("You should have read the terms before you signed up.", ALL))
    assert not any("before" in text for e in edits for *_, text in e)
    assert _first("You should have read the terms.", "blame") == "The details are in the terms."


_CUED = [r for r in recasts.RECASTS if r.cue is not None]


@pytest.mark.parametrize("recast", _CUED, ids=[r.name for r in _CUED])
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_a_cue_is_in_every_text_its_recast_matches(recast: Recast, data: st.DataObject) -> None:
    # the cheap test only spares texts the recast could never match
    assert recast.cue is not None
    text = data.draw(st.from_regex(recast.pattern))
    assert recast.cue.search(text)


def test_only_recasts_that_may_stand_anywhere_are_searched_for() -> None:
    anywhere = [r.name for r in recasts.RECASTS if not (r.whole or r.lead_in)]
    assert anywhere == [r.name for r in _CUED]
