"""Daily tips end to end: /tips, the ticker posting at local time, errors, /tip and the buttons."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from handlers.console.fakeslack.server import ApiCall
from tests.harness import AGENT, CHANNEL, Harness

CHICAGO = ZoneInfo("America/Chicago")
LONDON = ZoneInfo("Europe/London")
OTHER = "C0OTHER"
COLLEAGUE = "U0COLLEAGUE"


@pytest.fixture(autouse=True)
def waits(bot: Harness) -> list[float]:
    """The outbox's waits (a channel's turn, a 429's Retry-After), recorded instead of slept."""
    asked: list[float] = []
    bot.services.outbox.pacer.sleep = asked.append
    return asked


def local(zone: ZoneInfo, *args: int) -> datetime:
    return datetime(*args, tzinfo=zone)


def reply(bot: Harness, do: Callable[[], object]) -> str:
    before = len(bot.fake.calls_to("response_url"))
    do()
    call = bot.wait("response_url", count=before + 1)
    assert call.args.get("response_type") == "ephemeral"
    return bot.text(call)


def tips(bot: Harness, text: str, *, channel: str = CHANNEL, user: str = AGENT) -> str:
    return reply(bot, lambda: bot.command("/tips", text, channel=channel, user=user))


def messages(bot: Harness, channel: str) -> list[ApiCall]:
    return [c for c in bot.fake.calls_to("chat.postMessage") if c.args.get("channel") == channel]


def posts(bot: Harness, channel: str = CHANNEL) -> list[ApiCall]:
    """The tips posted in `channel` (a notice of a change is plain text; a tip has blocks)."""
    return [call for call in messages(bot, channel) if call.args.get("blocks")]


def notices(bot: Harness, channel: str = CHANNEL) -> list[str]:
    return [bot.text(call) for call in messages(bot, channel) if not call.args.get("blocks")]


def dms(bot: Harness, user: str = AGENT) -> list[ApiCall]:
    return messages(bot, user)


def title(call: ApiCall) -> str:
    return str(call.args["blocks"][0]["text"]["text"])


def tick_at(bot: Harness, when: datetime) -> None:
    bot.clock.set(when)
    bot.tick()


def walk(bot: Harness, start: datetime, end: datetime, step: timedelta) -> list[datetime]:
    """Tick from start to end; the times (UTC) at which a tip was posted in CHANNEL."""
    posted = []
    now = start
    while now <= end:
        before = len(posts(bot))
        tick_at(bot, now)
        if len(posts(bot)) > before:
            posted.append(now.astimezone(UTC))
        now += step
    return posted


# --- the schedule -----------------------------------------------------------------------------


def test_posts_at_the_local_time_and_not_before(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    assert "now on" in tips(bot, "on 09:00 America/Chicago weekdays")
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 8, 59, 59))
    assert posts(bot) == []
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    [post] = posts(bot)
    shown = bot.text(post)
    assert shown.startswith("== 💡 ")
    [tip] = [t for t in bot.services.content.tips if f"💡 {t.title}" == title(post)]
    assert f"· From _{tip.source.title}_" in shown  # the article it cites
    assert "[1] Helpful" in shown and "[2] Another tip" in shown
    assert post.args["text"].startswith("Service tip of the day: ")


def test_exactly_once_across_ticks_and_a_restart(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00")
    for minute in (0, 0, 1, 20, 59):
        tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, minute))
    bot.restart()
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 30))
    bot.restart()
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 12, 0))
    assert len(posts(bot)) == 1
    assert "Next tip: Tue 1 Dec 2026 at 09:00 CST" in tips(bot, "status")  # survived restarts


def test_catches_up_after_downtime_but_not_past_the_cut_off(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 29, 12, 0))
    tips(bot, "on 09:00 America/Chicago daily")
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 12, 59))  # down from 08:00 to 12:59
    assert len(posts(bot)) == 1
    with caplog.at_level(logging.WARNING, logger="bot.tips.posting"):
        tick_at(bot, local(CHICAGO, 2026, 12, 1, 13, 1))  # 4 h 1 min late: that day is lost
        tick_at(bot, local(CHICAGO, 2026, 12, 1, 13, 2))
        tick_at(bot, local(CHICAGO, 2026, 12, 2, 9, 0))
    assert len(posts(bot)) == 2  # 30 Nov and 2 Dec
    # Never skipped silently: the lost day is logged, once; the posted days are not.
    missed = [r.getMessage() for r in caplog.records if "not posted by its cut-off" in r.message]
    assert len(missed) == 1 and f"channel {CHANNEL} on 2026-12-01" in missed[0]


def test_a_post_lost_overnight_is_logged_after_midnight(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 29, 12, 0))
    tips(bot, "on 22:30 America/Chicago daily")
    with caplog.at_level(logging.WARNING, logger="bot.tips.posting"):
        tick_at(bot, local(CHICAGO, 2026, 12, 1, 0, 30))  # down from 22:00 to 00:30
    assert posts(bot) == []  # yesterday's tip is not posted after midnight, but it is said
    assert f"channel {CHANNEL} on 2026-11-30 was not posted" in caplog.text


def test_turned_on_after_the_time_waits_for_the_next_day(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 10, 0))
    assert "Next tip: Tue 1 Dec 2026 at 09:00 CST" in tips(bot, "on 09:00")
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 10, 1))
    assert posts(bot) == []


@pytest.mark.parametrize(
    ("zone", "at", "days", "expected"),
    [
        # US spring forward, 8 Mar 2026: 09:00 is 15:00 UTC before, 14:00 UTC after.
        (CHICAGO, "09:00", (date(2026, 3, 7), date(2026, 3, 9)), ["15:00", "14:00", "14:00"]),
        # US fall back, 1 Nov 2026.
        (CHICAGO, "09:00", (date(2026, 10, 31), date(2026, 11, 2)), ["14:00", "15:00", "15:00"]),
        # 02:30 does not exist on 8 Mar: it posts at 03:30 CDT, once.
        (CHICAGO, "02:30", (date(2026, 3, 7), date(2026, 3, 9)), ["08:30", "08:30", "07:30"]),
        # 01:30 happens twice on 1 Nov: it posts at the first, once.
        (CHICAGO, "01:30", (date(2026, 10, 31), date(2026, 11, 2)), ["06:30", "06:30", "07:30"]),
        # UK: clocks go forward on 29 Mar and back on 25 Oct 2026.
        (LONDON, "09:00", (date(2026, 3, 28), date(2026, 3, 30)), ["09:00", "08:00", "08:00"]),
        (LONDON, "09:00", (date(2026, 10, 24), date(2026, 10, 26)), ["08:00", "09:00", "09:00"]),
        (LONDON, "01:30", (date(2026, 10, 24), date(2026, 10, 26)), ["00:30", "00:30", "01:30"]),
    ],
)
def test_daylight_saving_neither_shifts_nor_doubles_a_post(
    bot: Harness, zone: ZoneInfo, at: str, days: tuple[date, date], expected: list[str]
) -> None:
    first, last = days
    tick_at(bot, datetime.combine(first - timedelta(days=1), datetime.min.time(), zone))
    tips(bot, f"on {at} {zone.key} daily")
    start = datetime.combine(first, datetime.min.time(), zone)
    end = datetime.combine(last + timedelta(days=1), datetime.min.time(), zone)
    posted = walk(bot, start, end - timedelta(minutes=1), timedelta(minutes=10))
    assert [f"{when:%H:%M}" for when in posted] == expected
    locally = [when.astimezone(zone) for when in posted]
    assert [when.date() for when in locally] == [first + timedelta(days=n) for n in range(3)]


def test_forty_weekdays_bring_forty_different_tips(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 29, 12, 0))
    tips(bot, "on 08:30 America/Chicago weekdays")
    day = date(2026, 11, 30)
    weekdays = 0
    while weekdays < 40:
        for hour, minute in ((8, 29), (8, 30), (8, 50), (12, 0)):
            tick_at(bot, local(CHICAGO, day.year, day.month, day.day, hour, minute))
        weekdays += day.weekday() < 5
        day += timedelta(days=1)
    titles = [title(call) for call in posts(bot)]
    assert len(titles) == 40
    assert len(set(titles)) == 40
    assert "11 of 51 tips left" in tips(bot, "status")


def test_posts_due_together_all_go_out_in_one_tick_without_waiting(
    bot: Harness, waits: list[float]
) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    channels = [f"C0TEAM{n}" for n in range(12)]
    for channel in channels:
        tips(bot, "on 09:00", channel=channel)
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    # Different channels: Slack's one-a-second limit is per channel, so nobody waits.
    assert [len(posts(bot, channel)) for channel in channels] == [1] * len(channels)
    assert waits == []
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0, 15))
    assert sum(len(posts(bot, channel)) for channel in channels) == len(channels)


def test_skip_and_unskip_a_holiday(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 10, 0))
    tips(bot, "on 09:00")
    shown = tips(bot, "skip 2026-12-01 2026-12-25")
    assert "No tip on Tue 1 Dec 2026, Fri 25 Dec 2026" in shown
    assert "Next tip: Wed 2 Dec 2026" in shown
    tick_at(bot, local(CHICAGO, 2026, 12, 1, 9, 0))
    assert posts(bot) == []
    assert "Tips are back on for Fri 25 Dec 2026" in tips(bot, "unskip 2026-12-25")
    assert "Next skipped" not in tips(bot, "unskip")
    past = tips(bot, "skip 2026-11-01")
    assert "is in the past" in past and "`/tips skip tomorrow`" in past
    tips(bot, "skip 2026-12-31")
    missing = tips(bot, "unskip 2026-12-24")
    assert "was not skipped" in missing and "`/tips unskip 2026-12-31`" in missing


def test_off_stops_the_posts_and_on_starts_them_again(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00")
    off = tips(bot, "off")
    assert "now off" in off and "`/tips on 09:00 America/Chicago weekdays` turns them" in off
    # The schedule is remembered: status shows how to bring it back as it was.
    status = tips(bot, "status")
    assert "off in this channel" in status
    assert "`/tips on 09:00 America/Chicago weekdays` turns them back on as they were" in status
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    assert posts(bot) == []
    assert "now on" in tips(bot, "on 10:00 Europe/London mon,wed,fri")
    assert "10:00 Europe/London, Mon, Wed, Fri" in tips(bot, "status")


def test_status_shows_the_next_post_in_the_channel_zone_and_the_round(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    assert "not on in this channel" in tips(bot, "status")
    tips(bot, "on 18:15 Asia/Kolkata weekdays")
    shown = tips(bot, "")
    assert "*18:15 Asia/Kolkata, weekdays*" in shown
    assert "Next tip: Tue 1 Dec 2026 at 18:15 IST" in shown
    assert "51 of 51 tips left" in shown


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("on 9", "`9` is not a time"),
        ("on 13pm", "`13pm` is not a time: 12-hour times run"),
        ("on 25:00", "`25:00` is not a time: 24-hour times run"),
        ("on 09:00 Mars/Olympus", "`Mars/Olympus` is not a time, a time zone or a set of days"),
        ("on 09:00 mon,funday", "`mon,funday` is not a time, a time zone"),
        ("on", "At what time?"),
        ("skip 25/12/2026", "`25/12/2026` is not a date. Write it 2026-12-25"),
        ("skip someday", "or today, tomorrow, friday or next monday"),
        ("holidays XX", "`XX` is not a country code"),
        ("pause", "I don't know `pause`"),
        ("off now", "`/tips off` takes nothing after it"),
        ("on 09:00 <!channel>", "`&lt;!channel&gt;`"),
    ],
)
def test_bad_arguments_name_the_bad_part_and_show_an_example(
    bot: Harness, text: str, named: str
) -> None:
    call_text = tips(bot, text)
    raw = bot.fake.calls_to("response_url")[-1].args["text"]
    assert named in (raw if "&lt;" in named else call_text)
    assert "/tips" in call_text


# --- Slack errors -----------------------------------------------------------------------------


def test_not_in_channel_pauses_and_tells_the_setter_how_to_invite_the_bot(bot: Harness) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00", user=COLLEAGUE)
    bot.fake.fail_next("chat.postMessage", "not_in_channel")
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    [dm] = dms(bot, COLLEAGUE)
    restart = "/tips on 09:00 America/Chicago weekdays"
    assert "/invite @Service Coach" in bot.text(dm) and f"`{restart}`" in bot.text(dm)
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 1))  # no retry storm, no second DM
    tick_at(bot, local(CHICAGO, 2026, 12, 1, 9, 0))  # paused: not tried again every day
    assert len(dms(bot, COLLEAGUE)) == 1 and len(posts(bot)) == 1
    assert "Paused: I'm not a member of the channel" in tips(bot, "status")
    tips(bot, restart.removeprefix("/tips "))  # invited, and turned back on
    tick_at(bot, local(CHICAGO, 2026, 12, 2, 9, 0))
    assert len([c for c in posts(bot) if c.answer.get("ok")]) == 1


@pytest.mark.parametrize("code", ["channel_not_found", "is_archived"])
def test_a_gone_channel_pauses_its_schedule_and_tells_the_setter(bot: Harness, code: str) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00 mon,wed,fri", user=COLLEAGUE)
    tips(bot, "on 09:00", channel=OTHER)
    bot.fake.fail_next("chat.postMessage", code, channel=CHANNEL)
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    [dm] = dms(bot, COLLEAGUE)
    # The way back is the channel's own schedule, days included, ready to type.
    restart = "/tips on 09:00 America/Chicago mon,wed,fri"
    assert "paused" in bot.text(dm) and f"`{restart}`" in bot.text(dm)
    assert len(posts(bot, OTHER)) == 1  # the other channel still got its tip
    status = tips(bot, "status")
    assert "Paused:" in status and f"`{restart}` starts them again" in status
    tick_at(bot, local(CHICAGO, 2026, 12, 2, 9, 0))
    assert len(posts(bot)) == 1 and len(posts(bot, OTHER)) == 2
    tips(bot, restart.removeprefix("/tips "))  # someone turns it back on
    tick_at(bot, local(CHICAGO, 2026, 12, 4, 9, 0))
    assert len(posts(bot)) == 2


def test_another_error_is_logged_with_the_channel_and_retried_next_tick(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00")
    tips(bot, "on 09:00", channel=OTHER)
    bot.fake.fail_next("chat.postMessage", "fatal_error")
    with caplog.at_level(logging.ERROR):
        tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    failed = next(c for c in bot.fake.calls_to("chat.postMessage") if not c.answer.get("ok"))
    assert str(failed.args["channel"]) in caplog.text and "fatal_error" in caplog.text
    assert len(posts(bot)) + len(posts(bot, OTHER)) == 2  # the other channel went on
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0, 20))
    ok = [c for c in posts(bot) + posts(bot, OTHER) if c.answer.get("ok")]
    assert sorted(c.args["channel"] for c in ok) == sorted([CHANNEL, OTHER])
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 1))
    assert len(posts(bot)) + len(posts(bot, OTHER)) == 3


def test_a_429_is_retried_after_retry_after(bot: Harness, waits: list[float]) -> None:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00")
    bot.fake.rate_limit_next("chat.postMessage", retry_after=7)
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    first, second = posts(bot)
    assert first.answer["error"] == "ratelimited" and second.answer["ok"] is True
    [waited] = waits  # every sending thread held for Retry-After, then the same post again
    assert 6.9 < waited <= 7


# --- the buttons and /tip ---------------------------------------------------------------------


def _posted(bot: Harness) -> ApiCall:
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 7, 0))
    tips(bot, "on 09:00")
    tick_at(bot, local(CHICAGO, 2026, 11, 30, 9, 0))
    [post] = posts(bot)
    return post


def test_helpful_counts_once_per_person(bot: Harness) -> None:
    post = _posted(bot)
    assert "Thanks" in reply(bot, lambda: bot.click(post, "Helpful"))
    assert "already marked" in reply(bot, lambda: bot.click(post, "Helpful"))
    assert "2 people" in reply(bot, lambda: bot.click(post, "Helpful", user=COLLEAGUE))


def test_another_tip_is_a_different_private_tip(bot: Harness) -> None:
    post = _posted(bot)
    for _ in range(3):
        before = len(bot.fake.calls_to("response_url"))
        bot.click(post, "Another tip")
        other = bot.wait("response_url", count=before + 1)
        assert other.args["response_type"] == "ephemeral"
        assert other.args["replace_original"] is False  # the channel's post stays
        assert title(other) != title(post)
    assert len(posts(bot)) == 1


def test_tip_now_privately_on_a_topic(bot: Harness) -> None:
    shown = reply(bot, lambda: bot.command("/tip"))
    assert shown.startswith("== 💡 ") and "[2] Another tip" in shown
    topic = reply(bot, lambda: bot.command("/tip", "on hold"))
    hold = {tip.title for tip in bot.services.content.tips_by_tag("on-hold")}
    assert any(name in topic for name in hold)
    unknown = reply(bot, lambda: bot.command("/tip", "zebras <!here>"))
    assert "no tips on “zebras <!here>”" in unknown
    assert "empathy" in unknown and "on-hold" in unknown
    raw = bot.fake.calls_to("response_url")[-1].args["text"]
    assert "&lt;!here&gt;" in raw


def test_another_tip_under_a_private_tip_replaces_it(bot: Harness) -> None:
    before = len(bot.fake.calls_to("response_url"))
    bot.command("/tip")
    first = bot.wait("response_url", count=before + 1)
    bot.click(as_ephemeral(first), "Another tip")
    second = bot.wait("response_url", count=before + 2)
    assert second.args["replace_original"] is True
    assert title(second) != title(first)


def as_ephemeral(call: ApiCall) -> ApiCall:
    """The reply as the click payload carries it: a message only its reader sees."""
    return ApiCall(call.method, {**call.args, "is_ephemeral": True}, call.token, call.url, {})
