"""Every scheduled post through the real app and the fake Slack, on both stores: daily tips,
weekly digests, follow-up reminders and hold nudges all go through the one outbox.

An instance "killed between claim and post" is a lease left in the store by another owner:
while it is live nothing is posted; once it expires the post goes out, once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from datetime import time as dtime
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.leases import Leases
from bot.outbox import LEASE
from bot.recurring import EVERY_DAY, Recurrence
from bot.tips.schedules import ChannelSchedule
from handlers.console.fakeslack.limits import RateLimits
from handlers.console.fakeslack.server import ApiCall, FakeSlack
from tests.handlers.calllog.test_calllog import log_callback
from tests.handlers.guides.test_deescalate import GUIDES, open_guide, press
from tests.harness import AGENT, CHANNEL, Harness

CHICAGO = ZoneInfo("America/Chicago")
MANAGER = "U0MANAGER1"
LEADS = "C0LEADS"


@pytest.fixture(params=["tinydb", "postgres"])
def settings(request: pytest.FixtureRequest, settings: Settings) -> Settings:
    chosen = replace(settings, managers=frozenset({MANAGER}))
    if request.param == "postgres":
        chosen = replace(chosen, database_url=request.getfixturevalue("postgres_database"))
    return chosen


@pytest.fixture
def waits(bot: Harness) -> list[float]:
    """The outbox's waits (a channel's turn, a Retry-After), recorded instead of slept."""
    asked: list[float] = []
    bot.services.outbox.pacer.sleep = asked.append
    return asked


@dataclass(frozen=True)
class Post:
    """One feature's scheduled post: how to set it up, and how to see it."""

    key: str
    due: datetime
    sent: Callable[[], list[ApiCall]]


def _ok(bot: Harness, method: str, test: Callable[[ApiCall], bool]) -> Callable[[], list[ApiCall]]:
    return lambda: [c for c in bot.fake.calls_to(method) if c.answer.get("ok") and test(c)]


def daily_tip(bot: Harness) -> Post:
    bot.clock.set(datetime(2026, 11, 30, 7, tzinfo=CHICAGO))
    bot.command("/tips", "on 09:00")
    bot.wait("response_url")
    due = datetime(2026, 11, 30, 9, tzinfo=CHICAGO)
    sent = _ok(bot, "chat.postMessage", lambda c: c.args["text"].startswith("Service tip"))
    return Post(f"tip:{CHANNEL}:2026-11-30", due, sent)


def weekly_digest(bot: Harness) -> Post:
    bot.command("/calls", f"digest on <#{LEADS}|leads>", user=MANAGER)
    bot.wait("response_url")
    due = datetime(2026, 12, 7, 9, tzinfo=CHICAGO)  # Monday 09:00, the bot's time zone
    sent = _ok(bot, "chat.postMessage", lambda c: "Weekly digest" in c.args.get("text", ""))
    return Post(f"digest:{LEADS}:2026-12-07", due, sent)


def reminder(bot: Harness) -> Post:
    due = bot.clock.now() + timedelta(minutes=10)
    log_callback(bot, due)
    [found] = bot.services.calls.reminders.due(due)
    sent = _ok(bot, "chat.postMessage", lambda c: "Reminder: you promised" in c.args["text"])
    return Post(f"reminder:{found.call_id}:{found.slot}", due, sent)


def hold_nudge(bot: Harness) -> Post:
    press(bot, open_guide(bot, GUIDES["general"]), "Customer on hold")
    timer = bot.services.hold_timers.get(AGENT)
    assert timer is not None
    sent = _ok(bot, "chat.postEphemeral", lambda c: c.args.get("user") == AGENT)
    return Post(f"hold_nudge:{AGENT}:{timer.started_at.isoformat()}", timer.due_at, sent)


FEATURES = {"tip": daily_tip, "digest": weekly_digest, "reminder": reminder, "nudge": hold_nudge}
METHOD = {"tip": "chat.postMessage", "digest": "chat.postMessage", "reminder": "chat.postMessage"}


def tick_at(bot: Harness, when: datetime) -> None:
    bot.clock.set(when)
    bot.tick()


@pytest.mark.parametrize("feature", FEATURES)
def test_exactly_once_across_ticks_and_restarts(bot: Harness, feature: str) -> None:
    post = FEATURES[feature](bot)
    tick_at(bot, post.due - timedelta(seconds=1))
    assert post.sent() == []
    tick_at(bot, post.due)
    tick_at(bot, post.due + timedelta(seconds=20))
    bot.restart()
    tick_at(bot, post.due + timedelta(minutes=1))
    bot.restart()
    tick_at(bot, post.due + timedelta(minutes=30))
    assert len(post.sent()) == 1


@pytest.mark.parametrize("feature", FEATURES)
def test_a_post_whose_instance_died_after_claiming_goes_out_once_after_the_lease_expires(
    bot: Harness, feature: str, caplog: pytest.LogCaptureFixture
) -> None:
    post = FEATURES[feature](bot)
    dead = Leases(bot.services.store, "dead-instance", LEASE)
    assert dead.take(post.key, {}, post.due) is not None  # claimed, then killed
    tick_at(bot, post.due)
    tick_at(bot, post.due + LEASE - timedelta(seconds=1))
    assert post.sent() == []  # the lease is live: this instance keeps off
    with caplog.at_level(logging.INFO, logger="bot.leases"):
        tick_at(bot, post.due + LEASE)
        tick_at(bot, post.due + LEASE + timedelta(minutes=1))
    assert len(post.sent()) == 1
    assert "dead-instance let its lease expire before sending" in caplog.text


def test_a_lease_that_died_while_sending_is_logged_as_a_possible_duplicate(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    post = daily_tip(bot)
    dead = Leases(bot.services.store, "dead-instance", LEASE)
    lease = dead.take(post.key, {}, post.due)
    assert lease is not None and dead.sending(lease, post.due)
    with caplog.at_level(logging.WARNING, logger="bot.leases"):
        tick_at(bot, post.due + LEASE)
    assert len(post.sent()) == 1
    assert f"Possible duplicate post {post.key}: instance dead-instance" in caplog.text


@pytest.mark.parametrize("feature", FEATURES)
def test_a_429_is_waited_out_and_the_post_sent_once(
    bot: Harness, waits: list[float], feature: str
) -> None:
    post = FEATURES[feature](bot)
    bot.fake.rate_limit_next(METHOD.get(feature, "chat.postEphemeral"), retry_after=3)
    tick_at(bot, post.due)
    assert len(post.sent()) == 1
    assert [round(w) for w in waits] == [3]


def test_a_digest_where_the_bot_is_not_a_member_tells_the_manager_and_waits_a_week(
    bot: Harness,
) -> None:
    post = weekly_digest(bot)
    bot.fake.fail_next("chat.postMessage", "not_in_channel", channel=LEADS)
    tick_at(bot, post.due)
    told = [c for c in bot.fake.calls_to("chat.postMessage") if c.args["channel"] == MANAGER]
    assert len(told) == 1 and "/invite @Service Coach" in told[0].args["text"]
    tick_at(bot, post.due + timedelta(minutes=30))
    assert post.sent() == [] and len(bot.fake.calls_to("chat.postMessage")) == 3
    tick_at(bot, post.due + timedelta(days=7))
    assert len(post.sent()) == 1


def test_a_reminder_slack_cannot_deliver_is_not_retried(bot: Harness) -> None:
    post = reminder(bot)
    bot.fake.fail_next("chat.postMessage", "user_not_found")
    tick_at(bot, post.due)
    tick_at(bot, post.due + timedelta(hours=1))
    assert post.sent() == [] and len(bot.fake.calls_to("chat.postMessage")) == 1


def test_a_hold_nudge_where_the_bot_is_not_a_member_goes_to_the_agents_dm(bot: Harness) -> None:
    post = hold_nudge(bot)
    bot.fake.fail_next("chat.postEphemeral", "not_in_channel")
    tick_at(bot, post.due)
    [dm] = bot.fake.calls_to("chat.postMessage")
    assert dm.args["channel"] == AGENT and "Thank you for holding" in dm.args["text"]


def test_a_revoked_token_pauses_every_post_until_it_works(bot: Harness) -> None:
    post = daily_tip(bot)
    bot.fake.fail_next("chat.postMessage", "token_revoked")
    tick_at(bot, post.due)
    tick_at(bot, post.due + timedelta(minutes=4))
    assert post.sent() == []
    tick_at(bot, post.due + timedelta(minutes=5))
    tick_at(bot, post.due + timedelta(minutes=5, seconds=15))
    assert len(post.sent()) == 1


def test_posts_due_together_under_slacks_limits_all_go_out_once(bot: Harness) -> None:
    """The fake enforces one post a second per channel and a workspace ceiling (here 15 a
    second, scaled down from the minute); the outbox waits out every 429 it gets."""
    limits = bot.fake.enforce_rate_limits(RateLimits(posts=15, posts_window=1.0))
    bot.clock.set(datetime(2026, 11, 30, 7, tzinfo=CHICAGO))
    channels = [f"C0LOAD{n:03d}" for n in range(40)]
    nine = Recurrence(dtime(9), "America/Chicago", EVERY_DAY)
    for channel in channels:
        bot.services.tip_schedules.save(ChannelSchedule(channel, nine, AGENT, bot.clock.now()))
    started = time.monotonic()
    tick_at(bot, datetime(2026, 11, 30, 9, tzinfo=CHICAGO))
    elapsed = time.monotonic() - started
    ok = [c.args["channel"] for c in bot.fake.calls_to("chat.postMessage") if c.answer["ok"]]
    assert sorted(ok) == channels
    assert limits.refused.get("chat.postMessage", 0) > 0 and elapsed < 15


def test_two_posts_to_one_channel_keep_a_second_apart(bot: Harness) -> None:
    bot.clock.set(datetime(2026, 12, 7, 7, tzinfo=CHICAGO))
    bot.command("/tips", "on 09:00", channel=LEADS)
    digest = weekly_digest(bot)  # the same channel, the same minute
    bot.wait("chat.postMessage", count=2)  # both set-up notes are out, a second ago
    time.sleep(1.1)
    limits = bot.fake.enforce_rate_limits()
    tick_at(bot, digest.due)
    limited = [c for c in bot.fake.calls_to("chat.postMessage") if c.args["channel"] == LEADS]
    assert len([c for c in limited if c.answer["ok"]]) == 4  # two set-up notes, tip, digest
    assert limits.refused.get("per channel", 0) == 0


@pytest.fixture
def second(settings: Settings, bot: Harness, fake_slack: FakeSlack) -> Iterator[Harness]:
    if not settings.database_url:
        pytest.skip("two instances share a database only on PostgreSQL")
    other = Harness(settings, bot.clock, fake_slack)
    yield other
    other.close()


@pytest.mark.parametrize("feature", FEATURES)
def test_two_instances_ticking_together_post_once(
    bot: Harness, second: Harness, feature: str
) -> None:
    post = FEATURES[feature](bot)
    bot.clock.set(post.due)
    bot.services.ticker.tick()
    second.services.ticker.tick()
    bot.tick()
    second.tick()
    tick_at(bot, post.due + timedelta(minutes=3))
    tick_at(second, post.due + timedelta(minutes=3))
    assert len(post.sent()) == 1
