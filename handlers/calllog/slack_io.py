"""Shared by the call-log listeners, and by other features that open the call-log form.

`open_call_log_modal` is the entry point for the de-escalation guide: it opens the form
prefilled with what the guide already knows (category, heat, steps used, notes).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient

from bot.calllog.service import CallLogError
from bot.content import Content
from bot.text import escape
from handlers.calllog.modal import CallPrefill, FormMeta, call_log_modal
from handlers.clients import webhook_client

log = logging.getLogger(__name__)


def open_call_log_modal(
    client: WebClient,
    trigger_id: str,
    content: Content,
    prefill: CallPrefill,
    *,
    response_url: str | None = None,
    note: str = "",
    over_modal: bool = False,
) -> None:
    """Open the call-log form. The confirmation goes to `response_url` when given (the
    command's or shortcut's), otherwise to the agent's DM with the bot. From inside a modal
    (`over_modal`), the form is pushed on top of it, as Slack requires."""
    view = call_log_modal(content, prefill, meta=FormMeta(response_url=response_url), note=note)
    if over_modal:
        client.views_push(trigger_id=trigger_id, view=view)
    else:
        client.views_open(trigger_id=trigger_id, view=view)


def tell(client: WebClient, user: str, response_url: str | None, reply: dict[str, Any]) -> None:
    """Reply privately after a form closes: where the agent started, or else by DM."""
    if response_url:
        answer = webhook_client(response_url, proxy=client.proxy, ssl=client.ssl).send(
            text=reply["text"], blocks=reply.get("blocks"), response_type="ephemeral"
        )
        if answer.status_code == 200:
            return
        # A response_url expires after 30 minutes; a DM always arrives.
        log.info("response_url answered %s; confirming by DM instead", answer.status_code)
    client.chat_postMessage(channel=user, text=reply["text"], blocks=reply.get("blocks"))


def refusal_text(refused: CallLogError) -> str:
    """Why the call log said no, as mrkdwn. The message quotes a call id that came back from
    Slack (a button's value, a modal's private_metadata): escaped like any outside text."""
    return f":warning: {escape(str(refused))}"


def team_of(body: dict[str, Any]) -> str:
    team = body.get("team_id") or body.get("team") or (body.get("user") or {}).get("team_id")
    if isinstance(team, dict):
        team = team.get("id")
    return str(team or "")
