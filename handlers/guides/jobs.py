"""Sends the one-minute hold nudge; run by the ticker (added in handlers/guides/__init__.py)."""

from __future__ import annotations

import logging
from datetime import datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.guides.hold_timer import HoldTimer
from bot.services import Services
from handlers.guides.cards import nudge_message

log = logging.getLogger(__name__)

# chat.postEphemeral fails like this where the bot is not a member: /deescalate works in any
# channel, so the nudge then goes to the agent's direct messages instead.
_NOT_THERE = ("channel_not_found", "not_in_channel", "user_not_in_channel", "is_archived")


def send_hold_nudges(client: WebClient, services: Services, now: datetime) -> None:
    message = nudge_message(services.content)

    def nudge(timer: HoldTimer) -> None:
        if timer.channel is not None:
            try:
                client.chat_postEphemeral(channel=timer.channel, user=timer.user, **message)
                return
            except SlackApiError as error:
                if error.response.get("error") not in _NOT_THERE:
                    raise
                log.info("hold nudge for %s falls back to a DM: %s", timer.user, error)
        client.chat_postMessage(channel=timer.user, **message)

    services.hold_timers.fire_due(now, nudge)
