"""Running the real entry point (`python -m bot …`) as a separate process, as a person would."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def bot_env(**env: str) -> dict[str, str]:
    """This process's environment without any Slack or bot settings, plus `env`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    return {**clean, "PYTHONPATH": str(ROOT), **env}


def run_bot(*args: str, cwd: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=bot_env(**env),
        timeout=60,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
