"""matplotlib stays out of the bot's import path: only drawing a chart loads it.

The real entry point runs as its own process (this test process may have imported
matplotlib already), with Python's import log on, and the console drives /calls through Bolt.
"""

from __future__ import annotations

from pathlib import Path

from tests.process import run_bot

MANAGER = "U0MANAGER1"
SEED = "/logcall billing 4 escalated: charged twice\n:as U0MANAGER1\n"


def imports_matplotlib(script: str, tmp_path: Path) -> tuple[bool, str]:
    """Whether running `script` in the console imported matplotlib, and what it showed."""
    result = run_bot(
        "console",
        cwd=tmp_path,
        stdin=SEED + script,
        BOT_DB_PATH=str(tmp_path / "coach.json"),
        BOT_MANAGERS=MANAGER,
        PYTHONPROFILEIMPORTTIME="1",  # every import, one line each, on stderr
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Now acting as U0MANAGER1." in result.stdout
    imported = any(line.endswith("| matplotlib") for line in result.stderr.splitlines())
    return imported, result.stdout


def test_queries_exports_the_digest_and_the_home_never_import_matplotlib(
    tmp_path: Path,
) -> None:
    script = (
        "/calls 30d category:billing\n:click 1\n/calls export 30d\n"
        "/calls digest on <#C0LEADS|leads>\n/calls digest status\n:home\n:click 3\n"
    )
    imported, shown = imports_matplotlib(script, tmp_path)
    assert "┌ Call details" in shown and "I sent you `calls-" in shown
    assert "Done: the weekly digest goes to" in shown and "[direct message to U" in shown
    assert not imported


def test_a_chart_does(tmp_path: Path) -> None:
    # The check above would pass for a wrong reason if the import log were empty.
    imported, shown = imports_matplotlib("/calls chart 30d\n", tmp_path)
    assert "I sent you `calls-per-day-" in shown
    assert imported
