"""The tips Sender on Slack's Web API: posts the tip of the day as Block Kit."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.content import Tip
from bot.tips.sender import ChannelGone, NotInChannel
from handlers.clients import maybe_sent
from handlers.tips.blocks import tip_message

_GONE = ("channel_not_found", "is_archived")


class SlackSender:
    def __init__(self, client: WebClient) -> None:
        self.client = client

    def post_tip(self, channel: str, tip: Tip) -> None:
        body = tip_message(tip, intro="Service tip of the day")
        try:
            with maybe_sent():
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
