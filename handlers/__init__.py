"""Slack listeners, one module per surface. Each is thin: parse, call the core, reply."""

from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, shortcuts, views


def register_all(app: App) -> None:
    for surface in (commands, actions, views, events, shortcuts):
        surface.register(app)
