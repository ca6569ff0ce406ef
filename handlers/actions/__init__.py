"""Buttons and menus (block_actions), one module per feature."""

from __future__ import annotations

from slack_bolt import App

from handlers.discover import register_modules


def register(app: App) -> None:
    register_modules(app, __name__, __path__)
