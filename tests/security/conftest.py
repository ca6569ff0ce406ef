"""Shared by the security and fault suite: a real waitress server in front of the harness's
app, Slack calls that time out fast, retries that record their waits instead of sleeping,
and connections refused at the network layer (the fault "reset before sending")."""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from slack_sdk.http_retry import builtin_handlers, handler
from waitress.server import BaseWSGIServer

from handlers.http import wsgi_app
from handlers.server import Limits, make_server
from tests.harness import Harness

CLIENT_TIMEOUT = 0.5  # seconds the bot waits for Slack in these tests


def serve(bot: Harness, limits: Limits | None = None) -> tuple[BaseWSGIServer, threading.Thread]:
    server = make_server(wsgi_app(bot.app), "127.0.0.1", 0, limits or Limits())
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    return server, thread


def shut(server: BaseWSGIServer, thread: threading.Thread) -> None:
    # Close from inside the server's own loop: closing from here races its select().
    server.trigger.pull_trigger(server.close)
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()


@pytest.fixture
def server_url(bot: Harness) -> Iterator[str]:
    server, thread = serve(bot)
    yield f"http://127.0.0.1:{server.effective_port}"
    shut(server, thread)


@pytest.fixture
def fast(bot: Harness) -> Harness:
    """The bot waits CLIENT_TIMEOUT for Slack, as response_url replies do (they copy it)."""
    bot.app.client.timeout = CLIENT_TIMEOUT  # type: ignore[assignment]
    return bot


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Retry waits (Retry-After, connection back-off) recorded instead of slept."""
    waited: list[float] = []
    sleeper = SimpleNamespace(sleep=waited.append)
    monkeypatch.setattr(builtin_handlers, "time", sleeper)
    monkeypatch.setattr(handler, "time", sleeper)
    return waited


class Refusals:
    """Refuses the next connections to one port, as the network does when nothing listens:
    the request is never sent, so a retry is always safe."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.left: dict[int, int] = {}
        self.refused = 0
        connect = http.client.HTTPConnection.connect
        refusals = self

        def refusing(conn: http.client.HTTPConnection, *args: Any, **kwargs: Any) -> None:
            if refusals.left.get(conn.port or 0, 0) > 0:
                refusals.left[conn.port or 0] -= 1
                refusals.refused += 1
                raise ConnectionRefusedError(111, "Connection refused")
            connect(conn, *args, **kwargs)

        monkeypatch.setattr(http.client.HTTPConnection, "connect", refusing)

    def next(self, port: int, times: int = 1) -> None:
        self.left[port] = self.left.get(port, 0) + times


@pytest.fixture
def refusals(monkeypatch: pytest.MonkeyPatch) -> Refusals:
    return Refusals(monkeypatch)
