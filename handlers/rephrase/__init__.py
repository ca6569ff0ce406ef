"""/rephrase and its message shortcut: private suggestions for a kinder, clearer reply."""

from __future__ import annotations

from datetime import datetime

from slack_bolt import App

from bot.services import Services
from handlers.rephrase import actions, commands, shortcuts, views
from handlers.rephrase.state import forget_old_drafts


def register(app: App, services: Services) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    shortcuts.register(app)
    services.ticker.add("forget old drafts", lambda now: _forget_drafts(services, now))


def _forget_drafts(services: Services, now: datetime) -> None:
    forget_old_drafts(services.store, now)
