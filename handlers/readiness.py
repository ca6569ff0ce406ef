"""`/readyz`: can this instance serve? It must reach the database and Slack.

`/healthz` only says the process answers (a liveness probe: restart it when it fails);
`/readyz` is for the load balancer (send no traffic while it fails). The answer is cached for
a few seconds, so probes from many balancers cost one database round trip and one Slack call
per interval, and a slow dependency cannot pile probes up: one check runs at a time, the
others get the last answer.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.store import Store, StoreUnavailable

log = logging.getLogger(__name__)

CACHE_SECONDS = 3.0
SLACK_TIMEOUT = 2  # seconds: a probe must answer well inside a balancer's own timeout


@dataclass(frozen=True)
class Verdict:
    ready: bool
    detail: str  # one line, no secrets: "ok", or what cannot be reached


class Readiness:
    def __init__(
        self,
        store: Store,
        client: WebClient,
        *,
        cache_seconds: float = CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        # Its own client with a short timeout and no retries: a probe must not wait long.
        self.client = WebClient(token=client.token, base_url=client.base_url, timeout=SLACK_TIMEOUT)
        self.cache_seconds = cache_seconds
        self.clock = clock
        self._last: tuple[float, Verdict] | None = None
        self._checking = threading.Lock()

    def verdict(self) -> Verdict:
        last = self._last
        if last is not None and self.clock() - last[0] < self.cache_seconds:
            return last[1]
        if not self._checking.acquire(blocking=last is None):
            assert last is not None
            return last[1]  # another probe is checking now
        try:
            found = self._check()
            if not found.ready and (last is None or last[1].ready):
                log.warning("Not ready: %s", found.detail)
            elif found.ready and last is not None and not last[1].ready:
                log.info("Ready again")
            self._last = (self.clock(), found)
            return found
        finally:
            self._checking.release()

    def _check(self) -> Verdict:
        try:
            self.store.ping()
        except StoreUnavailable as error:
            return Verdict(False, f"database: {error}")
        try:
            self.client.auth_test()
        except SlackApiError as error:
            return Verdict(False, f"slack: {error.response.get('error') or 'refused'}")
        except OSError as error:
            return Verdict(False, f"slack: cannot reach it ({type(error).__name__})")
        return Verdict(True, "ok")
