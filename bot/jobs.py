"""The scheduled jobs, each run by the ticker with the current time.

Each feature adds its jobs in its own section below.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services


def register_jobs(app: App, services: Services) -> None:
    ticker = services.ticker
    del app, ticker  # used by the sections below as features land

    # --- daily tips ---

    # --- de-escalation hold timers ---

    # --- call-log follow-up reminders and retention ---

    # --- managers' weekly digest ---
