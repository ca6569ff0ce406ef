"""/tips changes as a team sees them (issue 18, items 1–4 and 6): the channel is told who changed
what and how to undo it, status keeps the history and the remembered schedule, 12-hour times
and relative days, public holidays, `/tips now`, and the invite reminder. Both stores."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.clock import ManualClock
from bot.config import Settings
from handlers.console.fakeslack.server import FakeSlack
from tests.handlers.tips.test_tips import notices, posts, reply, tips
from tests.harness import AGENT, CHANNEL, Harness

LONDON = ZoneInfo("Europe/London")
CHICAGO = ZoneInfo("America/Chicago")
LEAD = "U0LEAD01"


@pytest.fixture(params=["tinydb", "postgres"])
def bot(
    request: pytest.FixtureRequest, settings: Settings, clock: ManualClock, fake_slack: FakeSlack
) -> Iterator[Harness]:
    if request.param == "postgres":
        settings = replace(settings, database_url=request.getfixturevalue("postgres_database"))
    harness = Harness(settings, clock, fake_slack)
    yield harness
    harness.close()


def at(bot: Harness, zone: ZoneInfo, *args: int) -> None:
    bot.clock.set(datetime(*args, tzinfo=zone))
    bot.tick()


def test_the_channel_is_told_who_changed_the_tips_and_how_to_undo_it(bot: Harness) -> None:
    at(bot, CHICAGO, 2026, 11, 30, 7, 0)
    tips(bot, "on 9am")
    tips(bot, "on 10:30 pm daily", user=LEAD)
    tips(bot, "off", user=LEAD)
    said = notices(bot)
    assert said[0] == (
        f"<@{AGENT}> turned daily tips on here: 09:00 America/Chicago, weekdays. "
        "`/tips off` turns them off."
    )
    assert said[1].startswith(f"<@{LEAD}> changed the daily tips here to 22:30 America/Chicago")
    assert "`/tips on 09:00 America/Chicago weekdays` puts them back" in said[1]
    assert said[2] == (
        f"<@{LEAD}> turned the daily tips off in this channel. "
        "`/tips on 22:30 America/Chicago daily` turns them back on."
    )
    # After off, status shows the remembered schedule and who changed it, newest first.
    status = tips(bot, "status")
    assert "`/tips on 22:30 America/Chicago daily` turns them back on as they were" in status
    assert f"Recent changes: <@{LEAD}> turned daily tips off (Mon 30 Nov 07:00 CST)" in status
    assert "example" not in status.lower()


def test_a_workspace_can_limit_changes_to_its_tips_admins(
    settings: Settings, clock: ManualClock, fake_slack: FakeSlack
) -> None:
    harness = Harness(replace(settings, tips_admins=frozenset({LEAD})), clock, fake_slack)
    try:
        refused = tips(harness, "off")
        assert f"Only <@{LEAD}> can change the daily tips" in refused
        assert "BOT_TIPS_ADMINS" in refused
        assert "Daily tips are now on" in tips(harness, "on 09:00", user=LEAD)
        assert "Only" in tips(harness, "skip tomorrow") and "Only" in tips(harness, "now")
        assert "09:00 America/Chicago" in tips(harness, "status")  # anyone may look
        assert len(notices(harness)) == 1
    finally:
        harness.close()


def test_12_hour_times_and_relative_days_and_the_date_named_once(bot: Harness) -> None:
    at(bot, CHICAGO, 2026, 11, 30, 7, 0)  # a Monday
    assert "*09:30 America/Chicago, weekdays*" in tips(bot, "on 9:30 am")
    skipped = tips(bot, "skip tomorrow")
    assert skipped.count("Tue 1 Dec 2026") == 1
    assert "Next tip: Mon 30 Nov 2026 at 09:30 CST" in skipped
    assert "`/tips unskip 2026-12-01` brings a date back" in skipped
    assert "No tip on Mon 7 Dec 2026" in tips(bot, "skip next monday")
    assert "Next skipped: Tue 1 Dec 2026; Mon 7 Dec 2026." in tips(bot, "status")
    at(bot, CHICAGO, 2026, 12, 1, 9, 30)
    assert len(posts(bot)) == 0
    assert "Tips are back on for Mon 7 Dec 2026" in tips(bot, "unskip next monday")


def test_public_holidays_are_skipped_and_listed(bot: Harness) -> None:
    at(bot, LONDON, 2026, 12, 20, 8, 0)
    tips(bot, "on 09:00 europe/london weekdays")
    shown = tips(bot, "holidays gb")
    assert "No tip on GB public holidays" in shown
    assert "Next skipped: Fri 25 Dec 2026 (Christmas Day); Mon 28 Dec 2026 (Boxing Day" in shown
    assert "skip GB public holidays" in notices(bot)[-1]
    at(bot, LONDON, 2026, 12, 24, 9, 0)
    at(bot, LONDON, 2026, 12, 25, 9, 0)
    at(bot, LONDON, 2026, 12, 28, 9, 0)
    at(bot, LONDON, 2026, 12, 29, 9, 0)
    assert len(posts(bot)) == 2  # the 24th and the 29th
    assert "Next tip: Fri 1 Jan" not in tips(bot, "status")  # New Year's Day is one too
    assert "US-ZZ" in tips(bot, "holidays US-ZZ") and "US has no region ZZ" in tips(
        bot, "holidays US-ZZ"
    )
    assert "post on public holidays too" in (tips(bot, "holidays off") and notices(bot)[-1])


def test_tips_now_posts_and_counts_as_the_days_tip(bot: Harness) -> None:
    at(bot, CHICAGO, 2026, 11, 30, 7, 0)
    tips(bot, "on 09:00")
    assert "Posted today's tip in the channel" in tips(bot, "now")
    assert len(posts(bot)) == 1
    assert "Next tip: Tue 1 Dec 2026 at 09:00 CST" in tips(bot, "status")
    at(bot, CHICAGO, 2026, 11, 30, 9, 0)
    assert len(posts(bot)) == 1  # the scheduled one does not repeat it
    assert "already went out" in tips(bot, "now")
    at(bot, CHICAGO, 2026, 12, 1, 9, 0)
    assert len(posts(bot)) == 2


def test_tips_now_outside_the_channel_says_to_invite_and_keeps_the_day_owed(
    bot: Harness,
) -> None:
    at(bot, CHICAGO, 2026, 11, 30, 7, 0)
    tips(bot, "on 09:00")
    bot.fake.fail_next("chat.postMessage", "not_in_channel")
    assert "/invite @Service Coach" in tips(bot, "now")
    at(bot, CHICAGO, 2026, 11, 30, 9, 0)
    assert len([call for call in posts(bot) if call.answer.get("ok")]) == 1


def test_turning_tips_on_where_the_bot_is_not_a_member_says_to_invite_it(bot: Harness) -> None:
    at(bot, CHICAGO, 2026, 11, 30, 7, 0)
    bot.fake.fail_next("chat.postMessage", "not_in_channel")  # the notice finds out
    reply = tips(bot, "on 09:00", channel="C0NEW")
    assert "Daily tips are now on" in reply
    assert "type `/invite @Service Coach` in this channel before the first tip is due" in reply
    assert "invite" not in tips(bot, "on 10:00", channel=CHANNEL)


@pytest.mark.parametrize("topic", ["refunds", "angry customer on the phone", "Apologising"])
def test_tip_topics_match_words_stems_and_synonyms(bot: Harness, topic: str) -> None:
    shown = reply(bot, lambda: bot.command("/tip", topic))
    assert shown.startswith("== 💡 ") and "no tips on" not in shown


def test_a_topic_with_no_tips_lists_the_topics(bot: Harness) -> None:
    shown = reply(bot, lambda: bot.command("/tip", "zebras"))
    assert "I have no tips on “zebras”" in shown
    assert all(topic in shown for topic in bot.services.content.topics())
