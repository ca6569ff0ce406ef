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
    from bot.calls.jobs import call_jobs

    for name, job in call_jobs(services, app.client.chat_postMessage).items():
        ticker.add(name, job)

    # --- managers' weekly digest ---
