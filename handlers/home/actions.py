"""Buttons on the App Home that belong to no one feature."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers.home.help import help_blocks, help_text
from handlers.ids import Action


def help_from_home(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    ack()
    # App Home buttons carry no response_url, so the help goes to the user's DM with the bot.
    client.chat_postMessage(channel=body["user"]["id"], text=help_text(), blocks=help_blocks())


def register(app: App) -> None:
    app.action(Action.HOME_HELP)(help_from_home)
