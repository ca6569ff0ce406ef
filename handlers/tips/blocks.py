"""The tip as Slack shows it: title, body, suggested wording, its source, and two buttons."""

from __future__ import annotations

from typing import Any

from bot.content import Tip
from bot.text import escape
from handlers.blocks import actions, button, context, header, message, section
from handlers.ids import TipAction, TipBlock

NOTIFICATION_LIMIT = 150  # a phone shows about this much of a notification


def tip_message(tip: Tip, *, intro: str = "Service tip") -> dict[str, Any]:
    """The post (or the private reply): blocks plus a text fallback for notifications."""
    blocks = [
        header(f"💡 {tip.title}"),
        section(escape(tip.body)),
    ]
    if tip.wording:
        blocks.append(section(f"*Try saying:*\n>{escape(tip.wording)}"))
    blocks += [
        context(f"From _{escape(tip.source.title)}_"),
        actions(
            button("Helpful", TipAction.HELPFUL, tip.id),
            button("Another tip", TipAction.ANOTHER, tip.id),
            block_id=TipBlock.BUTTONS,
        ),
    ]
    return message(notification_text(tip, intro), blocks)


def notification_text(tip: Tip, intro: str = "Service tip") -> str:
    """'Service tip: Let them finish — When a caller is upset, …': the point first, then clipped."""
    text = f"{intro}: {tip.title} — {tip.body}"
    if len(text) <= NOTIFICATION_LIMIT:
        return escape(text)
    return escape(text[: NOTIFICATION_LIMIT - 1].rsplit(" ", 1)[0] + "…")
