"""The scheduled jobs, each run by the ticker with the current time."""

from __future__ import annotations

from datetime import datetime, timedelta

from slack_bolt import App

from bot.calllog.jobs import call_jobs
from bot.rephrase.state import forget_old_drafts
from bot.reports.slack_io import digest_job
from bot.services import Services
from bot.tips.posting import TipPoster
from bot.tips.slack_sender import SlackSender
from handlers.hold_nudge import send_hold_nudges

TIPS_JOB = "daily tips"


def register_jobs(app: App, services: Services) -> None:
    ticker = services.ticker
    client = app.client

    tip_poster = TipPoster(
        services.store,
        services.content,
        SlackSender(client),
        timedelta(hours=services.settings.tip_catchup_hours),
    )
    ticker.add(TIPS_JOB, tip_poster.tick)

    ticker.add("hold timers", lambda now: send_hold_nudges(client, services, now))

    # Follow-up reminders and the daily retention purge.
    for name, job in call_jobs(services, client.chat_postMessage).items():
        ticker.add(name, job)

    ticker.add("weekly digest", digest_job(services, client))

    ticker.add("forget old drafts", lambda now: _forget_drafts(services, now))


def _forget_drafts(services: Services, now: datetime) -> None:
    forget_old_drafts(services.store, now)
