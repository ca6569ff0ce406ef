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
    from handlers.hold_nudge import send_hold_nudges

    ticker.add("hold-timers", lambda now: send_hold_nudges(app.client, services, now))

    # --- call-log follow-up reminders and retention ---

    # --- managers' weekly digest ---
