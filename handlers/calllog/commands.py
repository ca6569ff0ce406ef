"""/logcall: the form, the one-line quick log, and `/logcall mine`."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.calllog.quick import CALLBACK, QuickLog, QuickLogError, parse_quick
from bot.calllog.service import CallLogError
from handlers.calllog.blocks import mine_message, quick_help
from handlers.calllog.modal import CallPrefill
from handlers.calllog.slack_io import (
    confirm,
    open_call_log_modal,
    refusal_text,
    team_of,
    zone_for,
)
from handlers.context import services_of
from handlers.delivery import Where
from handlers.ids import Command


def logcall(
    ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    calls = services.calls
    user = command["user_id"]
    text = command.get("text", "").strip()
    now = services.clock.now()
    if text.lower() == "mine":
        respond(
            response_type="ephemeral",
            **mine_message(calls.mine(user), now, zone_for(services, user)),
        )
        return
    if text.lower() == "help":
        respond(response_type="ephemeral", text=quick_help(services.content.categories))
        return
    try:
        quick = parse_quick(text, services.content.categories)
    except QuickLogError as error:
        respond(response_type="ephemeral", text=f":warning: {error}")
        return
    given = quick.as_input()
    if given is not None:
        where = Where(user, command.get("channel_id"), command.get("response_url"))
        try:
            logged = calls.log_once(team_of(command), user, given)
        except CallLogError as refused:
            respond(response_type="ephemeral", text=refusal_text(refused))
            return
        confirm(client, where, logged, now, zone_for(services, user))
        return
    open_call_log_modal(
        client,
        command["trigger_id"],
        services.content,
        CallPrefill(
            category=quick.category,
            heat=quick.heat,
            outcome=quick.outcome,
            notes=quick.notes,
            contact=quick.contact,
        ),
        response_url=command.get("response_url"),
        note=_missing(quick) if text else "",
    )


def _missing(quick: QuickLog) -> str:
    missing = [
        name
        for name, value in (
            ("the category", quick.category),
            ("how heated it got", quick.heat),
            ("the outcome", quick.outcome),
            ("what happened", quick.notes or None),
        )
        if value is None
    ]
    if quick.outcome == CALLBACK:
        missing.append("when you promised to follow up")
    listed = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    return f"Nearly there: add {listed}."


def register(app: App) -> None:
    app.command(Command.LOGCALL)(logcall)
