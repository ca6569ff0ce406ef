"""The buttons under a tip: "Helpful" (one vote per person per tip) and "Another tip"."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.tips.on_demand import NO_TIPS, tip_for
from handlers.context import services_of
from handlers.ids import TipAction
from handlers.tips.blocks import tip_message


def helpful(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    feedback = services.tip_feedback
    tip_id = str(action.get("value", ""))
    channel = (body.get("channel") or {}).get("id")  # where it was read: the tip report's rows
    if feedback.helpful(tip_id, body["user"]["id"], services.clock.now(), channel):
        count = feedback.count(tip_id)
        others = "" if count == 1 else f" {count} people have found it helpful."
        text = f"Thanks, glad it helped!{others}"
    else:
        text = "You've already marked this tip helpful; each person counts once."
    respond(text=text, response_type="ephemeral", replace_original=False)


def another(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    found = tip_for(
        services.store, services.content, body["user"]["id"], avoid=[str(action.get("value"))]
    )
    if found is None:
        respond(text=NO_TIPS, response_type="ephemeral", replace_original=False)
        return
    # Under a private tip the new one takes its place; under the channel's post it is a new
    # private reply, so the post stays for everyone.
    private = bool((body.get("container") or {}).get("is_ephemeral"))
    respond(**tip_message(found), response_type="ephemeral", replace_original=private)


def register(app: App) -> None:
    app.action(TipAction.HELPFUL)(helpful)
    app.action(TipAction.ANOTHER)(another)
