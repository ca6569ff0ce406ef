"""Slash commands."""

from __future__ import annotations

from slack_bolt import Ack, App, Respond

from bot.help import help_blocks, help_text
from bot.ids import Command
from handlers.coming_soon import coming_soon_command


def show_help(ack: Ack, respond: Respond) -> None:
    ack()
    respond(text=help_text(), blocks=help_blocks(), response_type="ephemeral")


def register(app: App) -> None:
    app.command(Command.HELP)(show_help)

    # tips
    app.command(Command.TIP)(coming_soon_command)
    app.command(Command.TIPS)(coming_soon_command)

    # de-escalation
    app.command(Command.DEESCALATE)(coming_soon_command)

    # call log
    app.command(Command.LOGCALL)(coming_soon_command)

    # managers' reports
    app.command(Command.CALLS)(coming_soon_command)

    # rephrasing
    app.command(Command.REPHRASE)(coming_soon_command)
