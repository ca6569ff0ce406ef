from __future__ import annotations

import io
from dataclasses import replace

from bot.config import Settings
from bot.schedule_text import Zone
from handlers.console.repl import Console


def test_tips_on_then_moving_the_clock_shows_the_post_at_its_time(settings: Settings) -> None:
    out = io.StringIO()
    console = Console(replace(settings, mode="console", signing_secret=None), out)
    try:
        for line in (":clock 2026-12-01 07:00", "/tips on 09:00 America/Chicago weekdays"):
            assert console.handle(line)
        assert "Daily tips are now on" in out.getvalue()
        start = out.tell()
        console.handle(":clock 2026-12-01 08:59")
        assert "[#C0SUPPORT] Service Coach:" not in out.getvalue()[start:]
        console.handle(":clock 2026-12-01 09:00")
        shown = out.getvalue()[start:]
        assert "[#C0SUPPORT] Service Coach:" in shown
        assert "💡" in shown and "[1] Helpful" in shown
        start = out.tell()
        console.handle(":click 2")  # Another tip, privately
        assert "(only visible to you)" in out.getvalue()[start:]
    finally:
        console.close()


def test_a_schedule_in_another_zone_posts_at_its_own_local_time(settings: Settings) -> None:
    """The console's clock reads BOT_TIMEZONE (UTC here); 09:00 in Chicago is 15:00 UTC."""
    out = io.StringIO()
    console = Console(replace(settings, mode="console", signing_secret=None, zone=Zone("UTC")), out)
    try:
        console.handle(":clock 2026-12-01 07:00")
        console.handle("/tips on 09:00 America/Chicago weekdays")
        assert "Next tip: Tue 1 Dec 2026 at 09:00 CST" in out.getvalue()
        start = out.tell()
        console.handle(":clock 2026-12-01 14:59")
        assert "Service Coach:" not in out.getvalue()[start:]
        console.handle(":clock 2026-12-01 15:00")
        assert "[#C0SUPPORT] Service Coach:" in out.getvalue()[start:]
    finally:
        console.close()


def test_moving_the_time_after_todays_post_names_tomorrow(settings: Settings) -> None:
    """Today's tip is out, so a later time today does not post again; the reply says so."""
    out = io.StringIO()
    console = Console(replace(settings, mode="console", signing_secret=None, zone=Zone("UTC")), out)
    try:
        console.handle(":clock 2026-12-01 07:00")
        console.handle("/tips on 09:00 weekdays")
        console.handle(":clock 2026-12-01 09:00")
        start = out.tell()
        console.handle("/tips on 09:00 America/Chicago")
        assert "Next tip: Wed 2 Dec 2026 at 09:00 CST" in out.getvalue()[start:]
        start = out.tell()
        console.handle(":clock 2026-12-01 15:00")
        assert "Service Coach:" not in out.getvalue()[start:]
        console.handle(":clock 2026-12-02 15:00")
        assert "[#C0SUPPORT] Service Coach:" in out.getvalue()[start:]
    finally:
        console.close()
