from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings

from bot.clock import ManualClock
from bot.config import Settings
from bot.content import Content, load_content
from handlers.console.fakeslack.server import FakeSlack
from handlers.console.repl import Console
from tests.harness import SECRET, Harness
from tests.postgres import postgres_server, unavailable_reason

# Speed is measured by the benchmarks, not here: a per-example deadline only makes the property
# tests flaky on a loaded machine.
settings.register_profile("coach", deadline=None)
settings.load_profile("coach")


@pytest.fixture(scope="session")
def content() -> Content:
    """The built-in content, loaded once."""
    return load_content()


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


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_server() as url:
        yield url


@pytest.fixture
def postgres_database(postgres_url: str) -> str:
    """A new, empty database on the session's server, for one test."""
    import uuid

    import psycopg

    name = "coach_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return postgres_url.rsplit("/", 1)[0] + "/" + name
