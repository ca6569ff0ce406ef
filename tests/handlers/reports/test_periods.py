"""One definition of a period: the weekly digest's numbers equal its drill-down's, its export's
and its chart's, on every boundary: a week's first and last instant, a week across a month's
start, schedules in other zones than the bot's and the reader's, and daylight-saving weeks.

Calls are seeded one second either side of each boundary, so a window off by a second, an
hour or a day shows up as a different count.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from handlers.console.fakeslack.server import ApiCall
from tests.handlers.reports.test_reports import LEADS, MANAGER, ask, seed, uploaded
from tests.harness import Harness

SECOND = timedelta(seconds=1)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, managers=frozenset({MANAGER}))  # bot zone: America/Chicago


def midnight(day: date, zone: str) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def seed_at(bot: Harness, when: datetime, category: str = "billing") -> None:
    seed(bot, ago=bot.clock.now() - when, category=category)


def numbers(shown: str) -> tuple[int, int]:
    """(calls, calls the period before) as a digest or an answer words them."""
    count = re.search(r"\*(\d+) calls?\*", shown)
    before = re.search(r"from (\d+) (?:in|yesterday)|the same as", shown)
    assert count and before, shown
    calls = int(count.group(1))
    return calls, int(before.group(1)) if before.group(1) else calls


# (digest day, zone): week starts, a week across a month's start, zones east and west of the
# bot's, across the date line, and each daylight-saving week of London and Chicago.
CASES = [
    (date(2026, 11, 30), "America/Chicago"),  # a plain week in the bot's own zone
    (date(2026, 12, 7), "Europe/London"),  # 30 Nov – 6 Dec: across a month's start
    (date(2026, 3, 2), "Asia/Kolkata"),  # 23 Feb – 1 Mar, at +05:30
    (date(2026, 6, 1), "Pacific/Auckland"),  # across the date line from the bot
    (date(2026, 3, 30), "Europe/London"),  # 23–29 Mar: clocks go forward on the 29th
    (date(2026, 10, 26), "Europe/London"),  # 19–25 Oct: clocks go back on the 25th
    (date(2026, 3, 9), "America/Chicago"),  # 2–8 Mar: forward on the 8th
    (date(2026, 11, 2), "America/Chicago"),  # 26 Oct – 1 Nov: back on the 1st
    (date(2026, 4, 3), "Europe/London"),  # a Friday digest: 27 Mar – 2 Apr, DST inside
]


@pytest.mark.parametrize(("day", "zone"), CASES)
def test_the_digest_and_its_drill_down_export_and_chart_agree(
    bot: Harness, day: date, zone: str
) -> None:
    start = midnight(day - timedelta(days=7), zone)
    until = midnight(day, zone)
    before = midnight(day - timedelta(days=14), zone)
    bot.clock.set(until + timedelta(hours=12))  # noon on the digest's day
    inside = [start, start + (until - start) / 2, until - SECOND]
    previous = [start - SECOND, before]
    outside = [before - SECOND, until]  # the week before that, and the digest's own day
    for when in inside + previous + outside:
        seed_at(bot, when)
    weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[day.weekday()]
    ask(bot, f"digest on <#{LEADS}|leads> {weekday} 09:00 {zone}")
    bot.clock.set(until + timedelta(hours=12))
    bot.tick()

    post = next(
        c for c in bot.fake.calls_to("chat.postMessage") if "Weekly digest" in c.args["text"]
    )
    digest = numbers(bot.text(post))
    assert digest == (len(inside), len(previous))

    # "Last week in detail", pressed by a manager whose own zone (Chicago) is not the digest's
    bot.click(post, "Last week in detail", user=MANAGER)
    detail = bot.wait("response_url", count=2)
    assert numbers(bot.text(detail)) == digest
    week = bot.control(post, "Last week in detail").value
    first, last = day - timedelta(days=7), day - timedelta(days=1)
    assert week == f"{first.isoformat()}..{last.isoformat()} zone:{zone}"

    # the export and the chart of the same filter cover the same calls
    exported = ask(bot, f"export {week}")
    assert f"({len(inside)} calls)" in exported.args["text"]
    content, _ = uploaded(bot, count=2)  # the digest's chart came first
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(inside)
    assert f"({len(inside)} calls)" in ask(bot, f"chart {week}").args["text"]


def test_a_daylight_saving_week_is_167_hours_from_local_midnight_to_midnight() -> None:
    # The definition the cases above rest on, stated in UTC for London's spring week.
    assert midnight(date(2026, 3, 23), "Europe/London") == datetime(2026, 3, 23, tzinfo=UTC)
    assert midnight(date(2026, 3, 30), "Europe/London") == datetime(2026, 3, 29, 23, tzinfo=UTC)


def answer_numbers(bot: Harness, query: str) -> tuple[int, int]:
    reply: ApiCall = ask(bot, query)
    return numbers(bot.text(reply))


def test_month_and_today_compare_with_the_month_and_day_before(bot: Harness) -> None:
    bot.clock.set(datetime(2026, 12, 2, 18, tzinfo=UTC))  # noon in Chicago
    chicago = "America/Chicago"
    seed_at(bot, midnight(date(2026, 11, 1), chicago))  # November's first instant
    seed_at(bot, midnight(date(2026, 11, 1), chicago) - SECOND)  # October's last
    seed_at(bot, midnight(date(2026, 10, 1), chicago))  # October's first
    seed_at(bot, midnight(date(2026, 12, 1), chicago) - SECOND)  # November's last
    seed_at(bot, midnight(date(2026, 12, 2), chicago))  # today's first
    assert answer_numbers(bot, "2026-11") == (2, 2)
    shown = bot.text(ask(bot, "2026-11"))
    assert "*2 calls*, the same as October 2026" in shown
    seed_at(bot, midnight(date(2026, 12, 1), chicago) + timedelta(hours=12))  # yesterday
    today = bot.text(ask(bot, "today"))
    assert "*1 call*, the same as yesterday (Tue 1 Dec 2026)" in today
    assert "previous 1 day" not in today
