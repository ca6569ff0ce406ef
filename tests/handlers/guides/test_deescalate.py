"""/deescalate end to end: the real app, signed requests, the fake Slack checking Block Kit."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest

from bot.calllog.log import CallLog
from bot.content import Guide, load_content
from bot.guides.lookup import example_word
from bot.text import escape
from handlers.console.fakeslack.server import ApiCall
from handlers.console.repl import Console
from handlers.ids import CallLogBlock, GuideAction
from tests.harness import AGENT, CHANNEL, Harness

CONTENT = load_content()
GUIDES = {guide.id: guide for guide in CONTENT.guides}


def press(bot: Harness, call: ApiCall, label: str, *, method: str = "", **kw: str) -> ApiCall:
    """Press `label` in `call` and return the reply it causes (by default, of the same kind)."""
    method = method or ("views.update" if call.method.startswith("views.") else "response_url")
    before = len(bot.fake.calls_to(method))
    bot.click(call, label, **kw)
    return bot.wait(method, count=before + 1)


def labels(bot: Harness, call: ApiCall) -> list[str]:
    from tests.harness import render_call

    return [control.label for control in render_call(call).controls]


def raw(call: ApiCall) -> str:
    return json.dumps(call.args.get("blocks") or call.args.get("view"), ensure_ascii=False)


def sections(call: ApiCall) -> str:
    """The mrkdwn of every section, as sent (not unescaped)."""
    blocks = call.args.get("blocks") or (call.args.get("view") or {}).get("blocks") or []
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section")


def every_step(guide: Guide) -> list[str]:
    return [f"{guide.id}:{n}" for n in range(1, len(guide.steps) + 1)]


def ticked(form: ApiCall) -> tuple[str, ...]:
    """The steps ticked in the call-log form's "De-escalation steps used" menu."""
    steps = next(b for b in form.args["view"]["blocks"] if b.get("block_id") == CallLogBlock.STEPS)
    return tuple(option["value"] for option in steps["element"].get("initial_options", []))


def open_guide(bot: Harness, guide: Guide) -> ApiCall:
    bot.command("/deescalate", "" if guide.kind == "general" else example_word(CONTENT, guide))
    return bot.wait("response_url")


def assert_step(bot: Harness, call: ApiCall, guide: Guide, number: int) -> None:
    shown = bot.text(call)
    step = guide.steps[number - 1]
    assert f"Step {number} of {len(guide.steps)}" in shown
    assert step.title in shown and step.do in shown
    if step.phrase:
        assert "\n>" + escape(step.phrase) in sections(call)  # set apart as a quote, easy to copy
    tip = CONTENT.tip(step.tips[0])
    assert tip.title in shown and tip.source.title in shown
    controls = labels(bot, call)
    assert ("Back" in controls) == (number > 1)
    assert ("Start over" in controls) == (number > 1)
    last = number == len(guide.steps)
    assert ("Next" in controls) != last
    assert "Log this call" in controls and ("Done" in controls) == last  # a call can end anywhere
    assert "Customer on hold" in controls and "Switch scenario" in controls


@pytest.mark.parametrize("guide_id", list(GUIDES))
def test_walk_every_guide_with_next_back_and_start_over(bot: Harness, guide_id: str) -> None:
    guide = GUIDES[guide_id]
    card = open_guide(bot, guide)
    assert card.args["response_type"] == "ephemeral"
    assert_step(bot, card, guide, 1)
    for number in range(2, len(guide.steps) + 1):
        card = press(bot, card, "Next")
        assert card.args["replace_original"] is True  # updated in place: the channel stays clean
        assert_step(bot, card, guide, number)
    card = press(bot, card, "Back")
    assert_step(bot, card, guide, len(guide.steps) - 1)
    card = press(bot, card, "Start over")
    assert_step(bot, card, guide, 1)
    for _ in guide.steps[1:]:
        card = press(bot, card, "Next")
    assert_step(bot, card, guide, len(guide.steps))
    thanks = press(bot, card, "Done")
    assert thanks.args["replace_original"] is True
    assert "Thank you for working through it" in bot.text(thanks)
    assert labels(bot, thanks) == []
    assert bot.fake.calls_to("chat.postMessage", "chat.postEphemeral") == []


def test_a_word_jumps_to_its_scenario(bot: Harness) -> None:
    # More spellings are covered by the lookup's unit and property tests.
    typed = {
        "On-Hold!": "on-hold",
        "abusive": "abusive-caller",
        "he keeps swearing at me": "abusive-caller",
        "social": "social-media",
        "policies": "policy-no",
    }
    for count, (words, guide_id) in enumerate(typed.items(), start=1):
        bot.command("/deescalate", words)
        assert_step(bot, bot.wait("response_url", count=count), GUIDES[guide_id], 1)


def test_an_unknown_scenario_lists_them_all_and_escapes_what_was_typed(bot: Harness) -> None:
    bot.command("/deescalate", "<!channel> <@U0BOSS> zebra & co")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = bot.text(reply)
    assert "I couldn't find a guide" in shown
    for guide in CONTENT.scenarios:
        assert guide.name in shown
        assert f"/deescalate {example_word(CONTENT, guide)}" in shown
    blocks = raw(reply)
    assert "<!channel>" not in blocks and "<@U0BOSS>" not in blocks
    assert "&lt;!channel&gt; &lt;@U0BOSS&gt; zebra &amp; co" in blocks
    assert "<!channel>" not in reply.args["text"] and "&lt;!channel&gt;" in reply.args["text"]
    # The list's picker starts the chosen scenario.
    card = press(bot, reply, "Switch scenario", option="Policy says no")
    assert_step(bot, card, GUIDES["policy-no"], 1)


def test_help_lists_the_scenarios_without_calling_it_a_miss(bot: Harness) -> None:
    bot.command("/deescalate", "help")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = bot.text(reply)
    assert "De-escalation guides" in shown and "couldn't find" not in shown
    for guide in CONTENT.scenarios:
        assert f"/deescalate {example_word(CONTENT, guide)}" in shown
    card = press(bot, reply, "Switch scenario", option="Repeat caller")
    assert_step(bot, card, GUIDES["repeat-caller"], 1)


def test_switching_scenario_keeps_the_steps_walked_for_the_call_log(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    card = press(bot, card, "Next")
    card = press(bot, card, "Switch scenario", option="Abusive caller")
    abusive = GUIDES["abusive-caller"]
    assert_step(bot, card, abusive, 1)
    for _ in abusive.steps[1:]:
        card = press(bot, card, "Next")
    log_button = bot.control(card, "Log this call")
    assert log_button.action_id == GuideAction.LOG
    walked = ("general:1", "general:2", *every_step(abusive))
    form = press(bot, card, "Log this call", method="views.open")
    assert ticked(form) == walked
    general = GUIDES["general"].name
    assert f"From the *{general}* and *Abusive caller* guides" in bot.text(form)
    replies = len(bot.fake.calls_to("response_url"))
    response = bot.submit(form, contact="phone", category="billing", heat="4", outcome="resolved")
    assert response.status == 200 and not response.body
    # Where the agent started; the step cards came back by the same response_url before.
    assert "Logged call" in bot.text(bot.wait("response_url", count=replies + 1))
    stored = CallLog(bot.services.store).get("1")
    assert stored is not None
    assert stored.steps == walked
    assert stored.notes.startswith(f"Guides used: {general} and Abusive caller.")


def test_log_this_call_from_a_middle_step_opens_the_form_with_the_steps_so_far(
    bot: Harness,
) -> None:
    card = press(bot, open_guide(bot, GUIDES["on-hold"]), "Next")
    form = press(bot, card, "Log this call", method="views.open")
    assert ticked(form) == ("on-hold:1", "on-hold:2")
    assert "From the *Putting someone on hold* guide" in bot.text(form)
    replies = len(bot.fake.calls_to("response_url"))
    bot.submit(form, contact="chat", category="billing", heat="2", outcome="resolved")
    bot.wait("response_url", count=replies + 1)  # stored once the confirmation is on its way
    stored = CallLog(bot.services.store).get("1")
    assert stored is not None and stored.notes.startswith("Guide used: Putting someone on hold.")


def test_hold_timer_nudges_once_after_a_minute_with_the_words_to_use(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    card = press(bot, card, "Customer on hold")
    assert "Back with customer" in labels(bot, card) and "Customer on hold" not in labels(bot, card)
    assert "Customer on hold since 08:00:00" in bot.text(card)  # 14:00 UTC in Chicago
    bot.clock.advance(timedelta(seconds=59))
    bot.tick()
    assert bot.fake.calls_to("chat.postEphemeral") == []
    bot.clock.advance(timedelta(seconds=2))
    bot.tick()
    nudge = bot.wait("chat.postEphemeral")
    assert nudge.args["channel"] == CHANNEL and nudge.args["user"] == AGENT
    assert "on hold for a minute" in bot.text(nudge)
    assert (
        "Thank you for holding" in bot.text(nudge) and "Thank you for holding" in nudge.args["text"]
    )
    bot.clock.advance(timedelta(minutes=5))
    bot.tick()
    assert len(bot.fake.calls_to("chat.postEphemeral", "chat.postMessage")) == 1


def test_back_with_customer_cancels_the_nudge(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["on-hold"])
    card = press(bot, card, "Customer on hold")
    card = press(bot, card, "Back with customer")
    assert "Customer on hold" in labels(bot, card) and "on hold since" not in bot.text(card)
    assert_step(bot, card, GUIDES["on-hold"], 1)
    bot.clock.advance(timedelta(seconds=61))
    bot.tick()
    assert bot.fake.calls_to("chat.postEphemeral", "chat.postMessage") == []


def test_a_hold_timer_survives_a_restart(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    press(bot, card, "Customer on hold")
    bot.restart()
    bot.clock.advance(timedelta(seconds=61))
    bot.tick()
    assert "Thank you for holding" in bot.text(bot.wait("chat.postEphemeral"))


def test_the_nudge_goes_to_a_dm_where_the_bot_is_not_in_the_channel(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    press(bot, card, "Customer on hold")
    bot.fake.fail_next("chat.postEphemeral", "channel_not_found")
    bot.clock.advance(timedelta(seconds=61))
    bot.tick()
    dm = bot.wait("chat.postMessage")
    assert dm.args["channel"] == AGENT and "Thank you for holding" in bot.text(dm)


def test_cards_keep_working_after_a_restart(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    bot.restart()
    assert_step(bot, press(bot, card, "Next"), GUIDES["general"], 2)


def test_a_card_from_a_guide_that_was_removed_says_to_start_again(bot: Harness) -> None:
    card = open_guide(bot, GUIDES["general"])
    # As if a team's content folder dropped the guide after the card was shown.
    for element in card.args["blocks"][-2]["elements"]:
        if element.get("action_id") == GuideAction.NEXT:
            element["value"] = '{"g":"retired","s":1,"v":"retired:1"}'
    stale = press(bot, card, "Next")
    assert stale.args["replace_original"] is True
    assert "changed since the card was shown" in bot.text(stale)
    assert "/deescalate" in bot.text(stale) and labels(bot, stale) == []


@pytest.mark.parametrize(
    ("button", "reply"), [("Done", "response_url"), ("Log this call", "views.open")]
)
def test_ending_the_guide_cancels_a_running_hold(bot: Harness, button: str, reply: str) -> None:
    guide = GUIDES["on-hold"]
    card = open_guide(bot, guide)
    card = press(bot, card, "Customer on hold")
    for _ in guide.steps[1:]:
        card = press(bot, card, "Next")
    press(bot, card, button, method=reply)
    bot.clock.advance(timedelta(seconds=61))
    bot.tick()
    assert bot.fake.calls_to("chat.postEphemeral", "chat.postMessage") == []


def test_app_home_opens_the_guide_in_a_modal(bot: Harness) -> None:
    bot.requests.open_home()
    home = bot.wait("views.publish")
    modal = press(bot, home, "De-escalate", method="views.open")
    general = GUIDES["general"]
    assert modal.args["view"]["title"]["text"] == general.name
    assert_step(bot, modal, general, 1)
    view_id = modal.answer["view"]["id"]
    for number in range(2, len(general.steps) + 1):
        modal = press(bot, modal, "Next")
        assert modal.args["view_id"] == view_id  # the same modal, updated
        assert_step(bot, modal, general, number)
    modal = press(bot, modal, "Back")
    assert_step(bot, modal, general, len(general.steps) - 1)
    modal = press(bot, modal, "Start over")
    assert_step(bot, modal, general, 1)
    modal = press(bot, modal, "Switch scenario", option="Social media complaint")
    assert_step(bot, modal, GUIDES["social-media"], 1)
    assert modal.args["view"]["title"]["text"] == "Social media complaint"
    for _ in GUIDES["social-media"].steps[1:]:
        modal = press(bot, modal, "Next")
    pushed = press(bot, modal, "Log this call", method="views.push")
    # Every guide walked is named, the one on screen last.
    assert "From the *Angry caller* and *Social media complaint* guides" in bot.text(pushed)
    assert "social-media:1" in json.dumps(pushed.args["view"])  # the steps walked are ticked
    thanks = press(bot, modal, "Done")
    assert "Thank you for working through it" in bot.text(thanks)
    assert bot.fake.calls_to("response_url") == []


def test_logging_from_the_app_home_modal_pushes_the_form_and_confirms_by_dm(bot: Harness) -> None:
    bot.requests.open_home()
    modal = press(bot, bot.wait("views.publish"), "De-escalate", method="views.open")
    view_id = modal.answer["view"]["id"]
    modal = press(bot, modal, "Next")
    modal = press(bot, modal, "Switch scenario", option="Putting someone on hold")
    on_hold = GUIDES["on-hold"]
    for _ in on_hold.steps[1:]:
        modal = press(bot, modal, "Next")
    pushed = press(bot, modal, "Log this call", method="views.push")
    walked = ("general:1", "general:2", *every_step(on_hold))
    assert ticked(pushed) == walked
    assert bot.fake.calls_to("views.open") == [bot.wait("views.open")]  # pushed, not a new modal
    response = bot.submit(
        pushed, contact="chat", category="shipping", heat="3", outcome="escalated"
    )
    # A plain ack closes only the pushed form: the guide shows again underneath it.
    assert response.status == 200 and not response.body
    dm = bot.wait("chat.postMessage")  # a modal has no response_url: the confirmation is a DM
    assert dm.args["channel"] == AGENT and "Logged call" in bot.text(dm)
    stored = CallLog(bot.services.store).get("1")
    assert stored is not None and stored.steps == walked
    assert (stored.category, stored.heat, stored.outcome) == ("shipping", 3, "escalated")
    assert stored.notes.startswith("Guides used: Angry caller and Putting someone on hold.")
    thanks = press(bot, modal, "Done")
    assert thanks.args["view_id"] == view_id and "Thank you" in bot.text(thanks)
    assert bot.fake.calls_to("response_url") == []


def test_a_hold_from_the_modal_nudges_by_direct_message(bot: Harness) -> None:
    bot.requests.open_home()
    modal = press(bot, bot.wait("views.publish"), "De-escalate", method="views.open")
    modal = press(bot, modal, "Customer on hold")
    assert "Back with customer" in labels(bot, modal)
    bot.clock.advance(timedelta(seconds=60))
    bot.tick()
    dm = bot.wait("chat.postMessage")
    assert dm.args["channel"] == AGENT and "Thank you for holding" in bot.text(dm)
    assert bot.fake.calls_to("chat.postEphemeral") == []


# --- the console ------------------------------------------------------------------------------


def test_console_clicks_through_every_step_to_the_end(
    console: tuple[Console, io.StringIO],
) -> None:
    runner, out = console

    def click(label: str) -> None:
        assert runner.state.last is not None
        number = next(c.number for c in runner.state.last.rendered.controls if c.label == label)
        assert runner.handle(f":click {number}")

    assert runner.handle("/deescalate")
    general = GUIDES["general"]
    for _ in general.steps[1:]:
        click("Next")
    shown = out.getvalue()
    for number, step in enumerate(general.steps, start=1):
        assert f"Step {number} of {len(general.steps)}" in shown and step.title in shown
    assert "[1] Back" in shown.rsplit("(updated", 1)[-1]
    click("Done")
    assert "Thank you for working through it" in out.getvalue().rsplit("(updated", 1)[-1]
