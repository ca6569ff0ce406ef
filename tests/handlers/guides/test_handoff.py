from __future__ import annotations

from dataclasses import replace

from bot.content import Content
from bot.guides.state import GuideState
from handlers.calllog.modal import CallPrefill
from handlers.guides.handoff import call_prefill, form_note


def test_the_form_names_every_guide_walked_and_ticks_the_steps(content: Content) -> None:
    state = GuideState.start("general").go(1).switch("on-hold").go(1)
    prefill = call_prefill(content, state)
    assert prefill.notes == "Guides used: Angry caller and Putting someone on hold. "
    assert prefill.steps == ("general:1", "general:2", "on-hold:1", "on-hold:2")
    assert prefill.category is None and prefill.heat is None and prefill.outcome is None
    assert form_note(content, state) == (
        "From the *Angry caller* and *Putting someone on hold* guides: the steps you walked "
        "are ticked."
    )


def test_three_guides_are_listed_in_the_order_walked(content: Content) -> None:
    state = GuideState.start("on-hold").switch("general").switch("abusive-caller")
    assert call_prefill(content, state).notes == (
        "Guides used: Putting someone on hold, Angry caller and Abusive caller. "
    )


def test_a_card_that_no_longer_fits_opens_an_empty_form(content: Content) -> None:
    assert call_prefill(content, None) == CallPrefill() and form_note(content, None) == ""
    gone = GuideState.start("retired-guide")
    assert call_prefill(content, gone) == CallPrefill() and form_note(content, gone) == ""


def test_a_team_guide_name_is_escaped_in_the_note(content: Content) -> None:
    general = replace(content.general_guide, name="<!channel> & co")
    team = replace(content, guides=(general, *content.scenarios))
    note = form_note(team, GuideState.start("general"))
    assert "<!channel>" not in note and "&lt;!channel&gt; &amp; co" in note
    assert call_prefill(team, GuideState.start("general")).notes == "Guide used: <!channel> & co. "
