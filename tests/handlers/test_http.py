"""HTTP mode end to end: a real waitress server on 127.0.0.1, real HTTP requests."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from waitress.server import create_server

from handlers.console.fakeslack.requests import signed_headers
from handlers.http import wsgi_app
from tests.harness import SECRET, Harness


@pytest.fixture
def server_url(bot: Harness) -> Iterator[str]:
    server = create_server(wsgi_app(bot.app), host="127.0.0.1", port=0, threads=2)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    # Close from inside the server's own loop: closing from here races its select().
    server.trigger.pull_trigger(server.close)
    thread.join(timeout=5)
    server.task_dispatcher.shutdown()


def _post(url: str, body: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body.encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_healthz_answers_200(server_url: str) -> None:
    with urllib.request.urlopen(server_url + "/healthz", timeout=5) as response:
        assert response.status == 200
        assert response.read() == b"ok"


def test_a_signed_help_request_is_answered(bot: Harness, server_url: str) -> None:
    body = urlencode(bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT"))
    status, _ = _post(
        server_url + "/slack/events",
        body,
        signed_headers(SECRET, body, "application/x-www-form-urlencoded"),
    )
    assert status == 200
    assert "/deescalate" in bot.text(bot.wait("response_url"))


def test_a_bad_signature_gets_401(bot: Harness, server_url: str) -> None:
    body = urlencode(bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT"))
    status, _ = _post(
        server_url + "/slack/events",
        body,
        signed_headers("wrong-secret", body, "application/x-www-form-urlencoded"),
    )
    assert status == 401
    assert bot.fake.calls_to("response_url") == []


def test_unknown_paths_get_404(server_url: str) -> None:
    status, _ = _post(server_url + "/elsewhere", "x", {})
    assert status == 404
