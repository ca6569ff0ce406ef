"""The weekly digest post: the ticker job that sends every digest that is due, once each."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.recurring import claim_post, release_post
from bot.reports.digest import KIND, DigestSchedule, digest_summary, due_digests
from bot.reports.digest import last_week as last_week_of
from bot.reports.files import chart_file
from bot.reports.summary import matching, overdue_follow_ups
from bot.scheduler import Job
from bot.services import Services
from handlers.reports.blocks import digest_blocks
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
            log_ = services.reports.log
            window = last_week_of(local_day, schedule.zone)
            summary = digest_summary(log_, window, now)
            text, blocks = digest_blocks(summary, overdue_follow_ups(log_, now), schedule.zone)
            try:
                client.chat_postMessage(channel=schedule.channel, text=text, blocks=blocks)
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
            if summary.count:
                records = matching(log_, summary.filter, window)
                upload(client, schedule.channel, chart_file(records, window))

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
