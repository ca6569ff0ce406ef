"""The App Home tab and /help: what belongs to no one feature."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.home import actions, commands, events


def register(app: App, services: Services) -> None:
    del services  # the home's listeners read the services from the Bolt context
    commands.register(app)
    actions.register(app)
    events.register(app)
