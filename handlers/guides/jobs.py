"""The one-minute hold nudge, sent through the outbox; run by the ticker (added in
handlers/guides/__init__.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.guides.hold_timer import HoldTimer
from bot.outbox import DueItem
from bot.scheduler import Job
from bot.services import Services
from handlers.guides.cards import nudge_message
from handlers.outbox_sender import PAUSE, meaning_of, posted_ts, slack_route

log = logging.getLogger(__name__)
KIND = "hold_nudge"


def send_nudge(client: WebClient, item: DueItem, message: object) -> str | None:
    """Privately in the channel of the call; where that cannot work (the bot is not in the
    channel, or it is gone: /deescalate works anywhere), in the agent's DM instead."""
    assert isinstance(message, dict)
    if item.channel != item.target:
        try:
            client.chat_postEphemeral(channel=item.channel, user=item.target, **message)
            return None
        except SlackApiError as error:
            code = str(error.response.get("error"))
            if meaning_of(code)[0] is not PAUSE:
                raise
            log.info("hold nudge for %s falls back to a DM: %s", item.target, code)
    return posted_ts(client.chat_postMessage(channel=item.target, **message))


def nudge_job(services: Services, client: WebClient) -> Job:
    """The ticker job: hand every due nudge to the outbox, ahead of any tips."""
    route = slack_route(client, send_nudge)
    timers = services.hold_timers

    def run(now: datetime) -> None:
        for timer in timers.due(now):
            slot = timer.started_at.isoformat()
            if services.outbox.finished(KIND, timer.user, slot):
                timers.finish(timer)  # sent, but the process stopped before deleting it
                continue
            services.outbox.submit(_item(services, timer), route)

    return run


def _item(services: Services, timer: HoldTimer) -> DueItem:
    timers = services.hold_timers

    def compose() -> dict[str, object] | None:
        # "Back with customer" since: nothing to nudge about.
        return nudge_message(services.content) if timers.running(timer) else None

    return DueItem(
        kind=KIND,
        target=timer.user,
        slot=timer.started_at.isoformat(),
        channel=timer.channel or timer.user,
        compose=compose,
        urgent=True,
        after_sent=lambda _message: timers.finish(timer),
    )
