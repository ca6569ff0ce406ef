"""/rephrase <draft>: check a draft privately; /rephrase alone opens a modal for long drafts."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from handlers.ids import Command
from handlers.rephrase.answer import answer_for
from handlers.rephrase.blocks import draft_modal


def rephrase_command(
    ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    draft = command.get("text") or ""
    if not draft.strip():
        client.views_open(trigger_id=command["trigger_id"], view=draft_modal())
        return
    answer = answer_for(context, draft, command["user_id"])
    respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def register(app: App) -> None:
    app.command(Command.REPHRASE)(rephrase_command)
