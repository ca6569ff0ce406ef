"""Slack's pace for scheduled posts: about one message a second per channel, and nothing at
all while Slack has asked us to wait (a 429's Retry-After), across every sending thread.

Each post reserves its channel's next free second before it waits, so two threads posting to
one channel queue one behind the other instead of both waking at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

# A little over Slack's one a second, so clock jitter never lands a post inside the second.
PER_CHANNEL_SECONDS = 1.05
_FORGET_AFTER = 10_000  # channels remembered before old entries are dropped


class Pacer:
    def __init__(
        self,
        per_channel: float = PER_CHANNEL_SECONDS,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_channel = per_channel
        self.sleep = sleep
        self.monotonic = monotonic
        self._next_free: dict[str, float] = {}
        self._hold_until = 0.0
        self._lock = threading.Lock()

    def wait_turn(self, channel: str) -> float:
        """Wait until `channel` may be posted to and no Retry-After is running; return the
        seconds waited."""
        with self._lock:
            now = self.monotonic()
            start = max(now, self._next_free.get(channel, 0.0), self._hold_until)
            self._next_free[channel] = start + self.per_channel
            if len(self._next_free) > _FORGET_AFTER:
                self._next_free = {c: t for c, t in self._next_free.items() if t > now}
        waited = start - now
        if waited > 0:
            self.sleep(waited)
        return max(waited, 0.0)

    def hold(self, seconds: float) -> None:
        """Slack said wait `seconds` (429 Retry-After): no post goes out until then."""
        with self._lock:
            self._hold_until = max(self._hold_until, self.monotonic() + seconds)
