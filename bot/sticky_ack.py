"""Once a request is acknowledged, it stays acknowledged.

slack-bolt 1.x (thread_runner.py) sets `ack.response = None` when a listener raises *after*
calling ack(). If Bolt's waiting thread has not yet seen the ack (it looks every 10 ms), it
then waits out the whole 3-second ack timeout and answers Slack 404 "unhandled request", so
the person sees Slack's own failure notice on top of our apology, 3 seconds late. A listener
that fails right after ack() (a bug, a store error, a fast Slack error) hits this every time.
"""

from __future__ import annotations

from collections.abc import Callable

from slack_bolt import App, BoltContext, BoltResponse
from slack_bolt.context.ack import Ack


class StickyAck(Ack):
    """An Ack whose response, once set, is never reset to None."""

    def __init__(self) -> None:  # Ack's own only sets response to None
        self._sent: BoltResponse | None = None

    @property
    def response(self) -> BoltResponse | None:
        return self._sent

    @response.setter
    def response(self, value: BoltResponse | None) -> None:
        if value is not None or self._sent is None:
            self._sent = value


def keep_acks(app: App) -> None:
    """A global middleware that gives every request a StickyAck before any listener runs."""

    def sticky(context: BoltContext, next: Callable[[], None]) -> None:
        context["ack"] = StickyAck()  # nothing acks before the listeners run
        next()

    app.use(sticky)
