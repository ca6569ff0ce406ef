"""The scheduled jobs, each run by the ticker with the current time."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services


def register_jobs(app: App, services: Services) -> None:
    del app, services  # later features add their jobs here
