"""Scheduled posts on Slack: the ONE list of Slack errors and what each means for a post the
bot sends on its own (bot/outbox.py acts on the meaning), and the Route each feature's jobs
module builds around its own sending function.

The outbox's client does not retry 429s itself: they come back to the outbox, which holds
every sending thread for the Retry-After and sends again under the same lease. A connection
that never reached Slack is retried; one dropped after sending is never repeated, since Slack
may already have the post. (handlers/delivery.py is the same idea for replies to a user.)
"""

from __future__ import annotations

from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.outbox import DueItem, Meaning, RateLimited, Refused, Route, Uncertain
from handlers.clients import CappedWebClient, SafeConnectionRetry, never_sent

RETRY, PAUSE, PAUSE_ALL, DROP = Meaning.RETRY, Meaning.PAUSE, Meaning.PAUSE_ALL, Meaning.DROP

# code -> (meaning, what it means in words a channel's owner understands)
SLACK_ERRORS: dict[str, tuple[Meaning, str]] = {
    # Nothing changes until someone acts on this channel or person: pause, tell the owner.
    "not_in_channel": (PAUSE, "I'm not a member of the channel"),
    "channel_not_found": (
        PAUSE,
        "Slack could not find the channel (it was deleted, or I can't see it)",
    ),
    "is_archived": (PAUSE, "the channel was archived"),
    "user_not_in_channel": (PAUSE, "the person is not a member of the channel"),
    "access_denied": (PAUSE, "Slack refused me access to the channel"),
    "restricted_action": (PAUSE, "the workspace does not let me post there"),
    "restricted_action_read_only_channel": (PAUSE, "the channel is read-only"),
    "restricted_action_thread_only_channel": (PAUSE, "the channel takes only thread replies"),
    "restricted_action_non_threadable_channel": (PAUSE, "the channel does not let me post"),
    "ekm_access_denied": (PAUSE, "the workspace's key management blocks posting"),
    "cannot_dm_bot": (PAUSE, "that account is a bot, which I can't message"),
    "user_not_found": (PAUSE, "Slack could not find the person"),
    "user_disabled": (PAUSE, "the person's account was deactivated"),
    # The bot's own token: no post can go out anywhere until it is fixed.
    "account_inactive": (PAUSE_ALL, "the bot's token belongs to a deactivated account"),
    "invalid_auth": (PAUSE_ALL, "Slack rejected the bot's token"),
    "not_authed": (PAUSE_ALL, "no bot token was sent"),
    "token_revoked": (PAUSE_ALL, "the bot's token was revoked"),
    "token_expired": (PAUSE_ALL, "the bot's token expired"),
    "missing_scope": (PAUSE_ALL, "the app lacks a permission it needs (reinstall it)"),
    "team_access_not_granted": (PAUSE_ALL, "the app was not granted this workspace"),
    "org_login_required": (PAUSE_ALL, "the workspace is migrating to an organisation"),
    # The message itself can never be posted as it is: drop it and log it.
    "invalid_blocks": (DROP, "Slack rejected the message's blocks"),
    "invalid_blocks_format": (DROP, "Slack rejected the message's blocks"),
    "msg_too_long": (DROP, "the message is too long"),
    "no_text": (DROP, "the message was empty"),
    "too_many_attachments": (DROP, "the message had too many attachments"),
    "invalid_arguments": (DROP, "Slack rejected the request's arguments"),
    "invalid_arg_name": (DROP, "Slack rejected the request's arguments"),
    "invalid_charset": (DROP, "Slack rejected the request's characters"),
    "invalid_form_data": (DROP, "Slack rejected the request's form"),
    "duplicate_channel_not_found": (DROP, "the channel given twice was not found"),
    # Slack's side: try again later.
    "ratelimited": (RETRY, "Slack asked me to slow down"),
    "fatal_error": (RETRY, "Slack had an internal error"),
    "internal_error": (RETRY, "Slack had an internal error"),
    "service_unavailable": (RETRY, "Slack was unavailable"),
    "request_timeout": (RETRY, "Slack timed out"),
    "team_added_to_org": (RETRY, "the workspace is being moved"),
}


def meaning_of(code: str) -> tuple[Meaning, str]:
    """An error not in the list is retried later (and logged with its code)."""
    return SLACK_ERRORS.get(code, (RETRY, f"Slack answered {code}"))


def translate(error: Exception) -> Exception:
    """The outbox's view of a failed Slack call."""
    if isinstance(error, SlackApiError):
        if error.response.status_code == 429:
            return RateLimited(_retry_after(error))
        code = str(error.response.get("error") or "unknown_error")
        meaning, reason = meaning_of(code)
        return Refused(code, meaning, reason)
    if never_sent(error):
        return Refused("not_connected", RETRY, "Slack could not be reached")
    return Uncertain(f"{type(error).__name__}: {error}")


def _retry_after(error: SlackApiError) -> float:
    headers = error.response.headers or {}
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return max(float(raw), 1.0)
            except ValueError:
                break
    return 1.0


def outbox_client(client: WebClient) -> WebClient:
    """A client like the app's, but whose 429s come back to the outbox; it retries only a
    connection that never reached Slack."""
    plain = CappedWebClient(token=client.token, base_url=client.base_url, timeout=client.timeout)
    plain.retry_handlers = [SafeConnectionRetry()]
    return plain


Send = Callable[[WebClient, DueItem, object], str | None]


def slack_route(client: WebClient, send: Send) -> Route:
    """The Route for one feature: `send` posts its composed message through `client`."""
    plain = outbox_client(client)

    def send_item(item: DueItem, message: object) -> str | None:
        try:
            return send(plain, item, message)
        except Exception as error:
            raise translate(error) from error

    def tell(user: str, text: str) -> None:
        # Posting to a user ID opens (or reuses) the DM with the bot; needs im:write.
        try:
            plain.chat_postMessage(channel=user, text=text)
        except Exception as error:
            raise translate(error) from error

    return Route(send=send_item, tell=tell)


def posted_ts(answer: object) -> str | None:
    """The ts of a chat.postMessage answer, recorded with the post."""
    get = getattr(answer, "get", None)
    ts = get("ts") if get is not None else None
    return str(ts) if ts else None
