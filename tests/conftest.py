from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.config import Settings
from bot.console import Console
from bot.fakeslack.server import FakeSlack
from tests.harness import SECRET, Harness


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()
    assert fake.problems == [], "the bot sent something Slack would reject"


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 30, 14, 0, tzinfo=UTC))  # a Monday


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        mode="http",
        bot_token="xoxb-test-token",
        signing_secret=SECRET,
        db_path=tmp_path / "coach.json",
        timezone="America/Chicago",
    )


@pytest.fixture
def bot(settings: Settings, clock: ManualClock, fake_slack: FakeSlack) -> Iterator[Harness]:
    harness = Harness(settings, clock, fake_slack)
    yield harness
    harness.close()


@pytest.fixture
def console(settings: Settings) -> Iterator[tuple[Console, io.StringIO]]:
    """The in-process console on a temporary data file, printing into a StringIO."""
    out = io.StringIO()
    console = Console(replace(settings, mode="console", signing_secret=None), out)
    yield console, out
    console.close()
