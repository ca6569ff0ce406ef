"""Buttons of the managers' view: a call's Details, and the common queries on the App Home
(and in the digest), whose answers go to the person's direct message."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.reports.access import AuditEntry
from bot.reports.service import OTHERS_CALLS
from handlers.context import services_of
from handlers.ids import ReportAction
from handlers.reports.blocks import details_view, reply_blocks


def _tell(client: WebClient, respond: Respond, body: dict[str, Any], text: str) -> None:
    # Beside the message the button sat in, if it has a response_url; otherwise (App Home)
    # in a direct message.
    if body.get("response_url"):
        respond(text=text, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=body["user"]["id"], text=text)


def show_details(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    ack()
    reports = services_of(context).reports
    user = str(body["user"]["id"])
    call_id = str(body["actions"][0].get("value") or "")
    record = reports.log.get(call_id) if call_id else None
    if record is None:
        _tell(client, respond, body, "That call is no longer in the log.")
        return
    manager = reports.is_manager(user)
    if record.agent != user and not manager:
        _tell(client, respond, body, reports.refusal(OTHERS_CALLS).text)
        return
    now = reports.clock.now()
    client.views_open(trigger_id=body["trigger_id"], view=details_view(record, reports.zone, now))
    if manager:
        reports.audit(AuditEntry(user, now, "details", f"call {record.id}", call_id, 1))


def run_common_query(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    reports = services_of(context).reports
    user = str(body["user"]["id"])
    query = str(body["actions"][0].get("value") or "")
    reply = reports.query(user, query, manager=reports.is_manager(user), command="home")
    client.chat_postMessage(channel=user, text=reply.text, blocks=reply_blocks(reply, reports.zone))
    reports.audit(reply.audit)


def register(app: App) -> None:
    app.action(ReportAction.DETAILS)(show_details)
    for action in (ReportAction.HOME_WEEK, ReportAction.HOME_ESCALATIONS, ReportAction.HOME_HOT):
        app.action(action)(run_common_query)
