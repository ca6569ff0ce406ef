"""/calls: the managers' view of the difficult-call log.

    /calls [filters]                  the answer, privately (agents: their own calls only)
    /calls by agent [filters]         each agent's figures, who needs attention first
    /calls tips [period]              which tips each channel found helpful
    /calls export [filters]           a CSV in the manager's direct message
    /calls chart [by outcome] [filters]  a PNG of calls per day beside the period before
    /calls digest on|off|status       the weekly digest for a managers' channel
    /calls help

Every listener acks first; the manager check (at most one Slack call in 10 minutes), the
names (cached for an hour) and the slow work (queries, CSV, charts) happen after.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.reports.access import AuditEntry
from bot.reports.files import chart_file, export_file, series
from bot.reports.query import QueryError
from bot.reports.service import HELP, Reports, Selection
from bot.reports.wording import plural
from handlers.context import services_of
from handlers.ids import Command
from handlers.reports.agent_blocks import agent_blocks, tip_blocks
from handlers.reports.blocks import reply_blocks
from handlers.reports.digest_command import digest_command
from handlers.reports.slack_io import send_file_to_dm

# What each managers-only verb does, for the refusal an agent gets.
MANAGER_VERBS = {
    "export": "export the call log",
    "chart": "chart the call log",
    "digest": "set up or see the weekly digest",
    "by": "see the per-agent view",
    "tips": "see the tip feedback report",
}
BY_AGENT_USAGE = "Try `/calls by agent`, `/calls by agent 30d` or `/calls by agent 30d heat:>=4`."


def handle_calls(
    ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    reports = services_of(context).reports
    user = str(command["user_id"])
    text = str(command.get("text") or "").strip()
    verb, _, rest = text.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb == "help":
        respond(text=HELP, response_type="ephemeral")
        return
    manager = reports.is_manager(user)
    if verb in MANAGER_VERBS and not manager:
        respond(text=reports.refusal(MANAGER_VERBS[verb]).text, response_type="ephemeral")
        return
    if verb in ("export", "chart"):
        _send(reports, client, respond, user, verb, rest)
    elif verb == "digest":
        digest_command(reports, client, respond, user, rest)
    elif verb == "by":
        _by_agent(reports, respond, user, rest)
    elif verb == "tips":
        _tips(reports, respond, user, rest)
    else:
        reply = reports.query(user, text, manager=manager)
        blocks = reply_blocks(reply, reports.clock.now())
        respond(text=reply.text, blocks=blocks, response_type="ephemeral")
        # Written after the answer: with a large log a store write costs more than the query.
        reports.audit(reply.audit)


def _by_agent(reports: Reports, respond: Respond, user: str, text: str) -> None:
    what, _, filters = text.partition(" ")
    if what.lower() not in ("agent", "agents"):
        respond(
            text=f"`/calls by` lists calls per agent. {BY_AGENT_USAGE}", response_type="ephemeral"
        )
        return
    try:
        report, view, entry = reports.by_agent(user, filters)
    except QueryError as error:
        respond(text=error.message(), response_type="ephemeral")
        return
    blocks = agent_blocks(report, view, reports.clock.now())
    summary = f"Per agent, {report.window.label()}: {plural(report.calls, 'call')}"
    respond(text=summary, blocks=blocks, response_type="ephemeral")
    reports.audit(entry)


def _tips(reports: Reports, respond: Respond, user: str, text: str) -> None:
    try:
        report, view, entry = reports.tips(user, text)
    except QueryError as error:
        respond(text=error.message(), response_type="ephemeral")
        return
    blocks = tip_blocks(report, view, reports.clock.now())
    summary = f"Helpful tips, {report.window.label()}: {plural(report.votes, 'vote')}"
    respond(text=summary, blocks=blocks, response_type="ephemeral")
    reports.audit(entry)


def _selection(reports: Reports, respond: Respond, user: str, text: str) -> Selection | None:
    try:
        selection = reports.select(user, text)
    except QueryError as error:
        respond(text=error.message(), response_type="ephemeral")
        return None
    if not selection.records:
        respond(
            text=f"No calls match `{selection.filter.text()}` "
            f"({selection.window.label()}), so there is nothing to send.",
            response_type="ephemeral",
        )
        return None
    return selection


def _send(
    reports: Reports, client: WebClient, respond: Respond, user: str, verb: str, text: str
) -> None:
    """Send the export or the chart of a manager's filter to their direct message."""
    split = "category"
    if verb == "chart" and text.lower().startswith("by "):
        split, _, text = text[3:].strip().partition(" ")
        if split.lower() not in ("category", "outcome"):
            respond(
                text="A chart is by `category` (the default) or by `outcome`: "
                "`/calls chart by outcome 30d`.",
                response_type="ephemeral",
            )
            return
    selection = _selection(reports, respond, user, text)
    if selection is None:
        return
    now = reports.clock.now()
    if verb == "export":
        attachment = export_file(selection.records, selection.window, now, selection.view)
    else:
        attachment = chart_file(
            reports.log,
            selection.filter,
            selection.window,
            series(reports.content, split.lower()),
            selection.records,
        )
    count = plural(len(selection.records), "call")
    send_file_to_dm(
        client,
        user,
        attachment,
        comment=f"{count} matching `{selection.filter.text()}`, "
        f"times in {selection.view.zone_words(now)}.",
    )
    respond(
        text=f"I sent you `{attachment.filename}` ({count}) in a direct message.",
        response_type="ephemeral",
    )
    matched = len(selection.records)
    reports.audit(AuditEntry(user, now, verb, selection.filter.plain(), text, matched))


def register(app: App) -> None:
    app.command(Command.CALLS)(handle_calls)
