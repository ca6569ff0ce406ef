from __future__ import annotations

import io
import re
from pathlib import Path

from bot.console import Console
from bot.registry import COMMANDS
from tests.process import run_bot


def test_piped_help_lists_every_command_and_exits(tmp_path: Path) -> None:
    result = run_bot("console", cwd=tmp_path, stdin="/help\n", BOT_DB_PATH=str(tmp_path / "c.json"))
    assert result.returncode == 0, result.stderr
    for info in COMMANDS:
        assert str(info.command) in result.stdout


def test_run_without_credentials_starts_the_console_and_says_why(tmp_path: Path) -> None:
    result = run_bot(cwd=tmp_path, stdin=":quit\n", BOT_DB_PATH=str(tmp_path / "c.json"))
    assert result.returncode == 0, result.stderr
    assert "Starting the local console" in result.stderr
    assert "Service Coach console" in result.stdout


def test_a_bad_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    result = run_bot(cwd=tmp_path, SLACK_BOT_TOKEN="xoxp-wrong")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "Configuration error: SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-' "
        "(it starts with 'xoxp-…'). Copy it again from the Slack app settings."
    ]


def test_a_corrupt_data_file_stops_start_up_clearly(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    result = run_bot("console", cwd=tmp_path, BOT_DB_PATH=str(tmp_path / "bad.json"))
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


def test_console_logs_a_call_and_lists_it(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, "/logcall")
    assert "┌ Log a difficult call" in shown and "[1] Outcome" in shown
    shown = run(console, ":click 1 callback promised")
    assert "follow_up — I promised a follow-up by" in shown
    shown = run(
        console,
        ':submit category=billing heat=4 notes="Charged twice, mail jo@example.com" '
        'follow_up="2099-01-01 10:00"',
    )
    assert "Logged call *#1*" in shown and "an e-mail address" in shown
    shown = run(console, "/logcall mine")
    assert "Your last 1 call" in shown and "Charged twice, mail [email]" in shown
    assert "Your open follow-ups" in shown and "[1] Edit" in shown
