"""Modal submissions and closes."""

from __future__ import annotations

from slack_bolt import App


def register(app: App) -> None:
    del app  # no modals yet
