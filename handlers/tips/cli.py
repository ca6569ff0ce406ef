"""`python -m bot post-tip --channel C123`: post a channel's next tip now, for people who use cron.

It shares the channel's rotation with the daily schedule, so the two never repeat each other;
it does not claim the day, so it posts every time it is run.
"""

from __future__ import annotations

import re
import sys
from datetime import timedelta
from pathlib import Path

from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.content import load_content
from bot.store import open_store
from bot.tips.posting import TipPoster
from bot.tips.sender import ChannelGone, NotInChannel
from handlers.clients import make_client
from handlers.tips.sender import SlackSender

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
        sender = SlackSender(make_client(settings.bot_token, api_url))
        poster = TipPoster(store, content, sender, timedelta(hours=settings.tip_catchup_hours))
        tip = poster.post_now(channel)
    except NotInChannel:
        return _fail(f"I'm not a member of {channel}: type `/invite @Service Coach` there first.")
    except ChannelGone as gone:
        return _fail(f"Slack can't post to {channel} ({gone.code}): it was deleted or archived.")
    except SlackApiError as error:
        return _fail(f"Slack refused the post to {channel}: {error.response.get('error')}.")
    finally:
        store.close()
    if tip is None:
        return _fail("There are no tips to post: check content/tips.toml.")
    print(f"Posted “{tip.title}” to {channel}.")
    return 0


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
