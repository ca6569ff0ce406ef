"""Issue 18 item 10: the hold timer and the snooze times are in the agent's own zone, from
Slack's users.info through the people directory, and labelled; the bot's zone (Chicago here)
only when Slack does not say."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from handlers.console.fakeslack.server import ApiCall
from tests.harness import Harness

LONDON_AGENT = "U0AGENT03"  # Chen, Europe/London in the fake workspace
STRANGER = "U0NOBODY1"  # Slack does not know this one


def guide_on_hold(bot: Harness, user: str) -> str:
    before = len(bot.fake.calls_to("response_url"))
    bot.command("/deescalate", "on hold", user=user)
    card = bot.wait("response_url", count=before + 1)
    bot.click(card, "Customer on hold", user=user)
    return bot.text(bot.wait("response_url", count=before + 2))


def test_the_hold_timer_shows_the_agents_own_time_labelled(bot: Harness) -> None:
    # The clock reads 14:00 UTC: 14:00 in London, 08:00 in Chicago.
    shown = guide_on_hold(bot, LONDON_AGENT)
    assert "Customer on hold since 14:00:00 GMT" in shown
    assert "I'll nudge you at 14:01:00 GMT" in shown
    assert "Customer on hold since 08:00:00 CST" in guide_on_hold(bot, STRANGER)


def reminder_for(bot: Harness, user: str) -> ApiCall:
    before = len(bot.fake.calls_to("views.open"))
    replies = len(bot.fake.calls_to("response_url"))
    bot.command("/logcall", "billing 3 callback: promised a refund update", user=user)
    form = bot.wait("views.open", count=before + 1)
    due = bot.clock.now() + timedelta(minutes=30)
    bot.submit(form, user=user, follow_up=str(int(due.timestamp())))
    bot.wait("response_url", count=replies + 1)  # logged: the confirmation came back
    bot.clock.set(due)
    bot.tick()
    return bot.wait("chat.postMessage")


def test_snoozing_until_tomorrow_morning_means_the_agents_morning(bot: Harness) -> None:
    reminder = reminder_for(bot, LONDON_AGENT)
    replies = len(bot.fake.calls_to("response_url"))
    bot.click(reminder, "Snooze until tomorrow 09:00 GMT", user=LONDON_AGENT)
    settled = bot.text(bot.wait("response_url", count=replies + 1))
    assert "I'll remind you again Tue 1 Dec at 09:00 GMT" in settled
    bot.clock.set(datetime(2026, 12, 1, 8, 59, tzinfo=UTC))  # 09:00 London is 09:00 UTC
    bot.tick()
    sent = len(bot.fake.calls_to("chat.postMessage"))
    bot.clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    bot.tick()
    assert len(bot.fake.calls_to("chat.postMessage")) == sent + 1


def test_an_agent_slack_does_not_know_gets_the_bots_zone_labelled(bot: Harness) -> None:
    reminder = reminder_for(bot, STRANGER)
    bot.control(reminder, "Snooze until tomorrow 09:00 CST")
