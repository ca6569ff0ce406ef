"""A polite answer for a command or shortcut that is declared but not built yet."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, Respond


def coming_soon_command(ack: Ack, respond: Respond, command: dict[str, Any]) -> None:
    ack()
    respond(
        text=f"`{command['command']}` is not ready yet. Type `/help` to see what works today.",
        response_type="ephemeral",
    )


def coming_soon_shortcut(ack: Ack, respond: Respond) -> None:
    ack()
    respond(
        text="This shortcut is not ready yet. Type `/help` to see what works today.",
        response_type="ephemeral",
    )
