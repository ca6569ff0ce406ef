"""The one way every /rephrase surface (command, modal, shortcut, button) builds its answer."""

from __future__ import annotations

from slack_bolt import BoltContext

from bot.rephrase.answer import Answer, rephrase_answer
from bot.services import services_of


def answer_for(context: BoltContext, draft: str, user: str, variant: int = 0) -> Answer:
    services = services_of(context)
    return rephrase_answer(
        draft,
        content=services.content,
        store=services.store,
        clock=services.clock,
        user=user,
        variant=variant,
    )
