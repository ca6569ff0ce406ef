"""/tip [topic]: a tip now, privately. /tips …: this channel's daily-tip schedule."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import Services
from bot.text import escape
from bot.tips.on_demand import NO_TIPS, UnknownTopic, tip_for
from bot.tips.posting import mark_daily_tip_shown, next_daily_tip
from bot.tips.schedule_args import ArgsError, PostNow, TurnOn, parse
from handlers.caps import quote
from handlers.clients import maybe_sent
from handlers.context import services_of
from handlers.ids import Command
from handlers.outbox_sender import posted_ts
from handlers.tips.blocks import tip_message

log = logging.getLogger(__name__)

INTRO = "Service tip of the day"
INVITE = "type `/invite @Service Coach` in this channel"
_NOT_MEMBER = ("not_in_channel", "channel_not_found")


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


def tips(
    ack: Ack, respond: Respond, command: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    manager = services.tips
    channel, user, now = command["channel_id"], command["user_id"], services.clock.now()
    zone = services.settings.timezone
    try:
        parsed = parse(str(command.get("text") or ""), zone, manager.today(channel, zone, now))
        if isinstance(parsed, PostNow):
            respond(text=_post_now(services, client, channel, user), response_type="ephemeral")
            return
        outcome = manager.apply(parsed, channel, user, now)
    except ArgsError as error:
        # The message quotes what was typed, so it is escaped as a whole.
        respond(text=":warning: " + escape(str(error)), response_type="ephemeral")
        return
    reply = outcome.reply
    if outcome.notice is not None and not _tell_channel(client, channel, outcome.notice):
        due = "before the first tip is due" if isinstance(parsed, TurnOn) else "to let me post"
        reply += f"\n:warning: I'm not a member of this channel yet: {INVITE} {due}."
    respond(text=reply, response_type="ephemeral")


def _tell_channel(client: WebClient, channel: str, notice: str) -> bool:
    """Post the notice of a change; False when the bot is not in the channel."""
    try:
        client.chat_postMessage(channel=channel, text=notice)
    except SlackApiError as error:
        if error.response.get("error") in _NOT_MEMBER:
            return False
        log.warning("Could not tell channel %s about a tips change: %s", channel, error)
    return True


def _post_now(services: Services, client: WebClient, channel: str, user: str) -> str:
    manager = services.tips
    refusal = manager.may_change(user)
    if refusal is not None:
        return refusal
    now = services.clock.now()
    lease = manager.claim_today(channel, services.settings.timezone, now)
    if lease is None:
        return (
            "Today's tip already went out in this channel, so I won't post a second one. "
            "`/tip` shows you another, privately."
        )
    posted = next_daily_tip(services.store, services.content, channel)
    if posted is None:
        manager.release_today(lease, now)
        return NO_TIPS
    try:
        with maybe_sent():
            answer = client.chat_postMessage(channel=channel, **tip_message(posted, intro=INTRO))
    except SlackApiError as error:
        # Slack answered with an error, so nothing went out: today's tip is still owed. After
        # an ambiguous failure (MaybeSent) the lease stays, and expires into a takeover that
        # logs a possible duplicate.
        manager.release_today(lease, now)
        if error.response.get("error") == "not_in_channel":
            return (
                f"I'm not a member of this channel, so I can't post here: {INVITE}, then try again."
            )
        raise
    manager.posted_today(lease, services.clock.now(), posted_ts(answer))
    mark_daily_tip_shown(services.store, services.content, channel, posted)
    return (
        "Posted today's tip in the channel. It counts as today's: the scheduled one will not "
        "post again today."
    )


def register(app: App) -> None:
    app.command(Command.TIP)(tip)
    app.command(Command.TIPS)(tips)
