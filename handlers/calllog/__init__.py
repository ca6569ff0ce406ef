"""/logcall and the "Log this call" shortcut: the form, the agent's calls, follow-up reminders."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.calllog import actions, commands, shortcuts, views
from handlers.calllog.jobs import call_jobs


def register(app: App, services: Services) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    shortcuts.register(app)
    # Follow-up reminders and the daily retention purge.
    for name, job in call_jobs(services, app.client).items():
        services.ticker.add(name, job)
