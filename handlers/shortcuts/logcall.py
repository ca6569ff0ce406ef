"""Placeholder until the feature lands."""

from __future__ import annotations

from slack_bolt import App

from bot.ids import Shortcut
from handlers.coming_soon import coming_soon_shortcut


def register(app: App) -> None:
    app.shortcut(Shortcut.LOG_CALL_FROM_MESSAGE)(coming_soon_shortcut)
