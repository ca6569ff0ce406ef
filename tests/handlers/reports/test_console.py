"""The console walk-through from the issue: act as a manager, then ask."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.config import Settings
from handlers.console.repl import Console

MANAGER = "U0MANAGER1"


def test_a_manager_queries_the_log_in_the_console(settings: Settings) -> None:
    out = io.StringIO()
    console = Console(
        replace(settings, mode="console", signing_secret=None, managers=frozenset({MANAGER})), out
    )
    try:
        now = console.clock.now()
        log = CallLog(console.services.store)
        for n, category in enumerate(["billing", "billing", "shipping"]):
            log.add(
                CallRecord("", "T", "U0AGENT01", now - timedelta(days=n + 1), category, 4,
                           "escalated", f"note {n} <!channel>")
            )  # fmt: skip
        for line in (":as U0MANAGER1", "/calls 30d category:billing", ":click 1"):
            assert console.handle(line)
        shown = out.getvalue()
        assert "Now acting as U0MANAGER1." in shown
        assert "*2 calls*" in shown and "category billing" in shown
        assert "[1] Details" in shown and "[2] Details" in shown
        assert "┌ Call details" in shown and "note 0 <!channel>" in shown
    finally:
        console.close()
