from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from bot.console import Console
from bot.registry import COMMANDS

ROOT = Path(__file__).resolve().parents[2]


def test_piped_help_lists_every_command_and_exits(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    env["BOT_DB_PATH"] = str(tmp_path / "console.json")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="/help\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT)},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for info in COMMANDS:
        assert str(info.command) in result.stdout


def test_run_without_credentials_starts_the_console_and_says_why(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        input=":quit\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT), "BOT_DB_PATH": str(tmp_path / "c.json")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Starting the local console" in result.stderr
    assert "Service Coach console" in result.stdout


def test_a_bad_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT), "SLACK_BOT_TOKEN": "xoxp-wrong"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-' "
        "(it starts with 'xoxp-…'). Copy it again from the Slack app settings."
    ]


def test_a_corrupt_data_file_stops_start_up_clearly(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input="",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "PYTHONPATH": str(ROOT), "BOT_DB_PATH": str(tmp_path / "bad.json")},
        timeout=60,
        check=False,
    )
    assert result.returncode == 3
    assert "is not valid JSON" in result.stderr
    assert (tmp_path / "bad.json").read_text() == "{not json"


def run(console: tuple[Console, io.StringIO], *lines: str) -> str:
    runner, out = console
    start = out.tell()
    for line in lines:
        assert runner.handle(line)
    return out.getvalue()[start:]


def test_console_home_and_click(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, ":home")
    # Features' panels come before the help button, so find its number rather than assume it.
    found = re.search(r"\[(\d+)\] Show help", shown)
    assert "┌ App Home" in shown and found
    shown = run(console, f":click {found.group(1)}")
    assert "[direct message] Service Coach:" in shown and "/rephrase" in shown


def test_console_explains_its_mistakes(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, ":click 1", ":submit a=b", ":clock tomorrow", ":what", "hello", ":as")
    assert "! nothing to click" in shown
    assert "! no modal is open" in shown
    assert "is not YYYY-MM-DD HH:MM" in shown
    assert "! unknown console command :what; type :help" in shown
    assert "Type a slash command such as /help" in shown
    assert "usage: :as" in shown


def test_console_switches_user_channel_and_clock(console: tuple[Console, io.StringIO]) -> None:
    runner, _ = console
    shown = run(console, ":as U0MANAGER1", ":in C0OTHER", ":clock 2026-12-01 09:00", ":help")
    assert runner.state.user == "U0MANAGER1" and runner.state.channel == "C0OTHER"
    assert runner.clock.now().isoformat() == "2026-12-01T15:00:00+00:00"  # 09:00 in Chicago
    assert "now U0MANAGER1" in shown and ":quit" in shown
    assert runner.handle(":quit") is False
