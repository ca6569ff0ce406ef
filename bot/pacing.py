"""Slack's pace for scheduled posts: about one message a second per channel, and nothing at all
while Slack has asked us to wait (a 429's Retry-After), across every sending thread.

Posts to one channel take turns (a lock per channel), and the second is sent a second after
the first *started*, measured just before the request, so a slow store write between two
posts can never bring them closer together than Slack allows.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# A little over Slack's one a second, so clock jitter never lands a post inside the second.
PER_CHANNEL_SECONDS = 1.05
_FORGET_AFTER = 10_000  # channels remembered before idle ones are dropped


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
        self._last_start: dict[str, float] = {}
        self._turns: dict[str, threading.Lock] = {}
        self._hold_until = 0.0
        self._lock = threading.Lock()

    @contextmanager
    def turn(self, channel: str) -> Iterator[None]:
        """One post to `channel` at a time; call ready() inside, just before sending."""
        with self._lock:
            if len(self._turns) > _FORGET_AFTER:
                self._forget_idle()
            lock = self._turns.setdefault(channel, threading.Lock())
        with lock:
            yield

    def ready(self, channel: str) -> float:
        """Wait for `channel`'s next second and for any Retry-After; the post starts now.
        Returns the seconds waited."""
        with self._lock:
            now = self.monotonic()
            previous = self._last_start.get(channel, -math.inf)
            start = max(now, previous + self.per_channel, self._hold_until)
            self._last_start[channel] = start
        if start > now:
            self.sleep(start - now)
        return start - now

    def wait_hold(self) -> float:
        """Wait out a Retry-After already running, before taking a channel's turn."""
        with self._lock:
            left = self._hold_until - self.monotonic()
        if left > 0:
            self.sleep(left)
        return max(left, 0.0)

    def hold(self, seconds: float) -> None:
        """Slack said wait `seconds` (429 Retry-After): no post goes out until then."""
        with self._lock:
            self._hold_until = max(self._hold_until, self.monotonic() + seconds)

    def _forget_idle(self) -> None:
        edge = self.monotonic() - self.per_channel
        for channel in [c for c, t in self._last_start.items() if t < edge]:
            lock = self._turns.get(channel)
            if lock is not None and not lock.locked():
                del self._turns[channel]
                del self._last_start[channel]
