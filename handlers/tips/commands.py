"""/tip [topic]: a tip now, privately. /tips …: this channel's daily-tip schedule."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.text import escape
from bot.tips.on_demand import NO_TIPS, UnknownTopic, tip_for
from bot.tips.schedule_args import ArgsError, parse
from handlers.caps import quote
from handlers.context import services_of
from handlers.ids import Command
from handlers.tips.blocks import tip_message


def tip(ack: Ack, respond: Respond, command: dict[str, Any], context: BoltContext) -> None:
    ack()
    services = services_of(context)
    topic = str(command.get("text") or "").strip()
    try:
        found = tip_for(services.store, services.content, command["user_id"], topic)
    except UnknownTopic as unknown:
        respond(
            text=(
                f"I have no tips on “{escape(quote(unknown.topic, 80))}”. Try one of these topics: "
                + ", ".join(unknown.topics)
                + ". For example: `/tip empathy`"
            ),
            response_type="ephemeral",
        )
        return
    if found is None:
        respond(text=NO_TIPS, response_type="ephemeral")
        return
    respond(**tip_message(found), response_type="ephemeral")


def tips(ack: Ack, respond: Respond, command: dict[str, Any], context: BoltContext) -> None:
    ack()
    services = services_of(context)
    settings = services.settings
    manager = services.tips
    try:
        parsed = parse(str(command.get("text") or ""), settings.timezone)
        reply = manager.apply(
            parsed, command["channel_id"], command["user_id"], services.clock.now()
        )
    except ArgsError as error:
        # The message quotes what was typed, so it is escaped as a whole.
        reply = ":warning: " + escape(str(error))
    respond(text=reply, response_type="ephemeral")


def register(app: App) -> None:
    app.command(Command.TIP)(tip)
    app.command(Command.TIPS)(tips)
