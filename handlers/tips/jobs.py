"""The daily tips job: each channel's tip at its local time, posted through Slack."""

from __future__ import annotations

from datetime import timedelta

from slack_sdk import WebClient

from bot.services import Services
from bot.tips.posting import TipPoster
from handlers.tips.sender import SlackSender

TIPS_JOB = "daily tips"


def add_tips_job(services: Services, client: WebClient) -> None:
    tip_poster = TipPoster(
        services.store,
        services.content,
        SlackSender(client),
        timedelta(hours=services.settings.tip_catchup_hours),
    )
    services.ticker.add(TIPS_JOB, tip_poster.tick)
