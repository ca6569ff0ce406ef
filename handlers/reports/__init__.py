"""/calls: the managers' reports on the call log, their buttons, and the weekly digest post."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers.reports import actions, commands
from handlers.reports.jobs import digest_job
from handlers.reports.slack_io import group_lookup


def register(app: App, services: Services) -> None:
    # BOT_MANAGER_GROUP is read through this app's client, so the App Home can tell managers.
    services.managers.use_lookup(group_lookup(app.client))
    commands.register(app)
    actions.register(app)
    services.ticker.add("weekly digest", digest_job(services, app.client))
