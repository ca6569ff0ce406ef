"""What posting needs from Slack, and the failures it handles, without importing Slack here.

The Slack edge implements it on the Web API client and words the tip as Block Kit; tests
use the real one against the fake Slack.
"""

from __future__ import annotations

from typing import Protocol

from bot.content import Tip


class Sender(Protocol):
    def post_tip(self, channel: str, tip: Tip) -> None:
        """Post the tip of the day to a channel; raise a SendError subclass on the failures
        below, anything else on the rest."""
        ...

    def direct_message(self, user: str, text: str) -> None: ...


class SendError(Exception):
    """Slack refused the post for a reason the poster handles."""

    def __init__(self, channel: str, code: str) -> None:
        super().__init__(f"Slack answered {code} for {channel}")
        self.channel = channel
        self.code = code


class NotInChannel(SendError):
    """The bot is not a member of the channel: someone has to invite it."""


class ChannelGone(SendError):
    """The channel was deleted or archived: posting there will never work again."""
