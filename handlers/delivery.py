"""Telling a user something on the first surface that works, without ever telling them twice.

The surfaces, in order: the response_url of the command or button (where they are looking),
an ephemeral message in the channel, a direct message. A surface that definitely failed
(Slack answered with an error, or the connection was refused) hands over to the next one. A
surface that failed ambiguously (the connection reset after sending, no answer in time) may
have delivered the message, so nothing more is sent: a second copy would be a duplicate.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.clients import NotSlackURL, send_reply, uncertain

log = logging.getLogger(__name__)


class Outcome(enum.Enum):
    DELIVERED = "delivered"
    UNCERTAIN = "may have been delivered"
    FAILED = "could not be delivered"


@dataclass(frozen=True)
class Where:
    """Where a user can be reached; any part may be unknown."""

    user: str | None
    channel: str | None = None
    response_url: str | None = None


class ReplyRefused(RuntimeError):
    """A response_url answered something other than 200."""


Send = Callable[[dict[str, Any]], object]


def surfaces(client: WebClient, where: Where) -> list[tuple[str, Send]]:
    found: list[tuple[str, Send]] = []
    if where.response_url:
        url = where.response_url

        def reply(message: dict[str, Any]) -> None:
            status = send_reply(
                url, client, {"response_type": "ephemeral", "replace_original": False, **message}
            )
            if status != 200:
                raise ReplyRefused(f"response_url answered {status}")

        found.append(("response_url", reply))
    user, channel = where.user, where.channel
    if user and channel and not channel.startswith("D"):
        found.append(
            (
                "chat.postEphemeral",
                lambda m: client.chat_postEphemeral(channel=channel, user=user, **m),
            )
        )
    if user:
        found.append(("direct message", lambda m: client.chat_postMessage(channel=user, **m)))
    return found


def deliver(
    client: WebClient, where: Where, message: dict[str, Any], *, plain: str | None = None
) -> Outcome:
    """Send `message`; if no surface takes it, send the short `plain` text the same way."""
    attempts = [message] if plain is None else [message, {"text": plain}]
    for attempt in attempts:
        for name, send in surfaces(client, where):
            try:
                send(attempt)
                return Outcome.DELIVERED
            except Exception as error:
                if uncertain(error):
                    log.warning(
                        "UNCERTAIN: a reply to %s by %s may have arrived (%s); not sent again",
                        where.user,
                        name,
                        error,
                    )
                    return Outcome.UNCERTAIN
                log.warning("A reply to %s by %s failed: %s", where.user, name, _why(error))
    return Outcome.FAILED


def _why(error: Exception) -> str:
    if isinstance(error, SlackApiError):
        return f"Slack answered {error.response.status_code} {error.response.get('error')}"
    if isinstance(error, NotSlackURL | ReplyRefused):
        return str(error)
    return f"{type(error).__name__}: {error}"
