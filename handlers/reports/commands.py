"""/calls: the managers' view of the difficult-call log.

    /calls [filters]            the answer, privately (agents: their own calls only)
    /calls export [filters]     a CSV in the manager's direct message
    /calls chart [filters]      a PNG of calls per day, stacked by category, likewise
    /calls digest on|off|status the weekly digest for a managers' channel
    /calls help

Every listener acks first; the manager check (at most one Slack call in 10 minutes) and the
slow work (queries, CSV, charts) happen after.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.reports.access import AuditEntry
from bot.reports.digest import (
    DigestError,
    DigestOff,
    DigestOn,
    parse_digest,
    remove_schedule,
    save_schedule,
    schedules,
)
from bot.reports.files import chart_file, export_file
from bot.reports.query import QueryError
from bot.reports.service import HELP, Reports, Selection
from bot.reports.wording import plural
from handlers.context import services_of
from handlers.ids import Command
from handlers.reports.blocks import reply_blocks
from handlers.reports.slack_io import send_file_to_dm

_NOT_A_MEMBER = ("not_in_channel", "channel_not_found", "is_archived")


def handle_calls(
    ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    reports = services_of(context).reports
    user = str(command["user_id"])
    text = str(command.get("text") or "").strip()
    verb, _, rest = text.partition(" ")
    verb = verb.lower()
    if verb == "help":
        respond(text=HELP, response_type="ephemeral")
        return
    manager = reports.is_manager(user)
    if verb in ("export", "chart", "digest") and not manager:
        action = {
            "export": "export the call log",
            "chart": "chart the call log",
            "digest": "set up or see the weekly digest",
        }[verb]
        respond(text=reports.refusal(action).text, response_type="ephemeral")
        return
    if verb in ("export", "chart"):
        _send(reports, client, respond, user, verb, rest.strip())
    elif verb == "digest":
        _digest(reports, client, respond, user, rest.strip())
    else:
        reply = reports.query(user, text, manager=manager)
        respond(
            text=reply.text, blocks=reply_blocks(reply, reports.zone), response_type="ephemeral"
        )
        # Written after the answer: with a large log a store write costs more than the query.
        reports.audit(reply.audit)


def _selection(reports: Reports, respond: Respond, text: str) -> Selection | None:
    try:
        selection = reports.select(text)
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
    selection = _selection(reports, respond, text)
    if selection is None:
        return
    now = reports.clock.now()
    if verb == "export":
        attachment = export_file(selection.records, selection.window, now)
    else:
        attachment = chart_file(selection.records, selection.window)
    count = plural(len(selection.records), "call")
    send_file_to_dm(
        client,
        user,
        attachment,
        comment=f"{count} matching `{selection.filter.text()}`.",
    )
    respond(
        text=f"I sent you `{attachment.filename}` ({count}) in a direct message.",
        response_type="ephemeral",
    )
    matched = len(selection.records)
    reports.audit(AuditEntry(user, now, verb, selection.filter.plain(), text, matched))


def _digest(reports: Reports, client: WebClient, respond: Respond, user: str, text: str) -> None:
    store = reports.store
    try:
        parsed = parse_digest(text, reports.zone, user)
    except DigestError as error:
        respond(text=error.message(), response_type="ephemeral")
        return
    if isinstance(parsed, DigestOn):
        schedule = parsed.schedule
        try:
            # Said in the channel itself: it tells the team, and proves the bot may post there.
            client.chat_postMessage(
                channel=schedule.channel,
                text=f"<@{user}> set up the weekly difficult-call digest here: "
                f"{schedule.describe().removeprefix(f'<#{schedule.channel}> ')}.",
            )
        except SlackApiError as error:
            if error.response.get("error") not in _NOT_A_MEMBER:
                raise
            respond(
                text=f"I can't post in <#{schedule.channel}> yet. Invite me there first "
                "(`/invite @Service Coach`), then try again.",
                response_type="ephemeral",
            )
            return
        save_schedule(store, schedule)
        answer = f"Done: the weekly digest goes to {schedule.describe()}."
    elif isinstance(parsed, DigestOff):
        current = schedules(store)
        if parsed.channel is None and len(current) > 1:
            listed = ", ".join(f"<#{s.channel}>" for s in current)
            respond(
                text=f"There are digests for {listed}. Say which: `/calls digest off #channel`.",
                response_type="ephemeral",
            )
            return
        channel = parsed.channel or (current[0].channel if current else None)
        if channel is None or not remove_schedule(store, channel):
            answer = "There was no weekly digest to stop."
        else:
            answer = f"Stopped the weekly digest for <#{channel}>."
    else:
        current = schedules(store)
        answer = (
            "Weekly digests:\n" + "\n".join(f"• {s.describe()}" for s in current)
            if current
            else "No weekly digest is set up. " + "Try `/calls digest on #channel mon 09:00`."
        )
    respond(text=answer, response_type="ephemeral")
    reports.audit(AuditEntry(user, reports.clock.now(), "digest", text, text))


def register(app: App) -> None:
    app.command(Command.CALLS)(handle_calls)
