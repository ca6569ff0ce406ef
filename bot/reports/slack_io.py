"""The managers' view's few direct Web API calls: the manager group's members, files sent to
a manager's DM, and the weekly digest post. Kept here so the rest of bot/reports stays free
of Slack."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.calllog.log import CallLog
from bot.recurring import claim_post, release_post
from bot.reports.access import GroupLookup
from bot.reports.digest import (
    KIND,
    DigestSchedule,
    digest_blocks,
    digest_summary,
    due_digests,
)
from bot.reports.digest import last_week as last_week_of
from bot.reports.files import Attachment, chart_file
from bot.reports.summary import matching, overdue_follow_ups
from bot.scheduler import Job
from bot.services import Services

log = logging.getLogger(__name__)

# Answers that mean the group cannot be read at all; the last good list is kept meanwhile.
_GROUP_ERRORS = ("no_such_subteam", "subteam_not_found", "missing_scope", "not_allowed_token_type")
# Answers after which retrying the digest this week cannot help, and what they mean.
_CHANNEL_GONE = {
    "not_in_channel": "I'm not a member of it; `/invite @Service Coach` there",
    "channel_not_found": "Slack can't find it (deleted, or private without me)",
    "is_archived": "it was archived",
    "access_denied": "Slack refused me access to it",
}


def group_lookup(client: WebClient) -> GroupLookup:
    def members(group: str) -> list[str] | None:
        try:
            answer = client.usergroups_users_list(usergroup=group)
        except SlackApiError as error:
            code = error.response.get("error")
            if code not in _GROUP_ERRORS:
                raise
            log.warning("Cannot read BOT_MANAGER_GROUP %s: %s", group, code)
            return None
        return [str(user) for user in answer.get("users") or []]

    return members


def send_file_to_dm(client: WebClient, user: str, attachment: Attachment, comment: str) -> None:
    """Upload a file into the user's direct message with the bot."""
    opened = client.conversations_open(users=user)
    _upload(client, str((opened.get("channel") or {})["id"]), attachment, comment)


def _upload(
    client: WebClient, channel: str, attachment: Attachment, comment: str | None = None
) -> None:
    client.files_upload_v2(
        channel=channel,
        content=attachment.content,
        filename=attachment.filename,
        title=attachment.title,
        initial_comment=comment,
    )


def digest_job(services: Services, client: WebClient) -> Job:
    """The ticker job: post every weekly digest that is due, once each."""

    def run(now: datetime) -> None:
        catch_up = timedelta(hours=services.settings.tip_catchup_hours)
        for schedule, local_day in due_digests(services.store, now, catch_up):
            if not claim_post(services.store, KIND, schedule.channel, local_day, now):
                continue
            log_ = CallLog(services.store)
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
                _upload(client, schedule.channel, chart_file(records, window))

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
