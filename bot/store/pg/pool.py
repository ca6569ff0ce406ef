"""Connections for one instance: a psycopg_pool pool that survives a database restart.

Every checkout is checked first (a cheap round trip), so connections broken by a restart are
replaced instead of handed out; the pool reconnects in the background while the database is
away. `Database.run` retries *idempotent* work (reads, replacing writes) for up to
`retry_for` seconds; work that may have taken effect is never repeated blindly: it fails with
StoreUnavailable(maybe_done=True) so the caller can say "check before trying again".

Once work has failed for want of the database, the pool is taken to know it is down: later
work gets one attempt with a short wait and no retries, so a request during an outage is
answered in well under a second ("the database is not answering, try again in a minute")
instead of holding a listener thread through 8 s of retries. The first success clears it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.store.interface import StoreFileError, StoreUnavailable
from bot.store.pg.url import DatabaseUrl, one_line

log = logging.getLogger(__name__)

T = TypeVar("T")
Connection = psycopg.Connection[tuple[Any, ...]]
DOWN = "The database is not answering (it may be restarting)"
_CONNECT_TIMEOUT = 3  # seconds per attempt, unless the URL says otherwise
DOWN_WAIT = 0.5  # seconds to wait for a connection while the database is known to be down


def _configure(conn: Connection) -> None:
    # Times come back in UTC, as the documents write them.
    conn.execute("SET TIME ZONE 'UTC'")


class Database:
    def __init__(
        self, url: DatabaseUrl, *, size: int = 4, wait: float = 5.0, retry_for: float = 8.0
    ) -> None:
        self.url = url
        self.wait = wait
        self.retry_for = retry_for
        self.known_down = False  # the last work failed for want of the database
        kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": _CONNECT_TIMEOUT}
        kwargs.update(url.connect_kwargs())
        self.pool = ConnectionPool(
            kwargs=kwargs,
            min_size=1,
            max_size=max(1, size),
            open=False,
            configure=_configure,
            check=ConnectionPool.check_connection,
            reconnect_timeout=0,  # keep trying for as long as the database is away
            name="coach",
        )

    def open(self) -> None:
        """Connect once, now, so a wrong URL or password stops start-up with one line."""
        try:
            self.pool.open(wait=True, timeout=self.wait)
        except (PoolTimeout, psycopg.Error) as error:
            detail = self._first_failure(error)
            self.pool.close(timeout=0)
            raise StoreFileError(
                f"Cannot connect to the database in BOT_DATABASE_URL ({self.url.shown()}): {detail}"
            ) from None

    def _first_failure(self, error: BaseException) -> str:
        # The pool's timeout hides why; one direct attempt says (password refused, no host …).
        try:
            kwargs: dict[str, Any] = {"connect_timeout": _CONNECT_TIMEOUT}
            kwargs.update(self.url.connect_kwargs())
            psycopg.connect(**kwargs).close()
        except psycopg.Error as direct:
            return one_line(direct, self.url.secrets())
        return one_line(error, self.url.secrets())

    def run(self, work: Callable[[Connection], T], *, idempotent: bool) -> T:
        """`work` on a pooled connection; retried while the database is away when idempotent
        (once only, without waiting long, while it is known to be down). Raises
        StoreUnavailable (redacted) when it cannot be done."""
        fail_fast = self.known_down
        deadline = time.monotonic() + (0.0 if fail_fast else self.retry_for)
        pause = 0.1
        while True:
            sent = False
            try:
                with self.pool.connection(timeout=DOWN_WAIT if fail_fast else self.wait) as conn:
                    sent = True
                    done = work(conn)
                self.known_down = False
                return done
            except (PoolTimeout, psycopg.OperationalError, psycopg.InterfaceError) as error:
                self.known_down = True
                maybe_done = sent and not idempotent
                if maybe_done or time.monotonic() + pause > deadline:
                    detail = one_line(error, self.url.secrets())
                    if not fail_fast:  # once per outage, not once per request
                        log.warning("Database unavailable: %s", detail)
                    raise StoreUnavailable(f"{DOWN}: {detail}", maybe_done=maybe_done) from None
                time.sleep(pause)
                pause = min(pause * 2, 1.0)

    def ping(self, timeout: float = 2.0) -> None:
        """One round trip, without retrying: for readiness probes."""
        try:
            with self.pool.connection(timeout=timeout) as conn:
                conn.execute("SELECT 1")
        except (PoolTimeout, psycopg.OperationalError, psycopg.InterfaceError) as error:
            raise StoreUnavailable(f"{DOWN}: {one_line(error, self.url.secrets())}") from None

    def close(self) -> None:
        self.pool.close(timeout=2)
