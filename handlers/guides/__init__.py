"""/deescalate: the step-by-step guide, its buttons, the hold timer and its nudge."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.guides import actions, commands
from handlers.guides.jobs import nudge_job


def register(app: App, services: Services) -> None:
    commands.register(app)
    actions.register(app)
    services.ticker.add("hold timers", nudge_job(services, app.client))
