"""Placeholder until the feature lands."""

from __future__ import annotations

from slack_bolt import App

from bot.ids import Command
from handlers.coming_soon import coming_soon_command


def register(app: App) -> None:
    app.command(Command.TIP)(coming_soon_command)
    app.command(Command.TIPS)(coming_soon_command)
