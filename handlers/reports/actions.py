"""Buttons of the managers' view: a call's Details, the common queries on the App Home, an
agent's calls from the per-agent view and the digest's "in detail", whose answers go beside
the message the button sat in, or (from the App Home) to the person's direct message."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.reports.access import AuditEntry
from bot.reports.query import QueryError
from bot.reports.service import OTHERS_CALLS, Reports
from handlers.blocks import Block
from handlers.context import services_of
from handlers.ids import ReportAction
from handlers.reports.agent_blocks import agent_blocks, tip_blocks
from handlers.reports.blocks import details_view, reply_blocks

# Which audit command each button's query is kept under.
_AUDITED_AS = {
    ReportAction.HOME_WEEK: "home",
    ReportAction.HOME_ESCALATIONS: "home",
    ReportAction.HOME_HOT: "home",
    ReportAction.AGENT_CALLS: "by agent",
    ReportAction.DIGEST_DETAIL: "digest",
}


def _tell(
    client: WebClient, respond: Respond, body: dict[str, Any], text: str, blocks: Any = None
) -> None:
    # Beside the message the button sat in, if it has a response_url; otherwise (App Home)
    # in a direct message.
    if body.get("response_url"):
        respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)
    else:
        client.chat_postMessage(channel=body["user"]["id"], text=text, blocks=blocks)


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
    view = reports.viewpoint(user, manager, [record.agent])
    client.views_open(trigger_id=body["trigger_id"], view=details_view(record, view, now))
    if manager:
        reports.audit(AuditEntry(user, now, "details", f"call {record.id}", call_id, 1))


def run_common_query(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    ack()
    reports = services_of(context).reports
    user = str(body["user"]["id"])
    action = body["actions"][0]
    query = str(action.get("value") or "")
    command = _AUDITED_AS.get(ReportAction(action["action_id"]), "home")
    reply = reports.query(user, query, manager=reports.is_manager(user), command=command)
    _tell(client, respond, body, reply.text, reply_blocks(reply, reports.clock.now()))
    reports.audit(reply.audit)


def run_manager_report(
    ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
) -> None:
    """The App Home's per-agent view and tip report buttons, for managers only."""
    ack()
    reports = services_of(context).reports
    user = str(body["user"]["id"])
    action = body["actions"][0]
    agents = action["action_id"] == ReportAction.HOME_AGENTS
    if not reports.is_manager(user):
        what = "see the per-agent view" if agents else "see the tip feedback report"
        _tell(client, respond, body, reports.refusal(what).text)
        return
    text, blocks = _manager_report(reports, user, str(action.get("value") or ""), agents)
    _tell(client, respond, body, text, blocks)


def _manager_report(
    reports: Reports, user: str, query: str, agents: bool
) -> tuple[str, list[Block] | None]:
    now = reports.clock.now()
    try:
        if agents:
            report, view, entry = reports.by_agent(user, query)
            text, blocks = f"Per agent, {report.window.label()}", agent_blocks(report, view, now)
        else:
            tips, view, entry = reports.tips(user, query)
            text, blocks = f"Helpful tips, {tips.window.label()}", tip_blocks(tips, view, now)
    except QueryError as error:
        return error.message(), None
    reports.audit(entry)
    return text, blocks


def register(app: App) -> None:
    app.action(ReportAction.DETAILS)(show_details)
    for action in _AUDITED_AS:
        app.action(action)(run_common_query)
    for action in (ReportAction.HOME_AGENTS, ReportAction.HOME_TIPS):
        app.action(action)(run_manager_report)
