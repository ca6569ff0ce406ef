from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

from bot.config import Settings
from handlers.console.repl import Console
from handlers.registry import COMMANDS
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
    assert "[direct message to U0AGENT01] Service Coach:" in shown and "/rephrase" in shown


def test_console_explains_its_mistakes(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, ":click 1", ":submit a=b", ":clock tomorrow", ":what", "hello", ":as")
    assert "! nothing to click" in shown
    assert "! no modal is open" in shown
    assert "is not YYYY-MM-DD HH:MM" in shown
    assert "! unknown console command :what; type :help" in shown
    assert "Type a slash command such as /help" in shown
    assert "usage: :as" in shown
    shown = run(console, "/nope", ":shortcut nope hello", ":shortcut", ":as ana", ":in #support")
    assert "! /nope is not a command of this bot; type /help" in shown
    assert (
        "! no shortcut 'nope'; the shortcuts are rephrase_message, log_call_from_message" in shown
    )
    assert "usage: :shortcut ID the message text, e.g. :shortcut rephrase_message" in shown
    assert "! 'ana' is not a Slack ID (user IDs start with U); e.g. :as U0MANAGER1" in shown
    assert "! '#support' is not a Slack ID (channel IDs start with C, G or D)" in shown
    assert "Unhandled request" not in shown and "HTTP 404" not in shown


def test_console_menus_and_modal_fields(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, "/logcall")
    # Every field is listed by the name :submit takes, with its choices.
    for name in ("contact", "category", "heat", "notes", "outcome", "reference", "steps"):
        assert f"\n  {name} — " in shown
    assert "[1] Outcome ▾ resolved | escalated | callback promised | unresolved" in shown
    shown = run(console, ":click 1", ":click 1 maybe", ":submit colour=red", ":submit heat=9")
    assert "! [1] is a menu; add an option: resolved | escalated" in shown
    assert "! 'maybe' is not an option of [1]" in shown
    assert "! no field colour; the fields are contact, category, heat, notes, outcome" in shown
    assert "! heat: '9' is not one of: 1, 2, 3, 4, 5" in shown
    shown = run(console, ":click 1 2")  # an option by its number: escalated
    assert "outcome — Outcome: <static_select>" in shown and "= escalated" in shown


def test_console_shows_a_modal_answer_before_what_follows(
    console: tuple[Console, io.StringIO],
) -> None:
    runner, _ = console
    run(console, "/rephrase")
    shown = run(console, ':submit draft="You are wrong, calm down."')
    # The submission's own answer ("Checking…") comes first, then the result replaces it.
    assert shown.index("Checking your draft") < shown.index("Your draft, checked")
    assert runner.state.modal is not None
    assert runner.state.modal["title"]["text"] != "Rephrase a draft"


def test_console_clock_moves_backwards_and_forwards(console: tuple[Console, io.StringIO]) -> None:
    runner, _ = console
    run(console, ":clock 2026-12-01 07:00", "/tips on 09:00 weekdays")
    assert "The clock reads 2026-12-01 07:00 America/Chicago." in run(console, ":clock")
    assert "Service Coach:" in run(console, ":clock 2026-12-01 09:00")  # the day's tip
    back = run(console, ":clock 2026-12-01 08:00")
    assert runner.clock.now().isoformat() == "2026-12-01T14:00:00+00:00"
    assert "Service Coach:" not in back
    assert "Service Coach:" not in run(console, ":clock 2026-12-01 09:30")  # once a day
    assert "Service Coach:" in run(console, ":clock 2026-12-02 09:00")


def test_console_switches_user_channel_and_clock(console: tuple[Console, io.StringIO]) -> None:
    runner, _ = console
    shown = run(console, ":as U0MANAGER1", ":in C0OTHER", ":clock 2026-12-01 09:00", ":help")
    assert runner.state.user == "U0MANAGER1" and runner.state.channel == "C0OTHER"
    run(console, ":as u0boss")
    assert runner.state.user == "U0BOSS"  # IDs are upper case; a lower-case one is read so
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


def test_console_clicks_a_button_by_its_label(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, "/deescalate", ":click Next", ":click next")
    assert "Step 3 of 9" in shown
    shown = run(console, ":click Switch scenario policy says no")
    assert "*Policy says no* · Step 1 of 6" in shown
    shown = run(console, ":click Nope")
    assert "! there is no [Nope]; the buttons showing are [1] Next, [2] Log this call" in shown


def test_console_reads_typed_ids_as_slack_mentions(settings: Settings) -> None:
    """Slack turns a channel or person picked from its list into <#C…> or <@U…>."""
    managed = replace(
        settings, mode="console", signing_secret=None, managers=frozenset({"U0MANAGER1"})
    )
    out = io.StringIO()
    runner = Console(managed, out)
    try:
        run((runner, out), ":as U0MANAGER1")
        shown = run((runner, out), "/calls digest on #C0SUPPORT")
        assert "Done: the weekly digest goes to <#C0SUPPORT>" in shown
        shown = run((runner, out), "/calls 30d @U0AGENT01")
        assert "Filter: `30d <@U0AGENT01>`" in shown
    finally:
        runner.close()


def test_console_shows_the_modal_beneath_after_a_pushed_one_closes(
    console: tuple[Console, io.StringIO],
) -> None:
    """From the App Home the guide is a modal; Log this call pushes the form over it."""
    runner, _ = console
    shown = run(console, ":home", ":click De-escalate")
    assert "Step 1 of 9" in shown
    run(console, *[":click Next"] * 8)
    shown = run(console, ":click Log this call")
    assert "┌ Log a difficult call" in shown and len(runner.state.modals) == 2
    shown = run(console, ":submit category=billing heat=4 outcome=resolved")
    assert "Logged call *#1*" in shown and "Step 9 of 9" in shown
    assert len(runner.state.modals) == 1
    shown = run(console, ":submit heat=4", ":click Done")
    assert "! this modal has nothing to fill in" in shown
    assert "Thank you for working through it" in shown


def test_console_names_the_date_time_format(console: tuple[Console, io.StringIO]) -> None:
    shown = run(console, "/logcall", ":click 1 callback promised")
    assert 'follow_up — I promised a follow-up by: <datetimepicker> as "YYYY-MM-DD HH:MM"' in shown
