"""The one error handler: a short apology with an error ID for the user, details in the log.

It answers on the surface the user was on: the response_url of a command or button, an
ephemeral in the channel, or otherwise a direct message; when one surface fails, the next.
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
from slack_sdk.webhook import WebhookResponse

from handlers.clients import webhook_client

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


class RespondFailed(RuntimeError):
    """Slack refused a reply sent to a response_url (expired, or blocks it would not show)."""


class CheckedRespond(Respond):
    """Bolt's respond() returns the response_url's answer and never raises, so a reply to an
    expired URL, or one Slack rejects, would vanish without a trace. This one raises, so the
    error handler logs it and reaches the user another way. It also waits out a 429, which
    Bolt's own respond() (a WebhookClient with only the connection retry) does not."""

    def __call__(self, *args: Any, **kwargs: Any) -> WebhookResponse:
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        # Bolt's own message builder, so replies look exactly as with Bolt's respond().
        message = _build_message(*args, **kwargs)
        client = webhook_client(self.response_url, proxy=self.proxy, ssl=self.ssl)
        answer = client.send_dict(message)
        if answer.status_code != 200:
            raise RespondFailed(f"response_url answered {answer.status_code}: {answer.body[:200]}")
        return answer


def register_error_handler(app: App) -> None:
    def checked_replies(context: BoltContext, next: Callable[[], None]) -> None:
        context["ack"] = StickyAck()  # type: ignore[no-untyped-call]
        if context.response_url:
            context["respond"] = CheckedRespond(
                response_url=context.response_url,
                proxy=context.client.proxy,
                ssl=context.client.ssl,
            )
        next()

    app.use(checked_replies)

    @app.error
    def handle_error(
        error: Exception, body: dict[str, Any], client: WebClient, respond: Respond | None
    ) -> None:
        error_id = new_error_id()
        log.error("%s while handling %s", error_id, _describe(body), exc_info=error)
        text = apology(error_id)
        user = _user_id(body)
        channel = _channel_id(body)
        surfaces: list[Callable[[], object]] = []
        if respond is not None and _has_response_url(body):
            surfaces.append(
                lambda: respond(text=text, response_type="ephemeral", replace_original=False)
            )
        if user and channel:
            surfaces.append(
                lambda: client.chat_postEphemeral(channel=channel, user=user, text=text)
            )
        if user:
            surfaces.append(lambda: client.chat_postMessage(channel=user, text=text))
        for surface in surfaces:
            try:
                surface()
                return
            except Exception:
                log.warning("%s: one way of telling the user failed", error_id, exc_info=True)
        # The user could not be told; the log still holds every failure under one ID.
        log.error("%s: could not tell the user about the error", error_id)


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
