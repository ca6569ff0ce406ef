"""The one error handler: a short apology with an error ID for the user, details in the log.

It answers on the surface the user was on: the response_url of a command or button, an
ephemeral in the channel, or otherwise a direct message; when one surface fails, the next
(see `handlers.delivery`). It acts only on a request that passed Bolt's signature check (or
came over Socket Mode): an error raised before that point, on a body anyone could have
written, is logged and nothing is sent anywhere.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.context.respond import Respond
from slack_bolt.context.respond.internals import _build_message
from slack_sdk import WebClient

from bot.store import StoreUnavailable
from handlers.clients import send_reply, uncertain
from handlers.delivery import Where, deliver

log = logging.getLogger(__name__)


def new_error_id() -> str:
    return "E-" + uuid.uuid4().hex[:8].upper()


def apology(error_id: str) -> str:
    return (
        ":warning: Sorry, something went wrong on our side. Please try again in a moment; "
        f"if it keeps happening, give your Slack admin this error ID: `{error_id}`."
    )


def unconfirmed(error_id: str) -> str:
    """After an ambiguous failure: the step may have worked, so "try again" would be wrong."""
    return (
        ":hourglass: Slack did not confirm that last step in time, so it may have worked. "
        "Check before doing it again; if it did not, try once more. "
        f"If this keeps happening, give your Slack admin this error ID: `{error_id}`."
    )


def database_down(error_id: str, error: StoreUnavailable) -> str:
    """The database did not answer: brief, and honest about whether anything was saved."""
    if error.maybe_done:
        return (
            ":hourglass: Our database stopped answering while saving that, so it may or may not "
            "have been kept. Please check in a minute before doing it again. "
            f"Error ID: `{error_id}`."
        )
    return (
        ":warning: Our database is not answering just now (it may be restarting), so nothing "
        f"was done. Please try again in a minute. Error ID: `{error_id}`."
    )


class StickyAck(Ack):
    """An ack that, once given, stays given.

    When a listener raises after calling ack(), Bolt's thread runner (slack-bolt 1.x) sets
    `ack.response` back to None while the request thread may not yet have read it; the
    request then waits out the 3-second timeout and answers 404, so Slack shows its own error
    on top of ours. Keeping the first response closes that race.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "response" and value is None and getattr(self, "response", None) is not None:
            return
        super().__setattr__(name, value)


VERIFIED = "coach_verified"


class RespondFailed(RuntimeError):
    """Slack refused a reply sent to a response_url (expired, or blocks it would not show)."""


class CheckedRespond(Respond):
    """Bolt's respond() returns the response_url's answer and never raises, so a reply to an
    expired URL, or one Slack rejects, would vanish without a trace. This one raises, so the
    error handler logs it and reaches the user another way. It also waits out a 429, never
    repeats a reply that may have arrived, cuts the message to Slack's limits, and calls only
    Slack's own hosts (see `handlers.clients`)."""

    def __init__(self, response_url: str, client: WebClient) -> None:
        super().__init__(response_url=response_url, proxy=client.proxy, ssl=client.ssl)
        self.client = client

    def __call__(self, *args: Any, **kwargs: Any) -> int:  # type: ignore[override]
        assert self.response_url is not None
        # Bolt's own message builder, so replies look exactly as with Bolt's respond().
        message = _build_message(*args, **kwargs)
        status = send_reply(self.response_url, self.client, message)
        if status != 200:
            raise RespondFailed(f"response_url answered {status}")
        return status


def register_error_handler(app: App) -> None:
    def checked_replies(context: BoltContext, next: Callable[[], None]) -> None:
        # Global middleware runs after Bolt's own, signature check included: reaching here
        # means the request is Slack's.
        context[VERIFIED] = True
        context["ack"] = StickyAck()  # type: ignore[no-untyped-call]
        if context.response_url:
            context["respond"] = CheckedRespond(context.response_url, context.client)
        next()

    app.use(checked_replies)

    @app.error
    def handle_error(
        error: Exception, body: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        error_id = new_error_id()
        if not context.get(VERIFIED):
            # Raised before the signature check passed: the body may be anyone's. Log, act not.
            log.warning(
                "%s: refused an unverified request (%s: %s)", error_id, type(error).__name__, error
            )
            return
        log.error("%s while handling %s", error_id, _describe(body), exc_info=error)
        where = Where(user=_user_id(body), channel=_channel_id(body), response_url=_reply_url(body))
        if isinstance(error, StoreUnavailable):
            text = database_down(error_id, error)
        else:
            text = unconfirmed(error_id) if uncertain(error) else apology(error_id)
        outcome = deliver(client, where, {"text": text})
        # Whatever happened, the log holds every failure under one ID.
        log.info("%s: the user's apology %s", error_id, outcome.value)


def _reply_url(body: dict[str, Any]) -> str | None:
    url = body.get("response_url")
    if not url:
        urls = body.get("response_urls") or []
        url = urls[0].get("response_url") if urls and isinstance(urls[0], dict) else None
    return str(url) if isinstance(url, str) and url else None


def _user_id(body: dict[str, Any]) -> str | None:
    user = body.get("user_id") or body.get("user") or (body.get("event") or {}).get("user")
    if isinstance(user, dict):
        user = user.get("id")
    return str(user) if user else None


def _channel_id(body: dict[str, Any]) -> str | None:
    channel = body.get("channel_id") or body.get("channel")
    if isinstance(channel, dict):
        channel = channel.get("id")
    return str(channel) if channel else None


def _describe(body: dict[str, Any]) -> str:
    kind = body.get("command") or body.get("type") or (body.get("event") or {}).get("type")
    return f"{kind} from {_user_id(body)}"
