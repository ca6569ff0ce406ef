"""The ticker: one clock-driven pass over every job that may have work due.

The `schedule` library only decides *when to look*; the store decides what is due, so a
restart, a missed minute or a moved console clock never loses or repeats work. schedule lets an
exception escape run_pending() and then keeps the failed job due, blocking the jobs behind it,
so every job here is guarded: one failure is logged and retried on the next tick.

A tick only finds what is due and hands it to the outbox, whose threads post it: a tick never
sleeps between posts, so 1,000 tips due at 09:00 never delay a hold nudge due at 09:00:05.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime

import schedule

from bot.clock import Clock

log = logging.getLogger(__name__)

Job = Callable[[datetime], object]
STOP_SECONDS = 10.0  # how long stopping waits for posts already handed to Slack


class Ticker:
    def __init__(self, clock: Clock, every_seconds: int = 5) -> None:
        self.clock = clock
        self.every_seconds = every_seconds
        self._jobs: list[tuple[str, Job]] = []
        self._on_stop: list[Callable[[float], object]] = []
        self._tick_lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def add(self, name: str, job: Job) -> None:
        self._jobs.append((name, job))

    def on_stop(self, finish: Callable[[float], object]) -> None:
        """Run `finish(timeout)` when the ticker stops (the outbox finishes its posts)."""
        self._on_stop.append(finish)

    def tick(self) -> None:
        """Run every job once for the clock's current time; never raises."""
        # A console :clock and the background thread must not run the same jobs at once.
        with self._tick_lock:
            now = self.clock.now()
            for name, job in self._jobs:
                try:
                    job(now)
                except Exception:
                    log.exception(
                        "Job %r failed at %s; it will be retried on the next tick", name, now
                    )

    def start(self) -> None:
        """Tick in a background thread until stop()."""
        scheduler = schedule.Scheduler()
        scheduler.every(self.every_seconds).seconds.do(self.tick)

        def loop() -> None:
            self.tick()  # catch up at once after a restart instead of waiting a whole interval
            while not self._stopped.wait(1.0):
                scheduler.run_pending()

        self._thread = threading.Thread(target=loop, name="ticker", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        for finish in self._on_stop:
            finish(STOP_SECONDS)
