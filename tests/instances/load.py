"""Signed load on a fleet, and what the database holds afterwards."""

from __future__ import annotations

import itertools
import threading
import time

import psycopg

from handlers.console.fakeslack.server import FakeSlack
from tests.instances.fleet import LOGGED, Instance, Sent, reply_text

_numbers = itertools.count(1)


def logcall(instance: Instance, slack: FakeSlack) -> Sent:
    """A quick log whose notes carry a unique mark, to find it in the table."""
    return instance.command(slack, "/logcall", f"billing 3 resolved: fleet mark m{next(_numbers)}x")


def mark_of(sent: Sent) -> str:
    return sent.text.rsplit(" ", 1)[-1]


def stored_marks(database_url: str) -> set[str]:
    with psycopg.connect(database_url) as conn:
        rows = conn.execute("SELECT notes FROM calls").fetchall()
    return {str(notes).rsplit(" ", 1)[-1] for (notes,) in rows}


class Load(threading.Thread):
    """Requests spread round-robin over the instances still alive, every `pause` seconds."""

    def __init__(
        self, instances: list[Instance], slack: FakeSlack, pause: float, mix: bool = False
    ) -> None:
        super().__init__(daemon=True, name="load")
        self.instances = instances
        self.slack = slack
        self.pause = pause
        self.mix = mix
        self.sent: list[Sent] = []
        self._stopping = threading.Event()

    def run(self) -> None:
        for n in itertools.count():
            if self._stopping.is_set():
                return
            alive = [one for one in self.instances if one.process.poll() is None]
            target = alive[n % len(alive)]
            kind = n % 4 if self.mix else 0
            if kind == 1:
                self.sent.append(target.command(self.slack, "/help"))
            elif kind == 2:
                self.sent.append(target.command(self.slack, "/tip"))
            else:
                self.sent.append(logcall(target, self.slack))
            time.sleep(self.pause)

    def finish(self) -> list[Sent]:
        self._stopping.set()
        self.join(timeout=30)
        return self.sent


def serving_again(instance: Instance, slack: FakeSlack, since: float, limit: float = 15) -> float:
    """Seconds from `since` until a quick log sent to `instance` is confirmed stored."""
    while time.monotonic() - since < limit:
        sent = logcall(instance, slack)
        reply_by = time.monotonic() + 2
        while time.monotonic() < reply_by:
            calls = slack.calls_to("response_url")
            texts = [reply_text(call) for call in calls if call.url == sent.reply_path]
            if any(LOGGED in text for text in texts):
                return time.monotonic() - since
            if texts:
                break  # answered, but not stored: try again
            time.sleep(0.05)
    return float("inf")
