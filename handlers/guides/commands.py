"""/deescalate [scenario or word]: the step-by-step guide, privately."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.agent_time import agent_zone
from bot.guides.lookup import find_guide, wants_list
from bot.guides.state import GuideState
from handlers.context import services_of
from handlers.guides.cards import (
    LIST_TEXT,
    list_blocks,
    no_match_blocks,
    no_match_text,
    step_blocks,
    step_text,
)
from handlers.ids import Command


def deescalate(ack: Ack, respond: Respond, command: dict[str, Any], context: BoltContext) -> None:
    ack()
    services = services_of(context)
    content = services.content
    asked = str(command.get("text") or "").strip()
    guide = find_guide(content, asked) if asked else content.general_guide
    if guide is None:
        if wants_list(asked):
            text, blocks = LIST_TEXT, list_blocks(content)
        else:
            text, blocks = no_match_text(asked), no_match_blocks(content, asked)
        respond(text=text, blocks=blocks, response_type="ephemeral")
        return
    state = GuideState.start(guide.id)
    hold = services.hold_timers.get(command["user_id"])
    respond(
        text=step_text(content, state),
        blocks=step_blocks(
            content,
            state,
            hold,
            agent_zone(services.people, command["user_id"], services.settings.zone),
        ),
        response_type="ephemeral",
    )


def register(app: App) -> None:
    app.command(Command.DEESCALATE)(deescalate)
