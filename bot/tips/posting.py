"""The daily-tip job: each tick, post the tip of every channel that is due, exactly once.

For each due channel the post is claimed in the store (channel, local date) BEFORE it is sent,
so a second tick, a second thread or a restart can never post it twice. A send that certainly
failed gives the claim back, so the next tick retries it; a failing channel is logged and
never stops the others.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta

from bot.content import Content, Tip
from bot.maybe_sent import MaybeSent
from bot.recurring import claim_post, is_claimed, release_post
from bot.store import Store
from bot.tips.picking import catalogue
from bot.tips.rotation import Rotation, channel_deck
from bot.tips.schedule_args import on_command
from bot.tips.schedules import ChannelSchedule, Schedules
from bot.tips.sender import ChannelGone, NotInChannel, Sender

log = logging.getLogger(__name__)

TIP_KIND = "tip"
# Slack allows about one message a second per channel, and bursts across many channels are
# rate limited too: posts due in the same tick go out a little over a second apart.
SPACING_SECONDS = 1.1
# At that pace a tick holding 4 posts lasts ~4.4 s, under one 5-second ticker interval, so
# hold nudges and reminders never wait long; the rest post on the next ticks (1,000 channels
# due at once take about 21 minutes), well inside the catch-up window.
MAX_POSTS_PER_TICK = 4
# A cut-off shorter than a tick interval could let a post slip between two ticks.
MIN_CATCH_UP = timedelta(minutes=1)

_GONE_REASONS = {
    "channel_not_found": "Slack could not find the channel (it was deleted, or I can't see it)",
    "is_archived": "the channel was archived",
}


def pause(seconds: float) -> None:
    """The wait between posts; the tests replace this module attribute with a recorder."""
    time.sleep(seconds)


class TipPoster:
    def __init__(
        self,
        store: Store,
        content: Content,
        sender: Sender,
        catch_up: timedelta,
        *,
        wait: Callable[[float], None] | None = None,
    ) -> None:
        self.store = store
        self.content = content
        self.sender = sender
        self.catch_up = max(catch_up, MIN_CATCH_UP)
        self.schedules = Schedules(store)
        self.rotation = Rotation(store)
        self._wait = wait
        # (channel, local date) whose missed post was already looked for: one look each.
        self._looked_at: set[tuple[str, date]] = set()
        self._missed_minute: datetime | None = None  # the minute it was last looked for

    def post_now(self, channel: str) -> Tip | None:
        """Post the channel's next tip now (None if there are no tips). The tip counts as shown
        only once Slack took it, so a failed send does not use it up."""
        ids = catalogue(self.content)
        tip_id = self.rotation.peek(channel_deck(channel), ids)
        if tip_id is None:
            return None
        tip = self.content.tip(tip_id)
        self.sender.post_tip(channel, tip)
        self.rotation.mark_shown(channel_deck(channel), tip_id, ids)
        return tip

    def tick(self, now: datetime) -> None:
        active = self.schedules.active()
        # Looking for a missed post costs a few ms with 1,000 channels: once a minute will do.
        minute = now.replace(second=0, microsecond=0)
        if minute != self._missed_minute:
            self._missed_minute = minute
            self.log_missed(now, active)
        sent = 0
        for schedule, day in self.due(now, active):
            if sent == MAX_POSTS_PER_TICK:
                break
            if not claim_post(self.store, TIP_KIND, schedule.channel, day, now):
                continue  # another thread or instance has it
            if sent:
                (self._wait or pause)(SPACING_SECONDS)
            sent += 1
            try:
                self._deliver(schedule, day)
            except Exception:
                log.exception(
                    "The daily tip for channel %s (%s) failed; it will be retried on the next tick",
                    schedule.channel,
                    day,
                )

    def due(
        self, now: datetime, active: list[ChannelSchedule] | None = None
    ) -> list[tuple[ChannelSchedule, date]]:
        """Unposted tips due at `now`, the longest-waiting first."""
        found = []
        for schedule in self.schedules.active() if active is None else active:
            day = schedule.due(now, self.catch_up)
            if day is not None and not is_claimed(self.store, TIP_KIND, schedule.channel, day):
                found.append((schedule, day))
        found.sort(key=lambda pair: pair[0].recurrence.instant_on(pair[1]))
        return found

    def log_missed(self, now: datetime, active: list[ChannelSchedule]) -> None:
        """A tip is never skipped silently: one whose cut-off passed unposted (the bot was
        down, or every try failed) is logged, once per process."""
        # Only yesterday and today can be missed; older days need no remembering.
        horizon = now.date() - timedelta(days=2)
        self._looked_at = {seen for seen in self._looked_at if seen[1] >= horizon}
        for schedule in active:
            for day in schedule.recurrence.closed(now, self.catch_up):
                if (schedule.channel, day) not in self._looked_at:
                    self._looked_at.add((schedule.channel, day))
                    if schedule.owed(day, now):
                        self._log_if_unposted(schedule, day)

    def _log_if_unposted(self, schedule: ChannelSchedule, day: date) -> None:
        if not is_claimed(self.store, TIP_KIND, schedule.channel, day):
            rec = schedule.recurrence
            log.warning(
                "The daily tip for channel %s on %s was not posted by its cut-off (%s after "
                "%s %s) and is skipped: the bot was down, or every try failed (see above)",
                schedule.channel,
                day,
                self.catch_up,
                f"{rec.at:%H:%M}",
                rec.zone,
            )

    def _deliver(self, schedule: ChannelSchedule, day: date) -> None:
        channel = schedule.channel
        try:
            self.post_now(channel)
        except NotInChannel:
            # Today's tip stays claimed: retrying every tick would only fail again.
            log.warning("Not in channel %s; telling %s how to invite me", channel, schedule.set_by)
            self.sender.direct_message(schedule.set_by, not_in_channel_text(channel))
        except ChannelGone as gone:
            reason = _GONE_REASONS.get(gone.code, gone.code)
            log.warning("Pausing the daily tips for %s: %s", channel, reason)
            self.schedules.pause(channel, reason)
            self.sender.direct_message(
                schedule.set_by, paused_text(channel, reason, on_command(schedule.recurrence))
            )
        except MaybeSent:
            # Slack may have posted it: today's tip stays claimed rather than risk a second.
            log.warning("The tip for %s may not have been posted; not posting it again", channel)
        except Exception:
            release_post(self.store, TIP_KIND, channel, day)
            raise


def not_in_channel_text(channel: str) -> str:
    return (
        f"I couldn't post today's service tip in <#{channel}>: I'm not a member of that "
        "channel. To let me post there, open the channel and type `/invite @Service Coach`. "
        "The next tip will arrive at its usual time; `/tip` shows one privately in the meantime."
    )


def paused_text(channel: str, reason: str, turn_on: str) -> str:
    return (
        f"I've paused the daily service tips for <#{channel}>: {reason}. "
        f"If the channel is back, type `{turn_on}` there to start them again."
    )
