"""The HTTP clients that talk to Slack, all with the same retries.

Slack answers 429 with Retry-After whenever a workspace sends too fast; every client waits
and tries again rather than losing the message. Bolt's own respond() builds a WebhookClient
with only the connection-error retry, so replies to a response_url come through here too.
"""

from __future__ import annotations

from ssl import SSLContext

from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient


def retry_handlers() -> list[RetryHandler]:
    """New handlers for each client: a handler keeps no state, but sharing one list would let
    one client's change reach the others."""
    return [
        ConnectionErrorRetryHandler(max_retry_count=2),
        RateLimitErrorRetryHandler(max_retry_count=3),
    ]


def make_client(token: str, api_url: str | None = None) -> WebClient:
    """A Web API client that waits and retries on 429 (Retry-After) and on dropped connections."""
    client = WebClient(token=token, base_url=api_url or WebClient.BASE_URL)
    client.retry_handlers = retry_handlers()
    return client


def webhook_client(
    url: str, *, proxy: str | None = None, ssl: SSLContext | None = None
) -> WebhookClient:
    """A client for one response_url, retrying like the Web API client."""
    return WebhookClient(url=url, proxy=proxy, ssl=ssl, retry_handlers=retry_handlers())
