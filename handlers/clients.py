"""The HTTP clients that talk to Slack, and when they may try a call again.

A call is retried only when Slack cannot have acted on it:
- 429 with Retry-After: Slack refused the call; wait as told and send it again.
- the connection was refused, or the name did not resolve: nothing was sent.
An ambiguous failure (the connection reset once the request was sent, or no answer within the
timeout) is retried only for calls that change nothing, such as `users.info`: a post, an
update, a modal, an upload or a response_url reply may already have happened, so sending it
again could show the user the same thing twice. That case is logged as uncertain instead.

response_urls are only ever called on Slack's own hosts (see `slack_url`): a URL from anywhere
else is refused before a byte is sent.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from http.client import HTTPException
from ssl import SSLContext
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler, RetryState
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.web import SlackResponse
from slack_sdk.webhook import WebhookClient

from bot.maybe_sent import MaybeSent
from handlers.caps import fit_message

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 10  # a Slack call that takes longer is treated as an ambiguous failure
SLACK_RESPONSE_HOSTS = frozenset({"hooks.slack.com"})
# Web API methods that only read: sending one twice changes nothing.
SAFE_TO_REPEAT = frozenset(
    {
        "auth.test",
        "apps.connections.open",
        "conversations.info",
        "conversations.members",
        "files.getUploadURLExternal",
        "team.info",
        "usergroups.users.list",
        "users.info",
        "users.list",
    }
)
_MESSAGE_METHODS = frozenset({"chat.postMessage", "chat.postEphemeral", "chat.update"})


class NotSlackURL(ValueError):
    """A response_url that is not on Slack's own hosts: never called."""


def never_sent(error: BaseException) -> bool:
    """True when the request cannot have reached Slack: refused, or the name did not resolve."""
    reason: object = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


def uncertain(error: BaseException) -> bool:
    """True when Slack may have acted on the request although no answer came back."""
    if isinstance(error, HTTPError) or never_sent(error):
        return False
    return isinstance(error, OSError | HTTPException)


class SafeConnectionRetry(RetryHandler):
    """Retries a failed connection only when that cannot send the same thing twice."""

    def __init__(self, max_retry_count: int = 2, wait: float = 0.25) -> None:
        super().__init__(max_retry_count, FixedValueRetryIntervalCalculator(wait))

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if error is None or response is not None:
            return False
        what = call_name(request.url)
        if never_sent(error):
            log.debug("%s: could not connect (%s); trying again", what, error)
            return True
        if uncertain(error):
            if what in SAFE_TO_REPEAT:
                log.info("%s failed (%s); it only reads, so trying again", what, error)
                return True
            log.warning(
                "UNCERTAIN: %s failed after it was sent (%s); Slack may have acted on it, so "
                "it is not sent again",
                what,
                error,
            )
        return False


@contextmanager
def maybe_sent() -> Iterator[None]:
    """Report an ambiguous failure as `MaybeSent`, so a job keeps its claim (see
    `bot.maybe_sent`) instead of sending the same message again."""
    try:
        yield
    except Exception as error:
        if uncertain(error):
            raise MaybeSent(str(error)) from error
        raise


def call_name(url: str) -> str:
    """`chat.postMessage` for a Web API URL; `response_url` for anything else."""
    path = urlsplit(url).path
    return path.split("/api/", 1)[1] if "/api/" in path else "response_url"


def retry_handlers() -> list[RetryHandler]:
    """New handlers for each client, so one client's change never reaches another."""
    return [SafeConnectionRetry(), RateLimitErrorRetryHandler(max_retry_count=3)]


class CappedWebClient(WebClient):
    """A WebClient whose messages are cut to Slack's limits (with a "(cut)" marker) before
    they are sent, whatever built them."""

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        if api_method in _MESSAGE_METHODS:
            for part in ("json", "params", "data"):
                if isinstance(kwargs.get(part), dict):
                    kwargs[part] = fit_message(kwargs[part])
        return super().api_call(api_method, **kwargs)


def make_client(token: str, api_url: str | None = None) -> WebClient:
    client = CappedWebClient(
        token=token, base_url=api_url or WebClient.BASE_URL, timeout=TIMEOUT_SECONDS
    )
    client.retry_handlers = retry_handlers()
    return client


def slack_url(url: str, client: WebClient) -> bool:
    """Is `url` on Slack's own hosts: hooks.slack.com over https, or the host the Web API
    client is configured for (the fake Slack in tests and the console)?"""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname in SLACK_RESPONSE_HOSTS and not parts.port:
        return True
    api = urlsplit(client.base_url)
    return (parts.scheme, parts.netloc) == (api.scheme, api.netloc) and bool(parts.netloc)


def webhook_client(url: str, client: WebClient) -> WebhookClient:
    """A client for one response_url, with the Web API client's proxy, TLS and timeout, and
    the same retries. Refuses (NotSlackURL) a URL that is not Slack's."""
    if not slack_url(url, client):
        raise NotSlackURL(f"not a Slack response_url host: {urlsplit(url).hostname!r}")
    ssl: SSLContext | None = client.ssl
    return WebhookClient(
        url=url,
        proxy=client.proxy,
        ssl=ssl,
        timeout=client.timeout,
        retry_handlers=retry_handlers(),
    )


def send_reply(url: str, client: WebClient, message: dict[str, Any]) -> int:
    """POST a message to a response_url, cut to Slack's limits; the HTTP status."""
    answer = webhook_client(url, client).send_dict(fit_message(message))
    return int(answer.status_code)
