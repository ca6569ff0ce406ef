"""The console as a newcomer meets it (issue 18, item 13): exported files saved with their paths,
`:shortcut` text with an apostrophe, direct messages naming their recipient, Slack's confirm
dialog before Delete, and a moved clock named as such in the log."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Settings
from handlers.console.repl import Console
from tests.handlers.console.test_console import run


@pytest.fixture
def manager_console(settings: Settings) -> Iterator[tuple[Console, io.StringIO]]:
    out = io.StringIO()
    console_settings = replace(
        settings, mode="console", signing_secret=None, managers=frozenset({"U0MANAGER1"})
    )
    console = Console(console_settings, out)
    yield console, out
    console.close()


def test_exports_and_charts_are_saved_to_a_folder_with_their_paths(
    manager_console: tuple[Console, io.StringIO],
) -> None:
    console = manager_console
    run(console, ":clock 2026-12-01 08:00", "/logcall billing 4 escalated: charged twice")
    shown = run(console, ":as U0MANAGER1", "/calls export 30d", "/calls chart 30d")
    folder = console[0].settings.db_path.parent / "exports"
    csv, chart = sorted(folder.iterdir())
    assert f"saved as {csv}" in shown and f"saved as {chart}" in shown
    assert csv.suffix == ".csv" and b"charged twice" in csv.read_bytes()
    assert chart.suffix == ".png" and chart.read_bytes().startswith(b"\x89PNG")
    assert "in direct message to U0MANAGER1)" in shown


def test_shortcut_text_with_an_apostrophe(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, ":shortcut rephrase_message That's not my job, you should've known.")
    assert "No closing quotation" not in shown and "could not read" not in shown
    assert "*That's not my job*" in shown


def test_a_direct_message_names_its_recipient(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, ":home", ":click Show help")
    assert "[direct message to U0AGENT01] Service Coach:" in shown


def test_delete_asks_first_as_slack_does(console: tuple[Console, io.StringIO]) -> None:
    runner, _ = console
    run(console, "/logcall billing 4 escalated: to delete", "/logcall mine")
    asked = run(console, ":click Delete")
    assert "┌ Are you sure?" in asked and "Delete call #1?" in asked
    assert "[1] Delete  [2] Keep it" in asked
    assert "Slack is asking first: :click Delete or :click Keep it" in run(console, ":click 9")
    assert "(nothing was done)" in run(console, ":click Keep it")
    assert runner.services.calls.log.get("1") is not None
    run(console, ":click Delete")
    assert "Deleted call #1" in run(console, ":click Delete")
    assert runner.services.calls.log.get("1") is None


def test_anything_else_dismisses_the_dialog(console: tuple[Console, io.StringIO]) -> None:
    runner, _ = console
    run(console, "/logcall billing 4 escalated: keep me", "/logcall mine", ":click Delete")
    assert "the dialog was dismissed" in run(console, "/help")
    assert runner.services.calls.log.get("1") is not None


def test_moving_the_clock_says_the_clock_moved_not_that_the_bot_was_down(
    console: tuple[Console, io.StringIO], caplog: pytest.LogCaptureFixture
) -> None:
    run(console, ":clock 2026-12-01 07:00", "/tips on 9am daily")
    with caplog.at_level(logging.WARNING):
        run(console, ":clock 2026-12-03 08:00")
    [missed] = [r for r in caplog.records if "not posted by its cut-off" in r.getMessage()]
    message = missed.getMessage()
    assert "the bot was down" not in message
    assert "the console's clock was moved past it" in message
    assert "from 2026-12-01 07:00 America/Chicago to 2026-12-03 08:00 America/Chicago" in message
    # Stamped with the console's time, not the real one.
    assert datetime.fromtimestamp(missed.created, UTC) == console[0].clock.now()


def test_make_says_what_it_is_installing_and_pytest_says_why_it_skips() -> None:
    root = Path(__file__).resolve().parents[3]
    makefile = (root / "Makefile").read_text()
    assert "Installing Service Coach and its libraries" in makefile
    assert "--quiet -e" not in makefile  # pip's progress shows while it installs
    assert '"-q -rs ' in (root / "pyproject.toml").read_text()
