"""The Slack edge: one package per feature, each with a `register(app, services)`.

Listeners are thin: parse what Slack sent, call a core service in `bot/`, reply.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services
from handlers import calllog, guides, home, people, rephrase, reports, tips

# Every feature the app registers, in order. A new feature package adds one entry here.
FEATURES = (people, tips, guides, calllog, reports, rephrase, home)


def register_all(app: App, services: Services) -> None:
    for feature in FEATURES:
        feature.register(app, services)
