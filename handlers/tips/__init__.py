"""/tip and /tips: a tip on demand, daily tips per channel, and the buttons under a tip."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.tips import actions, commands
from handlers.tips.jobs import add_tips_job


def register(app: App, services: Services) -> None:
    commands.register(app)
    actions.register(app)
    add_tips_job(services, app.client)
