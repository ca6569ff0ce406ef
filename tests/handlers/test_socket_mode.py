"""Socket Mode end to end: the fake Slack hands out a ws:// URL on 127.0.0.1, pushes a
slash-command envelope, and checks that the bot acks it and replies."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from websockets.sync.server import Server, ServerConnection, serve

from tests.harness import Harness


class FakeSocket:
    def __init__(self) -> None:
        self.connected: queue.Queue[ServerConnection] = queue.Queue()
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.server: Server = serve(self._handle, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link"

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        self.connected.put(connection)
        for message in connection:
            self.received.put(json.loads(message))


@pytest.fixture
def socket_server(bot: Harness) -> Iterator[FakeSocket]:
    fake = FakeSocket()
    bot.fake.socket_url = fake.url
    yield fake
    fake.server.shutdown()


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
