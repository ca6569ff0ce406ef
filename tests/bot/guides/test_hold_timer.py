from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.content import Content
from bot.guides.hold_timer import FALLBACK_PHRASE, HoldTimer, HoldTimers, return_phrases
from bot.store import open_store

START = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)


def test_a_timer_is_due_after_a_minute_until_finished(tmp_path: Path) -> None:
    timers = HoldTimers(open_store(tmp_path / "s.json"))
    timers.start("U1", "C1", START)
    timers.start("U2", None, START + timedelta(seconds=30))
    assert timers.due(START + timedelta(seconds=59)) == []
    [first] = timers.due(START + timedelta(seconds=60))
    assert first == HoldTimer("U1", START, "C1")
    assert timers.finish(first)
    [second] = timers.due(START + timedelta(minutes=5))
    assert second.user == "U2" and second.channel is None
    assert timers.finish(second)
    assert timers.due(START + timedelta(minutes=9)) == []


def test_cancel_and_restart(tmp_path: Path) -> None:
    timers = HoldTimers(open_store(tmp_path / "s.json"))
    assert timers.cancel("U1") is None
    timers.start("U1", "C1", START)
    old = timers.get("U1")
    timers.start("U1", "C1", START + timedelta(seconds=50))  # a second hold restarts the clock
    timer = timers.get("U1")
    assert timer is not None and timer.due_at == START + timedelta(seconds=110)
    assert old is not None and not timers.running(old) and not timers.finish(old)
    assert timers.cancel("U1") == timer
    assert timers.get("U1") is None
    assert timers.due(START + timedelta(hours=1)) == []


def test_timers_survive_reopening_the_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "s.json")
    HoldTimers(store).start("U1", "C1", START)
    store.close()
    assert HoldTimers(open_store(tmp_path / "s.json")).get("U1") == HoldTimer("U1", START, "C1")


def test_return_phrases_come_from_the_on_hold_guide(content: Content) -> None:
    phrases = return_phrases(content)
    assert phrases[0] == "Thank you for holding. Here's what I found."
    assert all(p for p in phrases)
    without = replace(content, guides=tuple(g for g in content.guides if g.id != "on-hold"))
    assert return_phrases(without) == (FALLBACK_PHRASE,)
