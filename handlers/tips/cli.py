"""`python -m bot post-tip --channel C123`: post a channel's next tip now, for people who use cron.

It shares the channel's rotation with the daily schedule, so the two never repeat each other;
it does not claim the day, so it posts every time it is run.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.content import load_content
from bot.store import open_store
from bot.tips.posting import mark_daily_tip_shown, next_daily_tip
from handlers.clients import make_client
from handlers.outbox_sender import meaning_of
from handlers.tips.blocks import tip_message

INTRO = "Service tip of the day"
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


def main_post_tip(settings: Settings, channel: str, api_url: str | None = None) -> int:
    """`api_url` (the hidden --api-url option) points the client at a fake Slack in tests."""
    if not settings.bot_token:
        return _fail(
            "post-tip needs SLACK_BOT_TOKEN (the bot's xoxb- token) in the environment or .env."
        )
    if not _CHANNEL_ID.match(channel):
        return _fail(
            f"--channel needs a channel ID such as C0123ABCD (got {channel!r}). In Slack, open "
            "the channel's details: the ID is at the bottom."
        )
    content = load_content(settings.content_dir)
    store = open_store(
        Path(settings.db_path), settings.database_url, pool_size=settings.db_pool_size
    )
    try:
        tip = next_daily_tip(store, content, channel)
        if tip is not None:
            client = make_client(settings.bot_token, api_url)
            client.chat_postMessage(channel=channel, **tip_message(tip, intro=INTRO))
            mark_daily_tip_shown(store, content, channel, tip)
    except SlackApiError as error:
        code = str(error.response.get("error"))
        if code == "not_in_channel":
            return _fail(
                f"I'm not a member of {channel}: type `/invite @Service Coach` there first."
            )
        return _fail(f"Slack refused the post to {channel} ({code}): {meaning_of(code)[1]}.")
    finally:
        store.close()
    if tip is None:
        return _fail("There are no tips to post: check content/tips.toml.")
    print(f"Posted “{tip.title}” to {channel}.")
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
