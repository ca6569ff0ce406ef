"""The Sender on Slack's Web API: the one module of the tips package that imports Slack."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.tips.sender import ChannelGone, NotInChannel

_GONE = ("channel_not_found", "is_archived")


class SlackSender:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post(self, channel: str, body: dict[str, Any]) -> None:
        try:
            self.client.chat_postMessage(channel=channel, **body)
        except SlackApiError as error:
            code = str(error.response.get("error", ""))
            if code == "not_in_channel":
                raise NotInChannel(channel, code) from error
            if code in _GONE:
                raise ChannelGone(channel, code) from error
            raise

    def direct_message(self, user: str, text: str) -> None:
        # Posting to a user ID opens (or reuses) the DM with the bot; needs im:write.
        self.client.chat_postMessage(channel=user, text=text)
