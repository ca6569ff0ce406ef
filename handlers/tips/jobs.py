"""The daily tips job: each channel's tip at its local time, posted through the outbox."""

from __future__ import annotations

from datetime import timedelta

from slack_sdk import WebClient

from bot.content import Tip
from bot.outbox import DueItem
from bot.services import Services
from bot.tips.posting import TipPoster
from handlers.outbox_sender import posted_ts, slack_route
from handlers.tips.blocks import tip_message

TIPS_JOB = "daily tips"
# With a database shared by several instances, a schedule changed on another one is picked up
# within this; one instance alone on its TinyDB file sees every change as it happens.
SHARED_REBUILD = timedelta(minutes=1)


def send_tip(client: WebClient, item: DueItem, tip: object) -> str | None:
    assert isinstance(tip, Tip)
    body = tip_message(tip, intro="Service tip of the day")
    return posted_ts(client.chat_postMessage(channel=item.channel, **body))


def add_tips_job(services: Services, client: WebClient) -> TipPoster:
    poster = TipPoster(
        services.store,
        services.content,
        services.tip_schedules,
        services.outbox,
        timedelta(hours=services.settings.tip_catchup_hours),
        rebuild_every=SHARED_REBUILD if services.settings.database_url else None,
    )
    route = slack_route(client, send_tip)
    services.ticker.add(TIPS_JOB, lambda now: poster.tick(now, route))
    return poster
