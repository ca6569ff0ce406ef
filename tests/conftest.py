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
from bot.schedule_text import Zone
from handlers.console.fakeslack.server import FakeSlack
from handlers.console.repl import Console
from tests.fake_socket import FakeSocket
from tests.harness import SECRET, Harness
from tests.postgres import (
    PostgresServer,
    migrated_template_of,
    postgres_server,
    scratch_database,
    stoppable_server,
    unavailable_reason,
)

STORES = ("tinydb", "postgres")

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
        zone=Zone("America/Chicago"),
    )


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    """Which store the feature tests run on: each runs on both (see README, Tests)."""
    kind = str(request.param)
    if kind == "postgres" and request.node.get_closest_marker("tinydb_only"):
        pytest.skip("checks TinyDB's files on disk")
    return kind


@pytest.fixture
def bot(
    settings: Settings,
    clock: ManualClock,
    fake_slack: FakeSlack,
    store_kind: str,
    request: pytest.FixtureRequest,
) -> Iterator[Harness]:
    if store_kind == "postgres":
        settings = replace(settings, database_url=request.getfixturevalue("migrated_database"))
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
    """One throwaway server for the whole session."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with postgres_server() as url:
        yield url


@pytest.fixture
def socket_server(bot: Harness) -> Iterator[FakeSocket]:
    """A fake Socket Mode server that the bot's Slack client is pointed at."""
    fake = FakeSocket()
    bot.fake.socket_url = fake.url
    yield fake
    fake.server.shutdown()


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A server of the test's own, for tests that stop and start it."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with stoppable_server() as started:
        yield started


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[str]:
    """A new, empty database on the session's server, for one test; dropped after it."""
    with scratch_database(postgres_url) as url:
        yield url


@pytest.fixture(scope="session")
def migrated_template(postgres_url: str) -> str:
    """A database with the schema applied once: each test's database is a copy of it."""
    return migrated_template_of(postgres_url)


@pytest.fixture
def migrated_database(postgres_url: str, migrated_template: str) -> Iterator[str]:
    """A fresh database with the current schema, for one test; dropped after it."""
    with scratch_database(postgres_url, template=migrated_template) as url:
        yield url
