"""The real entry point, started as a process: HTTP mode and Socket Mode serve, SIGINT and
SIGTERM both stop them cleanly, and a start that cannot work says why in one line."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from handlers.console.fakeslack.requests import signed_headers
from handlers.console.fakeslack.server import FakeSlack
from tests.process import bot_env, free_port

SECRET = "secret-value"


@pytest.fixture
def slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def start_bot(tmp_path: Path, slack: FakeSlack, **env: str) -> subprocess.Popen[str]:
    settings = {
        "SLACK_BOT_TOKEN": "xoxb-test",
        "SLACK_API_URL": slack.api_url,
        "BOT_DB_PATH": str(tmp_path / "db.json"),
        **env,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=bot_env(**settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def start_http(tmp_path: Path, slack: FakeSlack) -> tuple[subprocess.Popen[str], int]:
    port = free_port()
    bot = start_bot(tmp_path, slack, BOT_MODE="http", SLACK_SIGNING_SECRET=SECRET, PORT=str(port))
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                assert reply.status == 200
                return bot, port
        except OSError:
            assert time.monotonic() < deadline, "HTTP mode did not come up"
            assert bot.poll() is None, bot.communicate()[0]
            time.sleep(0.2)


def stop(bot: subprocess.Popen[str], signum: int) -> str:
    try:
        bot.send_signal(signum)
        output, _ = bot.communicate(timeout=20)
    finally:
        if bot.poll() is None:
            bot.kill()
    return output


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_http_mode_serves_and_stops_cleanly(
    tmp_path: Path, slack: FakeSlack, signum: signal.Signals
) -> None:
    bot, _ = start_http(tmp_path, slack)
    output = stop(bot, signum)
    assert bot.returncode == 0, output
    assert "Stopped cleanly" in output
    assert "Traceback" not in output
    assert "will be unused" not in output
    assert SECRET not in output and "xoxb-test" not in output


def test_sigterm_finishes_the_request_in_hand(tmp_path: Path, slack: FakeSlack) -> None:
    """SIGTERM while a command is being handled: the quick log is stored, confirmed once, and
    the store closed cleanly (the call is there at the next start)."""
    bot, port = start_http(tmp_path, slack)
    form = {
        "command": "/logcall",
        "text": "billing 4 escalated: charged twice",
        "user_id": "U0AGENT01",
        "channel_id": "C0SUPPORT",
        "team_id": "T0COACH",
        "response_url": slack.new_response_url(),
        "trigger_id": "1.2.trigger",
    }
    body = urlencode(form)
    headers = signed_headers(SECRET, body, "application/x-www-form-urlencoded")
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body.encode(),
        headers={k: str(v) for k, v in headers.items()},
    )
    answered = threading.Thread(target=lambda: urllib.request.urlopen(request, timeout=10).read())
    answered.start()
    slack.wait_for("response_url", timeout=10)
    output = stop(bot, signal.SIGTERM)
    answered.join(timeout=10)
    assert bot.returncode == 0, output
    assert "Stopped cleanly" in output
    assert len(slack.calls_to("response_url")) == 1
    assert "Logged call *#1*" in str(slack.calls_to("response_url")[0].args)


def test_socket_mode_with_a_refused_app_token_says_so_in_one_line(
    tmp_path: Path, slack: FakeSlack
) -> None:
    bot = start_bot(tmp_path, slack, BOT_MODE="socket", SLACK_APP_TOKEN="xapp-1-wrong")
    output, _ = bot.communicate(timeout=30)
    assert bot.returncode == 4, output
    assert "Cannot start: Slack refused SLACK_APP_TOKEN (invalid_auth)" in output
    assert "Traceback" not in output
    assert "xapp-1-wrong" not in output


def test_a_refused_bot_token_says_so_in_one_line(tmp_path: Path, slack: FakeSlack) -> None:
    slack.fail_next("auth.test", "invalid_auth")
    bot = start_bot(tmp_path, slack, BOT_MODE="socket", SLACK_APP_TOKEN="xapp-1-test")
    output, _ = bot.communicate(timeout=30)
    assert bot.returncode == 4, output
    assert output.strip().splitlines() == [
        "Cannot start: Slack refused SLACK_BOT_TOKEN (invalid_auth). Copy the token again "
        "from the app's settings page; it may have been revoked or reinstalled."
    ]


@pytest.mark.parametrize("mode", ["socket", "http"])
def test_no_network_says_so_in_one_line(tmp_path: Path, slack: FakeSlack, mode: str) -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/"  # nothing listens there: refused
    bot = start_bot(
        tmp_path,
        slack,
        BOT_MODE=mode,
        SLACK_API_URL=closed,
        SLACK_APP_TOKEN="xapp-1-test",
        SLACK_SIGNING_SECRET=SECRET,
        PORT=str(free_port()),
    )
    output, _ = bot.communicate(timeout=30)
    assert bot.returncode == 4, output
    [line] = output.strip().splitlines()
    assert line.startswith("Cannot start: cannot reach Slack at 127.0.0.1:"), line
    assert "Connection refused" in line


def test_the_console_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    console = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        cwd=tmp_path,
        env=bot_env(BOT_DB_PATH=str(tmp_path / "db.json")),
        stdin=subprocess.PIPE,  # kept open: the console waits for the next line
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert console.stdout is not None
        assert "Service Coach console" in console.stdout.readline()
        console.send_signal(signal.SIGINT)
        _, errors = console.communicate(timeout=20)
    finally:
        if console.poll() is None:
            console.kill()
    assert console.returncode == 0, errors
    assert "Traceback" not in errors


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_socket_mode_connects_and_stops_cleanly(
    tmp_path: Path, slack: FakeSlack, signum: signal.Signals
) -> None:
    from tests.fake_socket import FakeSocket

    socket_server = FakeSocket()
    slack.socket_url = socket_server.url
    bot = start_bot(tmp_path, slack, BOT_MODE="socket", SLACK_APP_TOKEN="xapp-1-test")
    try:
        socket_server.connected.get(timeout=30)
        time.sleep(0.3)  # the handler logs that it is connected
        output = stop(bot, signum)
    finally:
        socket_server.server.shutdown()
    assert bot.returncode == 0, output
    assert "Connected to Slack in Socket Mode" in output
    assert "Stopped cleanly" in output
    assert "Traceback" not in output
    assert "xapp-1-test" not in output
