"""The scheduled jobs, each run by the ticker with the current time.

Each feature adds its jobs in its own section below.
"""

from __future__ import annotations

from slack_bolt import App

from bot.services import Services

TIPS_JOB = "daily tips"


def register_jobs(app: App, services: Services) -> None:
    ticker = services.ticker

    # --- daily tips ---
    from datetime import timedelta

    from bot.tips.posting import TipPoster
    from bot.tips.slack_sender import SlackSender

    tip_poster = TipPoster(
        services.store,
        services.content,
        SlackSender(app.client),
        timedelta(hours=services.settings.tip_catchup_hours),
    )
    ticker.add(TIPS_JOB, tip_poster.tick)

    # --- de-escalation hold timers ---
    from handlers.hold_nudge import send_hold_nudges

    ticker.add("hold-timers", lambda now: send_hold_nudges(app.client, services, now))

    # --- call-log follow-up reminders and retention ---
    from bot.calls.jobs import call_jobs

    for name, job in call_jobs(services, app.client.chat_postMessage).items():
        ticker.add(name, job)

    # --- managers' weekly digest ---
    from bot.reports.slack_io import digest_job

    ticker.add("weekly digest", digest_job(services, app.client))
