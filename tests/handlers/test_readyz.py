"""The probes a load balancer uses: `/readyz` says 200 only while the database and Slack
answer, 503 with a short reason otherwise; `/healthz` (alive) stays 200 throughout."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.config import Settings
from handlers.console.fakeslack.server import FakeSlack
from handlers.http import WsgiApp, wsgi_app
from handlers.readiness import Readiness
from tests.harness import Harness
from tests.postgres import PostgresServer


@pytest.fixture
def probed(
    own_postgres: PostgresServer, settings: Settings, clock: ManualClock, fake_slack: FakeSlack
) -> Iterator[WsgiApp]:
    harness = Harness(replace(settings, database_url=own_postgres.url), clock, fake_slack)
    readiness = Readiness(harness.services.store, harness.app.client, cache_seconds=0)
    yield wsgi_app(harness.app, readiness=readiness)
    harness.close()


def get(app: WsgiApp, path: str) -> tuple[int, str]:
    answered: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        answered["status"] = int(status.split()[0])

    environ = {"PATH_INFO": path, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO()}
    body = b"".join(app(environ, start_response)).decode()
    return answered["status"], body


def test_ready_while_the_database_and_slack_answer(probed: WsgiApp) -> None:
    assert get(probed, "/readyz") == (200, "ready")
    assert get(probed, "/healthz") == (200, "ok")


def test_not_ready_while_the_database_is_down_and_ready_again_after(
    probed: WsgiApp, own_postgres: PostgresServer
) -> None:
    own_postgres.stop()
    status, reason = get(probed, "/readyz")
    assert status == 503
    assert reason.startswith("not ready: database: The database is not answering")
    assert "\n" not in reason and len(reason) < 300, reason  # one short line for the balancer
    assert "Traceback" not in reason
    assert get(probed, "/healthz") == (200, "ok")  # alive: a restart would not help
    own_postgres.start()
    assert get(probed, "/readyz") == (200, "ready")


def test_not_ready_when_slack_refuses_the_token(probed: WsgiApp, fake_slack: FakeSlack) -> None:
    fake_slack.fail_next("auth.test", "invalid_auth")
    assert get(probed, "/readyz") == (503, "not ready: slack: invalid_auth")
    assert get(probed, "/healthz") == (200, "ok")
