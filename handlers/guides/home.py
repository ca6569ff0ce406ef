"""The guide's App Home panel: one button that opens the guide in a modal."""

from __future__ import annotations

from bot.services import Services
from handlers.blocks import Block, actions, button, section
from handlers.ids import GuideAction


def home_panel(services: Services, user_id: str) -> list[Block]:
    del services, user_id  # the same for everyone
    return [
        section(
            "*De-escalate a call*\nA calm, step-by-step path through an angry or difficult "
            "call, with a one-minute hold timer."
        ),
        actions(button("De-escalate", GuideAction.OPEN, style="primary")),
    ]
