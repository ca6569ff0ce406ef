"""A small pool of sending threads with a priority queue.

A hold nudge or a follow-up reminder jumps ahead of a backlog of daily tips. Threads start
when there is work and stop after a few idle seconds, so an app that never posts on a schedule
(or a test) holds none. A job already queued or running is not queued twice.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

IDLE_SECONDS = 5.0


class WorkerPool:
    def __init__(self, size: int, name: str = "outbox") -> None:
        self.size = size
        self.name = name
        self._queue: list[tuple[int, int, str, Callable[[], object]]] = []
        self._pending: set[str] = set()  # keys queued or running
        self._threads = 0
        self._idle = 0
        self._order = itertools.count()
        self._cond = threading.Condition()

    def submit(self, key: str, job: Callable[[], object], *, priority: int = 1) -> bool:
        """Queue `job` (lower priority numbers first); False if `key` is queued or running."""
        with self._cond:
            if key in self._pending:
                return False
            self._pending.add(key)
            heapq.heappush(self._queue, (priority, next(self._order), key, job))
            # Idle threads take what they can; start another only for work beyond them.
            if len(self._queue) > self._idle and self._threads < self.size:
                self._threads += 1
                name = f"{self.name}-{self._threads}"
                threading.Thread(target=self._work, name=name, daemon=True).start()
            self._cond.notify()
            return True

    def busy(self) -> int:
        with self._cond:
            return len(self._pending)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until every queued job has finished; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending, timeout)

    def _work(self) -> None:
        while True:
            with self._cond:
                self._idle += 1
                ready = self._cond.wait_for(lambda: self._queue, IDLE_SECONDS)
                self._idle -= 1
                if not ready:
                    self._threads -= 1
                    return
                _priority, _order, key, job = heapq.heappop(self._queue)
            try:
                job()
            except Exception:
                log.exception("A scheduled post failed unexpectedly (%s)", key)
            finally:
                with self._cond:
                    self._pending.discard(key)
                    self._cond.notify_all()
