"""Bolt's listener runner, with the HTTP thread woken by the ack instead of polling for it.

With `process_before_response=False` Bolt hands the listener to the listener pool and the
HTTP thread then polls `ack.response` every 10 ms until the listener acks. Each poll is a
wake-up that needs the GIL, so under load (a busy /rephrase holding the GIL, dozens of
HTTP threads polling at once) the ack waits for the next 10 ms tick and then for its turn
at the GIL. Here the ack itself wakes the waiting thread (a `threading.Event`): the same
behaviour, with no polling. Everything else (lazy listeners, errors, auto-acks, the 3 s
limit) is Bolt's.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.listener import Listener
from slack_bolt.listener.thread_runner import ThreadListenerRunner
from slack_bolt.logger.messages import warning_did_not_call_ack

from handlers.errors import StickyAck


class SignallingAck(StickyAck):
    """An ack that says when it has been given (and, like StickyAck, stays given)."""

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.given = threading.Event()

    def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.given.set()


class PromptListenerRunner(ThreadListenerRunner):
    @classmethod
    def replacing(cls, runner: ThreadListenerRunner) -> PromptListenerRunner:
        return cls(
            logger=runner.logger,
            process_before_response=runner.process_before_response,
            listener_error_handler=runner.listener_error_handler,
            listener_start_handler=runner.listener_start_handler,
            listener_completion_handler=runner.listener_completion_handler,
            listener_executor=runner.listener_executor,
            lazy_listener_runner=runner.lazy_listener_runner,
        )

    def run(
        self,
        request: BoltRequest,
        response: BoltResponse,
        listener_name: str,
        listener: Listener,
        starting_time: float | None = None,
    ) -> BoltResponse | None:
        given = request.context.get("ack")
        if (
            self.process_before_response
            or request.lazy_only
            or listener.lazy_functions
            or listener.auto_acknowledgement
            or (given is not None and given.response is not None)
        ):
            return super().run(request, response, listener_name, listener, starting_time)
        started = starting_time if starting_time is not None else time.time()
        ack = SignallingAck()
        request.context["ack"] = ack
        outcome: list[BoltResponse | None] = [response]
        self.listener_executor.submit(self._run_listener, request, listener, ack, outcome)
        ack.given.wait(max(0.0, listener.ack_timeout - (time.time() - started)))
        if outcome[0] is None and ack.response is None:
            self.logger.warning(warning_did_not_call_ack(listener_name))
            return None
        if outcome[0] is None:
            return ack.response
        return outcome[0]

    def _run_listener(
        self,
        request: BoltRequest,
        listener: Listener,
        signal: SignallingAck,
        outcome: list[BoltResponse | None],
    ) -> None:
        """Bolt's `run_ack_function_asynchronously`, setting `ack.given` when it is done."""
        response = outcome[0]
        try:
            self.listener_start_handler.handle(request=request, response=response)
            listener.run_ack_function(request=request, response=response)  # type: ignore[arg-type]
        except Exception as error:
            if response is None:
                response = BoltResponse(status=500)
            response.status = 500
            if signal.response is not None:  # already acknowledged
                response = None
            outcome[0] = response
            self.listener_error_handler.handle(error=error, request=request, response=response)
            signal.response = response
        finally:
            self.listener_completion_handler.handle(request=request, response=response)
            signal.given.set()
