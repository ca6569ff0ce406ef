"""Shared by the call-log listeners, and by other features that open the call-log form.

`open_call_log_modal` is the entry point for the de-escalation guide: it opens the form
prefilled with what the guide already knows (category, heat, steps used, notes).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from slack_sdk import WebClient

from bot.agent_time import agent_zone
from bot.calllog.service import CallLogError, Logged
from bot.content import Content
from bot.schedule_text import Zone
from bot.services import Services
from bot.text import escape
from handlers.calllog.blocks import confirmation, saved_text
from handlers.calllog.modal import CallPrefill, FormMeta, call_log_modal
from handlers.delivery import Outcome, Where, deliver

log = logging.getLogger(__name__)


def zone_for(services: Services, user: str) -> Zone:
    """Where an agent's own calls are shown: in their Slack time zone, like their reminders
    (a follow-up picked as 04:00 in Chicago confirmed as 10:00 UTC read as a different time)."""
    return agent_zone(services.people, user, services.settings.zone)


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


def confirm(
    client: WebClient,
    where: Where,
    logged: Logged,
    now: datetime,
    zone: Zone,
    *,
    masked: tuple[str, ...] | None = None,
    edited: bool = False,
) -> None:
    """Tell the agent their call is stored, whatever else fails: the full confirmation on the
    first surface that takes it (see `handlers.delivery`), else a short "saved as #N". Never
    "try again": the call already is in the log."""
    short = saved_text(logged.record, edited=edited)
    try:
        reply = confirmation(
            logged.record, now, zone, masked, edited=edited, repeated=logged.repeated
        )
    except Exception:
        log.exception("Call #%s is stored; its confirmation could not be built", logged.record.id)
        reply = {"text": short}
    if deliver(client, where, reply, plain=short) is Outcome.FAILED:
        log.error("Call #%s is stored, but %s could not be told so", logged.record.id, where.user)


def tell(client: WebClient, where: Where, reply: dict[str, Any]) -> None:
    """Reply privately after a form closes: where the agent started, or else by DM."""
    if deliver(client, where, reply) is Outcome.FAILED:
        log.error("Could not tell %s: %s", where.user, reply.get("text", "")[:80])


def refusal_text(refused: CallLogError) -> str:
    """Why the call log said no, as mrkdwn. The message quotes a call id that came back from
    Slack (a button's value, a modal's private_metadata): escaped like any outside text."""
    return f":warning: {escape(str(refused))}"


def team_of(body: dict[str, Any]) -> str:
    team = body.get("team_id") or body.get("team") or (body.get("user") or {}).get("team_id")
    if isinstance(team, dict):
        team = team.get("id")
    return str(team or "")
