"""The real entry point, started as a process: HTTP mode serves, and Ctrl-C stops it cleanly."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.process import bot_env, free_port


def test_http_mode_serves_healthz_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    env = bot_env(
        BOT_MODE="http",
        SLACK_BOT_TOKEN="xoxb-test",
        SLACK_SIGNING_SECRET="secret-value",
        PORT=str(port),
        BOT_DB_PATH=str(tmp_path / "db.json"),
    )
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as reply:
                    assert reply.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline, "HTTP mode did not come up"
                assert bot.poll() is None, bot.communicate()[0]
                time.sleep(0.2)
        bot.send_signal(signal.SIGINT)
        output, _ = bot.communicate(timeout=20)
    finally:
        if bot.poll() is None:
            bot.kill()
    assert bot.returncode == 0, output
    assert "Stopped cleanly" in output
    assert "will be unused" not in output
    assert "secret-value" not in output and "xoxb-test" not in output


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
