"""The scheduled jobs, each run by the ticker with the current time.

Each feature adds its jobs in its own section below.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services


def register_jobs(app: App, services: Services) -> None:
    ticker = services.ticker

    # --- daily tips ---

    # --- de-escalation hold timers ---

    # --- call-log follow-up reminders and retention ---

    # --- managers' weekly digest ---
    from bot.reports.slack_io import digest_job

    ticker.add("weekly digest", digest_job(services, app.client))
