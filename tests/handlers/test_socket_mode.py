"""Socket Mode end to end: the fake Slack hands out a ws:// URL on 127.0.0.1, pushes a
slash-command envelope, and checks that the bot acks it and replies."""

from __future__ import annotations

import json

from slack_bolt.adapter.socket_mode import SocketModeHandler

from tests.fake_socket import FakeSocket
from tests.harness import Harness


def test_a_slash_command_over_socket_mode_is_acked_and_answered(
    bot: Harness, socket_server: FakeSocket
) -> None:
    handler = SocketModeHandler(bot.app, "xapp-1-test")
    handler.connect()
    try:
        connection = socket_server.connected.get(timeout=10)
        payload = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
        envelope = {
            "envelope_id": "env-1",
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": payload,
        }
        connection.send(json.dumps(envelope))
        ack = socket_server.received.get(timeout=10)
        assert ack["envelope_id"] == "env-1"
        assert "/deescalate" in bot.text(bot.wait("response_url"))
        opened = bot.fake.calls_to("apps.connections.open")
        assert opened and opened[0].token == "xapp-1-test"
    finally:
        handler.close()
