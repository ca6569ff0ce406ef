"""The `rephrase_message` shortcut: check any message (say, a draft posted for review)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.ids import Shortcut
from bot.rephrase.answer import rephrase_answer
from bot.services import services_of


def rephrase_message(
    ack: Ack, respond: Respond, shortcut: dict[str, Any], context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    answer = rephrase_answer(
        (shortcut.get("message") or {}).get("text") or "",
        content=services.content,
        store=services.store,
        clock=services.clock,
        user=shortcut["user"]["id"],
    )
    respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def register(app: App) -> None:
    app.shortcut(Shortcut.REPHRASE_MESSAGE)(rephrase_message)
