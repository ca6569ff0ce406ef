"""What posting needs from Slack, and the failures it handles, without importing Slack here.

`bot/tips/slack_sender.py` implements it on the Web API client; tests use the real one
against the fake Slack.
"""

from __future__ import annotations

from typing import Any, Protocol


class Sender(Protocol):
    def post(self, channel: str, body: dict[str, Any]) -> None:
        """Post a message (text and blocks) to a channel; raise a SendError subclass on the
        failures below, anything else on the rest."""
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
