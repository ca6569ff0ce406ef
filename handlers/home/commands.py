"""/help: every command with a one-line description, privately."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond

from handlers.home.help import help_blocks, help_text
from handlers.ids import Command


def show_help(ack: Ack, respond: Respond) -> None:
    ack()
    respond(text=help_text(), blocks=help_blocks(), response_type="ephemeral")


def register(app: App) -> None:
    app.command(Command.HELP)(show_help)
