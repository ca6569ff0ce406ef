""" "Try another wording": the next wording of the same draft not shown before."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from handlers.blocks import section
from handlers.context import services_of
from handlers.ids import RephraseAction
from handlers.rephrase.answer import answer_for
from handlers.rephrase.blocks import result_view
from handlers.rephrase.state import decode
from handlers.surfaces import in_modal

EXPIRED = "That draft is no longer available. Run `/rephrase` again with your draft."


def another_wording(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    state = decode(body["actions"][0].get("value", ""), services.store)
    modal = in_modal(body)
    if state is None:
        if modal:
            client.views_update(view_id=body["view"]["id"], view=result_view([section(EXPIRED)]))
        else:
            respond(text=EXPIRED, response_type="ephemeral", replace_original=False)
        return
    answer = answer_for(context, state.draft, body["user"]["id"], state.variant)
    if modal:
        client.views_update(view_id=body["view"]["id"], view=result_view(answer.blocks or []))
    else:
        respond(
            text=answer.text,
            blocks=answer.blocks,
            response_type="ephemeral",
            replace_original=True,
        )


def register(app: App) -> None:
    app.action(RephraseAction.ANOTHER_WORDING)(another_wording)
