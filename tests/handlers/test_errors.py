"""The one @app.error handler, on every surface a person can use.

Each test breaks a real listener the way production breaks (Slack answers a Web API call with
an error) and checks that the person gets a short apology with an error ID, on the surface
they were on, and that the log holds the details under the same ID.
"""

from __future__ import annotations

import logging
import re

import pytest
from slack_bolt import Ack

from handlers.console.fakeslack.server import ApiCall
from handlers.ids import Shortcut
from tests.harness import AGENT, Harness

APOLOGY = re.compile(r"Sorry, something went wrong.*error ID: `(E-[0-9A-F]{8})`")


def assert_apology(bot: Harness, reply: ApiCall, log: str, *, cause: str) -> None:
    match = APOLOGY.search(bot.text(reply))
    assert match, bot.text(reply)
    assert cause not in bot.text(reply)  # the details stay in the log
    logged = [line for line in log.splitlines() if match.group(1) in line]
    assert logged, f"{match.group(1)} is not in the log"
    assert cause in log


def test_an_unexpected_error_gets_an_apology_with_the_id_that_is_in_the_log(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    @bot.app.command("/boom")
    def boom(ack: Ack) -> None:
        ack()
        raise RuntimeError("database on fire")

    with caplog.at_level(logging.ERROR):
        bot.command("/boom")
        reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert_apology(bot, reply, caplog.text, cause="database on fire")


def test_a_failing_slash_command_apologises_through_its_response_url(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fake.fail_next("views.open", "internal_error")
    with caplog.at_level(logging.ERROR):
        bot.command("/logcall")
        reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert_apology(bot, reply, caplog.text, cause="internal_error")


def test_a_failing_button_in_a_message_apologises_beside_the_message(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.command("/logcall", "billing 4 escalated: charged twice")
    bot.wait("response_url")
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=2)
    bot.fake.fail_next("views.open", "internal_error")  # the edit form cannot open
    with caplog.at_level(logging.ERROR):
        # Acknowledged before it failed, so Slack gets 200 at once (bot.click checks), not
        # Bolt's 404 after 3 seconds: see StickyAck in handlers/errors.py.
        bot.click(mine, "Edit")
        reply = bot.wait("response_url", count=3)
    assert reply.args["response_type"] == "ephemeral"
    assert reply.args["replace_original"] is False  # the list itself is left as it was
    assert_apology(bot, reply, caplog.text, cause="internal_error")


def test_a_failing_app_home_button_apologises_by_direct_message(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.requests.open_home(AGENT)
    home = bot.wait("views.publish")
    bot.fake.fail_next("chat.postMessage", "internal_error")
    with caplog.at_level(logging.ERROR):
        bot.click(home, "Show help")
        dm = bot.wait("chat.postMessage", count=2)
    assert dm.args["channel"] == AGENT
    assert_apology(bot, dm, caplog.text, cause="internal_error")


def test_a_failing_modal_submission_apologises_by_direct_message(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.command("/rephrase")
    modal = bot.wait("views.open")
    bot.fake.fail_next("views.update", "internal_error")  # the result cannot be shown
    with caplog.at_level(logging.ERROR):
        bot.submit(modal, draft="You're wrong.")
        dm = bot.wait("chat.postMessage")
    assert dm.args["channel"] == AGENT
    assert_apology(bot, dm, caplog.text, cause="internal_error")


def test_a_modal_submission_that_fails_before_its_ack_still_apologises(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    @bot.app.view("boom_view")
    def broken(ack: Ack) -> None:
        raise RuntimeError("parser exploded")

    view = {"type": "modal", "callback_id": "boom_view", "id": "V0BOOM", "blocks": []}
    with caplog.at_level(logging.ERROR):
        response = bot.requests.submit(view, {}, user=AGENT)
        dm = bot.wait("chat.postMessage")
    assert response.status == 500  # Slack shows its own error in the modal
    assert dm.args["channel"] == AGENT
    assert_apology(bot, dm, caplog.text, cause="parser exploded")


def test_a_failing_message_shortcut_apologises_through_its_response_url(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fake.fail_next("views.open", "internal_error")  # the form cannot open
    with caplog.at_level(logging.ERROR):
        bot.requests.message_shortcut(Shortcut.LOG_CALL_FROM_MESSAGE, "Customer charged twice")
        reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert_apology(bot, reply, caplog.text, cause="internal_error")


def test_a_failing_event_apologises_by_direct_message(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fake.fail_next("views.publish", "internal_error")
    with caplog.at_level(logging.ERROR):
        bot.requests.open_home(AGENT)
        dm = bot.wait("chat.postMessage")
    assert dm.args["channel"] == AGENT
    assert_apology(bot, dm, caplog.text, cause="internal_error")


def test_an_error_in_an_event_in_a_channel_is_shown_there_privately(bot: Harness) -> None:
    @bot.app.event("member_joined_channel")
    def explode() -> None:
        raise ValueError("nope")

    bot.requests.event({"type": "member_joined_channel", "user": AGENT, "channel": "C0X"})
    dm = bot.wait("chat.postEphemeral", "chat.postMessage")
    assert "error ID" in bot.text(dm)


def test_an_ack_once_given_survives_an_error_in_the_same_listener() -> None:
    from handlers.errors import StickyAck

    ack = StickyAck()
    ack()
    given = ack.response
    assert given is not None and given.status == 200
    ack.response = None  # what Bolt's runner does after the listener raises
    assert ack.response is given


def test_a_listener_that_raises_right_after_ack_is_still_acknowledged(bot: Harness) -> None:
    @bot.app.command("/fast-boom")
    def fast_boom(ack: Ack) -> None:
        ack()
        raise RuntimeError("straight after the ack")

    for _ in range(5):
        response = bot.requests.command("/fast-boom", "")
        assert response.status == 200
    bot.wait("response_url", count=5)  # and each one still got its apology


def test_a_reply_slack_refuses_is_an_error_and_the_user_is_told_another_way(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    # Slack answers an expired response_url with 404; Bolt's own respond() would ignore it.
    bot.fake.fail_next("response_url", "expired_url", times=2, status=404)
    with caplog.at_level(logging.WARNING):
        bot.command("/help")
        apology = bot.wait("chat.postEphemeral")
    assert apology.args["user"] == "U0AGENT01"
    assert "error ID" in bot.text(apology)
    assert "response_url answered 404" in caplog.text
