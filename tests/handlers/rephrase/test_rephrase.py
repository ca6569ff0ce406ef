"""/rephrase end to end: slash command, modal, shortcut, another wording, long drafts."""

from __future__ import annotations

import json
from datetime import timedelta

from handlers.ids import RephraseView, Shortcut
from handlers.rephrase.state import COLLECTION
from tests.harness import Harness, render_call

BAD = "You're wrong, calm down. Obviously it shipped on March 3 (order #48213)."


def test_slash_command_answers_privately_with_marks_findings_and_rewrite(bot: Harness) -> None:
    bot.command("/rephrase", BAD)
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = bot.text(reply)
    assert "Tone" in shown and "after rewrite" in shown
    assert "*You're wrong*, *calm down*." in shown  # the spans are marked in the draft
    assert "Telling a customer they are wrong" in shown  # why
    assert "`I can hear how frustrating this is`" in shown  # copy-ready suggestion
    assert "```It shipped on March 3 (order #48213).```" in shown


def test_user_text_is_escaped(bot: Harness) -> None:
    bot.command("/rephrase", "<!channel> calm down & <@U123>")
    reply = bot.wait("response_url")
    sections = [b["text"]["text"] for b in reply.args["blocks"] if b["type"] == "section"]
    assert not any("<!channel>" in s or "<@U123>" in s for s in sections)
    assert any("&lt;!channel&gt; *calm down* &amp; &lt;@U123&gt;" in s for s in sections)


def test_try_another_wording_shows_only_new_wordings_then_goes_away(bot: Harness) -> None:
    bot.command("/rephrase", "Per my last email, it ships on Friday.")
    first = bot.wait("response_url")
    assert "```It ships on Friday.```" in bot.text(first)
    bot.click(first, "Try another wording")
    second = bot.wait("response_url", count=2)
    assert second.args["replace_original"] is True
    shown = bot.text(second)
    assert "```To recap, it ships on Friday.```" in shown
    # a rule's own wording ("to recap my earlier message") is no longer pasted (rewrite8)
    assert "That's the last wording I have for this draft." in shown
    assert all(c.label != "Try another wording" for c in render_call(second).controls)


def test_a_rewrite_that_would_change_the_meaning_is_withheld_with_a_reason(
    bot: Harness,
) -> None:
    bot.command("/rephrase", "Mistakes were made on both sides.")
    shown = bot.text(bot.wait("response_url"))
    assert "ready to copy" not in shown and "```" not in shown
    assert "No rewrite this time." in shown and "admitted a fault" in shown


def test_no_button_when_there_is_nothing_else_to_try(bot: Harness) -> None:
    bot.command("/rephrase", "Thanks, your refund of $12 is on its way today.")
    reply = bot.wait("response_url")
    assert "Nothing in this draft is likely to land badly" in bot.text(reply)
    assert all(c.label != "Try another wording" for c in render_call(reply).controls)


def test_a_long_draft_is_kept_in_the_store_for_the_button(bot: Harness) -> None:
    draft = "Per my last email, it ships on Friday. " + "Your parcel is with the courier. " * 60
    bot.command("/rephrase", draft)
    reply = bot.wait("response_url")
    value = bot.control(reply, "Try another wording").value
    assert len(value) < 100 and "k" in json.loads(value)
    assert bot.services.store.count(COLLECTION) == 1
    bot.click(reply, "Try another wording")
    assert "To recap, it ships" in bot.text(bot.wait("response_url", count=2))


def test_an_over_long_draft_is_refused_politely(bot: Harness) -> None:
    bot.command("/rephrase", "a" * 4001)
    reply = bot.wait("response_url")
    shown = bot.text(reply)
    assert "4,001 characters" in shown and "up to 4,000" in shown
    assert reply.args["response_type"] == "ephemeral"


def test_a_4000_character_draft_fits_slack(bot: Harness) -> None:
    # Escaping and marking every few words must still fit the section and block limits.
    draft = ("<calm down> & OBVIOUSLY damn " * 200)[:4000]
    bot.command("/rephrase", draft)
    reply = bot.wait("response_url")
    assert len(reply.args["blocks"]) <= 50


def test_modal_for_a_long_draft(bot: Harness) -> None:
    bot.command("/rephrase", "")
    opened = bot.wait("views.open")
    assert opened.args["view"]["callback_id"] == RephraseView.DRAFT
    response = bot.submit(opened, draft="Per my last email, it ships on Friday.")
    interim = json.loads(response.body)
    assert interim["response_action"] == "update"
    assert "Checking your draft…" in json.dumps(interim["view"], ensure_ascii=False)
    result = bot.wait("views.update")
    shown = bot.text(result)
    assert "*Per my last email*" in shown
    assert "```It ships on Friday.```" in shown


def test_modal_another_wording_updates_the_view(bot: Harness) -> None:
    bot.command("/rephrase", "")
    opened = bot.wait("views.open")
    bot.submit(opened, draft="Per my last email, it ships on Friday.")
    result = bot.wait("views.update")
    bot.click(result, "Try another wording")
    again = bot.wait("views.update", count=2)
    assert again.args["view_id"] == result.args["view_id"]
    assert "To recap, it ships on Friday." in bot.text(again)


def test_modal_refuses_an_over_long_draft_in_the_field(bot: Harness) -> None:
    bot.command("/rephrase", "")
    opened = bot.wait("views.open")
    response = bot.submit(opened, draft="b" * 4500)
    body = json.loads(response.body)
    assert body["response_action"] == "errors"
    assert "4,500 characters" in body["errors"]["draft"]
    assert bot.fake.calls_to("views.update") == []


def test_message_shortcut_checks_any_message(bot: Harness) -> None:
    bot.requests.message_shortcut(Shortcut.REPHRASE_MESSAGE, "That's not my department.")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = bot.text(reply)
    assert "*That's not my department*" in shown
    assert "No rewrite this time." in shown  # dropping it would leave nothing to send


def test_message_shortcut_on_a_message_without_text(bot: Harness) -> None:
    bot.requests.message_shortcut(Shortcut.REPHRASE_MESSAGE, "")
    assert "no text to check" in bot.text(bot.wait("response_url"))


def test_a_stored_draft_is_forgotten_after_a_day_and_its_button_says_so(bot: Harness) -> None:
    draft = "Per my last email, it ships on Friday. " + "Your parcel is with the courier. " * 60
    bot.command("/rephrase", draft)
    reply = bot.wait("response_url")
    assert bot.services.store.count(COLLECTION) == 1
    bot.clock.advance(timedelta(hours=23))
    bot.tick()
    assert bot.services.store.count(COLLECTION) == 1
    bot.clock.advance(timedelta(hours=2))
    bot.tick()
    assert bot.services.store.count(COLLECTION) == 0
    bot.click(reply, "Try another wording")
    assert "no longer available" in bot.text(bot.wait("response_url", count=2))


def test_touching_problems_are_marked_as_one_span_slack_can_read(bot: Harness) -> None:
    bot.command("/rephrase", "Calm down!!! You are WRONG.")
    shown = bot.text(bot.wait("response_url"))
    assert "*Calm down!!!*" in shown
    assert "**" not in shown
