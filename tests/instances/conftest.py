from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.postgres import PostgresServer, stoppable_server, unavailable_reason


@pytest.fixture
def server() -> Iterator[PostgresServer]:
    """A server of this test's own, since the test stops and starts it."""
    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)
    with stoppable_server() as started:
        yield started
