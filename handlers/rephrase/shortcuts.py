"""The `rephrase_message` shortcut: check any message (say, a draft posted for review)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from handlers.ids import Shortcut
from handlers.rephrase.answer import answer_for


def rephrase_message(
    ack: Ack, respond: Respond, shortcut: dict[str, Any], context: BoltContext
) -> None:
    ack()
    text = (shortcut.get("message") or {}).get("text") or ""
    answer = answer_for(context, text, shortcut["user"]["id"])
    respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def register(app: App) -> None:
    app.shortcut(Shortcut.REPHRASE_MESSAGE)(rephrase_message)
