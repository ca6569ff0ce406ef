"""Buttons and menus of the call log: the form's outcome menu, Edit/Delete on `/logcall mine`,
and Done/Snooze on a follow-up reminder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.agent_time import agent_zone, labelled
from bot.calllog.reminders import in_an_hour, tomorrow_morning
from bot.calllog.service import CallLogError
from bot.schedule_text import Zone
from handlers.calllog.blocks import mine_message, reminder_settled
from handlers.calllog.form import read_form
from handlers.calllog.modal import CallPrefill, FormMeta, call_log_modal
from handlers.calllog.slack_io import refusal_text, zone_for
from handlers.context import services_of
from handlers.ids import CallLogAction


def outcome_changed(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Show the follow-up field only for a promised callback, keeping what was typed."""
    ack()
    view = body.get("view")
    if not isinstance(view, dict):
        return  # the menu is only ever in the form, a modal
    outcome = (action.get("selected_option") or {}).get("value")
    prefill = replace(read_form(view).prefill(), outcome=outcome)
    new = call_log_modal(
        services_of(context).content, prefill, meta=FormMeta.load(view.get("private_metadata", ""))
    )
    if view.get("hash"):
        client.views_update(view_id=view["id"], hash=view["hash"], view=new)
    else:
        client.views_update(view_id=view["id"], view=new)


def edit_call(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
) -> None:
    ack()
    services = services_of(context)
    try:
        record = services.calls.for_change(_call_id(action), body["user"]["id"])
    except CallLogError as refused:
        _refuse(respond, refused)
        return
    meta = FormMeta(call_id=record.id, response_url=body.get("response_url"))
    view = call_log_modal(services.content, CallPrefill.of(record), meta=meta)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def delete_call(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    calls, user = services.calls, body["user"]["id"]
    try:
        record = calls.delete(_call_id(action), user)
    except CallLogError as refused:
        _refuse(respond, refused)
        return
    now = calls.clock.now()
    note = f":wastebasket: Deleted call #{record.id}."
    respond(
        replace_original=True,
        **mine_message(calls.mine(user), now, zone_for(services, user), note=note),
    )


def follow_up_done(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext
) -> None:
    ack()
    calls = services_of(context).calls

    def done() -> dict[str, Any]:
        record = calls.follow_up_done(_call_id(action), body["user"]["id"])
        return reminder_settled(record, ":white_check_mark: Follow-up done. Thanks for keeping it.")

    _settle(respond, done)


def _snoozer(until: Callable[[datetime, Zone], datetime]) -> Callable[..., None]:
    """A Snooze button's listener; `until(now, the agent's zone)` says when to remind again."""

    def snooze(
        ack: Ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
    ) -> None:
        ack()
        services = services_of(context)
        calls, user = services.calls, body["user"]["id"]
        zone = agent_zone(services.people, user, services.settings.zone)
        at = until(calls.clock.now(), zone)

        def snoozed() -> dict[str, Any]:
            record = calls.snooze(_call_id(action), user, at)
            shown = labelled(at, zone, "%a %-d %b at %H:%M")
            return reminder_settled(record, f":zzz: Snoozed. I'll remind you again {shown}.")

        _settle(respond, snoozed)

    return snooze


def _settle(respond: Respond, answer: Callable[[], dict[str, Any]]) -> None:
    """Replace the reminder with the answer, so its buttons cannot be pressed twice."""
    try:
        reply = answer()
    except CallLogError as refused:
        _refuse(respond, refused)
        return
    respond(replace_original=True, **reply)


def _call_id(action: dict[str, Any]) -> str:
    """The call a button is for: its value. Ours always carry one; a click without it is
    answered as a refusal, not an error."""
    value = action.get("value")
    if not isinstance(value, str) or not value:
        raise CallLogError(
            "That button does not say which call it is for. `/logcall mine` lists yours."
        )
    return value


def _refuse(respond: Respond, refused: CallLogError) -> None:
    """Say why, privately, and leave the message that was clicked as it was."""
    respond(text=refusal_text(refused), response_type="ephemeral", replace_original=False)


def register(app: App) -> None:
    app.action(CallLogAction.OUTCOME)(outcome_changed)
    app.action(CallLogAction.EDIT)(edit_call)
    app.action(CallLogAction.DELETE)(delete_call)
    app.action(CallLogAction.DONE)(follow_up_done)
    app.action(CallLogAction.SNOOZE_HOUR)(_snoozer(lambda now, _zone: in_an_hour(now)))
    app.action(CallLogAction.SNOOZE_MORNING)(
        _snoozer(lambda now, zone: tomorrow_morning(now, zone))
    )
