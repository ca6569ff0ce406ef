"""While PostgreSQL is down and the pool already knows it, work fails at once with the brief
database error instead of holding its thread through the retries; the first request after
the database is back succeeds."""

from __future__ import annotations

import time

import pytest

from bot.store import StoreUnavailable
from bot.store.postgres import PgStore
from tests.postgres import PostgresServer, scratch_database

pytestmark = pytest.mark.instances


def _failure(store: PgStore) -> tuple[float, StoreUnavailable]:
    started = time.monotonic()
    with pytest.raises(StoreUnavailable) as raised:
        store.get("notes", "a")
    return time.monotonic() - started, raised.value


def test_a_known_outage_fails_fast_and_the_first_request_after_it_succeeds(
    own_postgres: PostgresServer,
) -> None:
    with scratch_database(own_postgres.url) as url:
        store = PgStore(url, pool_size=2)
        try:
            store.db.retry_for = 2.0  # the first failure rides its retries (8 s in production)
            store.put("notes", "a", {"n": 1})
            own_postgres.stop()
            first, _error = _failure(store)
            assert first >= 1.5, first  # not known yet: retried for retry_for
            later = [_failure(store) for _ in range(5)]
            assert max(took for took, _error in later) < 1.5, later
            assert all("not answering" in str(error) for _took, error in later)
            assert not any(error.maybe_done for _took, error in later)
            # A write that was never sent is never "maybe done".
            started = time.monotonic()
            with pytest.raises(StoreUnavailable) as raised:
                store.add("notes", {"n": 2})
            assert time.monotonic() - started < 1.5
            assert not raised.value.maybe_done
            own_postgres.start()
            back = time.monotonic()
            while True:
                try:
                    assert store.get("notes", "a") == {"n": 1}
                    break
                except StoreUnavailable:
                    assert time.monotonic() - back < 5.0, "not serving 5 s after the database"
                    time.sleep(0.1)
            assert not store.db.known_down
            assert store.count("notes") == 1
        finally:
            store.close()
