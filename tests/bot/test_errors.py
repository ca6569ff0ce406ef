from __future__ import annotations

import logging
import re

import pytest
from slack_bolt import Ack

from tests.harness import Harness


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
    shown = bot.text(reply)
    assert reply.args["response_type"] == "ephemeral"
    match = re.search(r"error ID: `(E-[0-9A-F]{8})`", shown)
    assert match, shown
    assert "database on fire" not in shown
    assert match.group(1) in caplog.text
    assert "database on fire" in caplog.text


def test_an_error_in_an_event_is_reported_by_direct_message(bot: Harness) -> None:
    @bot.app.event("member_joined_channel")
    def explode() -> None:
        raise ValueError("nope")

    bot.requests.event({"type": "member_joined_channel", "user": "U0AGENT01", "channel": "C0X"})
    dm = bot.wait("chat.postEphemeral", "chat.postMessage")
    assert "error ID" in bot.text(dm)


def test_an_ack_once_given_survives_an_error_in_the_same_listener() -> None:
    from bot.errors import StickyAck

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
