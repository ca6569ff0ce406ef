"""The managers' reports' direct Web API calls: the manager group's members, and files sent
to a manager's DM or a channel. The weekly digest post is in handlers/reports/jobs.py."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.reports.access import GroupLookup
from bot.reports.files import Attachment

log = logging.getLogger(__name__)

# Answers that mean the group cannot be read at all; the last good list is kept meanwhile.
_GROUP_ERRORS = ("no_such_subteam", "subteam_not_found", "missing_scope", "not_allowed_token_type")


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
    upload(client, str((opened.get("channel") or {})["id"]), attachment, comment)


def upload(
    client: WebClient, channel: str, attachment: Attachment, comment: str | None = None
) -> None:
    client.files_upload_v2(
        channel=channel,
        content=attachment.content,
        filename=attachment.filename,
        title=attachment.title,
        initial_comment=comment,
    )
