"""The one error handler: a short apology with an error ID for the user, details in the log.

It answers on the surface the user was on: the response_url of a command or button, an
ephemeral in the channel, or otherwise a direct message.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.context.respond import Respond
from slack_sdk import WebClient

log = logging.getLogger(__name__)


def new_error_id() -> str:
    return "E-" + uuid.uuid4().hex[:8].upper()


def apology(error_id: str) -> str:
    return (
        ":warning: Sorry, something went wrong on our side. Please try again in a moment; "
        f"if it keeps happening, give your Slack admin this error ID: `{error_id}`."
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


def register_error_handler(app: App) -> None:
    def sticky_ack(context: BoltContext, next: Callable[[], None]) -> None:
        context["ack"] = StickyAck()  # type: ignore[no-untyped-call]
        next()

    app.use(sticky_ack)

    @app.error
    def handle_error(
        error: Exception, body: dict[str, Any], client: WebClient, respond: Respond | None
    ) -> None:
        error_id = new_error_id()
        log.error("%s while handling %s", error_id, _describe(body), exc_info=error)
        text = apology(error_id)
        user = _user_id(body)
        channel = _channel_id(body)
        try:
            if respond is not None and _has_response_url(body):
                respond(text=text, response_type="ephemeral", replace_original=False)
            elif user and channel:
                client.chat_postEphemeral(channel=channel, user=user, text=text)
            elif user:
                client.chat_postMessage(channel=user, text=text)
        except Exception:
            # The user could not be told; the log still holds both failures under one ID.
            log.exception("%s: could not tell the user about the error", error_id)


def _has_response_url(body: dict[str, Any]) -> bool:
    return bool(body.get("response_url") or body.get("response_urls"))


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
