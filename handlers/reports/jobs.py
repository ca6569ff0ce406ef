"""The weekly digest post: the ticker job that sends every digest that is due, once each."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.recurring import claim_post, release_post
from bot.reports.digest import KIND, DigestSchedule, due_digests
from bot.scheduler import Job
from bot.services import Services
from handlers.reports.digest_post import digest_post
from handlers.reports.slack_io import upload

log = logging.getLogger(__name__)

# Answers after which retrying the digest this week cannot help, and what they mean.
_CHANNEL_GONE = {
    "not_in_channel": "I'm not a member of it; `/invite @Service Coach` there",
    "channel_not_found": "Slack can't find it (deleted, or private without me)",
    "is_archived": "it was archived",
    "access_denied": "Slack refused me access to it",
}


def digest_job(services: Services, client: WebClient) -> Job:
    """The ticker job: post every weekly digest that is due, once each."""

    def run(now: datetime) -> None:
        catch_up = timedelta(hours=services.settings.tip_catchup_hours)
        for schedule, local_day in due_digests(services.store, now, catch_up):
            if not claim_post(services.store, KIND, schedule.channel, local_day, now):
                continue
            post = digest_post(services, local_day, schedule.zone, now)
            try:
                client.chat_postMessage(
                    channel=schedule.channel, text=post.text, blocks=post.blocks
                )
            except SlackApiError as error:
                code = str(error.response.get("error"))
                if code in _CHANNEL_GONE:
                    # Retrying every tick cannot help; the claim stays, next week tries again,
                    # and the manager who set it up hears why rather than wondering.
                    log.warning("Weekly digest for %s not posted: %s", schedule.channel, code)
                    _tell_not_posted(client, schedule, _CHANNEL_GONE[code])
                    continue
                release_post(services.store, KIND, schedule.channel, local_day)
                raise
            except Exception:
                release_post(services.store, KIND, schedule.channel, local_day)
                raise
            if post.count:
                upload(client, schedule.channel, post.chart())

    return run


def _tell_not_posted(client: WebClient, schedule: DigestSchedule, reason: str) -> None:
    if not schedule.set_by:
        return
    channel = f"<#{schedule.channel}>"
    client.chat_postMessage(
        channel=schedule.set_by,
        text=f"I couldn't post this week's difficult-call digest in {channel}: {reason}. "
        f"I'll try again next week. `/calls digest off {channel}` stops it; "
        "`/calls digest on #another-channel` sets one up elsewhere.",
    )
