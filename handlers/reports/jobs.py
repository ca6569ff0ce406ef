"""The weekly digest: each due digest goes through the outbox, once each."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from slack_sdk import WebClient

from bot.outbox import DueItem, Refused
from bot.reports.digest import KIND, DigestSchedule, open_digests
from bot.scheduler import Job
from bot.services import Services
from handlers.outbox_sender import posted_ts, slack_route
from handlers.reports.digest_post import DigestPost, digest_post
from handlers.reports.slack_io import upload

log = logging.getLogger(__name__)


def send_digest(client: WebClient, item: DueItem, digest: object) -> str | None:
    assert isinstance(digest, DigestPost)
    answer = client.chat_postMessage(channel=item.channel, text=digest.text, blocks=digest.blocks)
    return posted_ts(answer)


def digest_job(services: Services, client: WebClient) -> Job:
    """The ticker job: hand every due digest to the outbox."""
    route = slack_route(client, send_digest)

    def run(now: datetime) -> None:
        catch_up = timedelta(hours=services.settings.tip_catchup_hours)
        for schedule, local_day in open_digests(services.store, now, catch_up):
            if not services.outbox.finished(KIND, schedule.channel, local_day.isoformat()):
                services.outbox.submit(_item(services, client, schedule, local_day, now), route)

    return run


def _item(
    services: Services, client: WebClient, schedule: DigestSchedule, local_day: date, now: datetime
) -> DueItem:
    def compose() -> DigestPost:
        return digest_post(services, local_day, schedule.zone, now)

    def chart(digest: object) -> None:
        # After the post is recorded: a failed chart never posts the digest twice.
        assert isinstance(digest, DigestPost)
        if digest.count:
            upload(client, schedule.channel, digest.chart())

    return DueItem(
        kind=KIND,
        target=schedule.channel,
        slot=local_day.isoformat(),
        channel=schedule.channel,
        compose=compose,
        owner=schedule.set_by or None,
        after_sent=chart,
        paused=lambda refusal: not_posted_text(schedule, refusal),
    )


def not_posted_text(schedule: DigestSchedule, refusal: Refused) -> str:
    """A weekly post is not paused for good: the manager hears why, and next week tries again."""
    channel = f"<#{schedule.channel}>"
    invite = "; `/invite @Service Coach` there" if refusal.code == "not_in_channel" else ""
    return (
        f"I couldn't post this week's difficult-call digest in {channel}: {refusal.reason}"
        f"{invite}. I'll try again next week. `/calls digest off {channel}` stops it; "
        "`/calls digest on #another-channel` sets one up elsewhere."
    )
