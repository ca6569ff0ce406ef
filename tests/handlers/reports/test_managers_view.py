"""The managers' view end to end: names from users.info, the reader's own time zone, the
per-agent view, the tip report, footers and an idempotent `digest on`."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from handlers.console.fakeslack.people import slack_user
from tests.handlers.reports.test_reports import (
    LEADS,
    MANAGER,
    ask,
    audit_entries,
    seed,
    uploaded,
)
from tests.harness import AGENT, Harness

LONDON_MANAGER = "U0AGENT03"  # Chen, whose Slack zone is Europe/London
GHOST = "U0GHOST99"  # nobody Slack knows
DAY = timedelta(days=1)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, managers=frozenset({MANAGER, LONDON_MANAGER}))


def users_looked_up(bot: Harness) -> list[str]:
    return [str(call.args["user"]) for call in bot.fake.calls_to("users.info")]


# --- names ----------------------------------------------------------------------------------


def test_every_manager_surface_shows_names_and_an_unknown_user_keeps_the_id(
    bot: Harness,
) -> None:
    seed(bot, agent=AGENT, notes="charged twice")
    seed(bot, agent="U0AGENT02", heat=5, outcome="escalated", ago=2 * DAY)
    seed(bot, agent=GHOST, ago=3 * DAY)
    shown = bot.text(ask(bot, "7d"))
    assert "· Ana\n" in shown  # a display name
    assert "· Bob Okafor\n" in shown  # no display name: the real name
    assert f"· {GHOST}\n" in shown  # not found in Slack: the ID
    assert "<@" not in shown

    bot.click(ask(bot, '"charged twice"'), "Details", user=MANAGER)
    assert "*Agent:* Ana" in bot.text(bot.wait("views.open"))

    assert "agent Bob Okafor" in bot.text(ask(bot, "<@U0AGENT02|bob>"))

    ask(bot, "export 7d")  # the reply comes once the file is sent
    content, _ = uploaded(bot)
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    header = list(rows[0])
    assert header[header.index("agent") + 1] == "name"
    assert {(row["agent"], row["name"]) for row in rows} == {
        (AGENT, "Ana"),
        ("U0AGENT02", "Bob Okafor"),
        (GHOST, GHOST),
    }
    assert {row["local_time_zone"] for row in rows} == {"America/Chicago"}


def test_a_name_is_escaped_and_pings_nobody(bot: Harness) -> None:
    bot.fake.users["U0AGENT04"] = slack_user(
        "U0AGENT04", "eve", "Eve", "<!channel> Eve & <@U0BOSS>", "UTC", "UTC"
    )
    seed(bot, agent="U0AGENT04")
    raw = json.dumps(ask(bot, "7d").args["blocks"])
    assert "&lt;!channel&gt; Eve &amp; &lt;@U0BOSS&gt;" in raw
    assert "<!channel>" not in raw and "<@U0BOSS>" not in raw


def test_names_are_cached_for_an_hour_and_fetched_once_per_user(bot: Harness) -> None:
    seed(bot, agent=AGENT)
    seed(bot, agent="U0AGENT02")
    ask(bot, "7d")
    ask(bot, "7d")
    # the reader (for their zone) and the two agents, once each
    assert sorted(users_looked_up(bot)) == sorted([MANAGER, AGENT, "U0AGENT02"])
    bot.fake.users[AGENT] = slack_user(AGENT, "ana", "Ana Lima", "Ana L.", "UTC", "UTC")
    bot.clock.advance(timedelta(minutes=59))
    assert "· Ana\n" in bot.text(ask(bot, "7d"))
    bot.clock.advance(timedelta(minutes=2))
    assert "· Ana L.\n" in bot.text(ask(bot, "7d"))
    assert len(users_looked_up(bot)) == 6


def test_many_people_are_read_a_page_at_a_time_from_users_list(bot: Harness) -> None:
    for n in range(450):  # three pages of 200
        user = f"U1{n:07d}"
        bot.fake.users[user] = slack_user(user, f"p{n}", f"Person {n}", "", "UTC", "UTC")
    for n in (5, 250, 449, 12, 13, 14, 15, 16, 17, 18):
        seed(bot, agent=f"U1{n:07d}")
    shown = bot.text(ask(bot, "7d"))
    assert "· Person 449\n" in shown and "· Person 5\n" in shown
    pages = bot.fake.calls_to("users.list")
    assert len(pages) == 3 and [p.args.get("limit") for p in pages] == ["200"] * 3
    assert users_looked_up(bot) == [MANAGER]  # only the reader, for their zone


def test_a_rate_limited_lookup_waits_and_a_failed_one_falls_back_to_ids(bot: Harness) -> None:
    seed(bot, agent=AGENT)
    bot.fake.rate_limit_next("users.info", retry_after=1)
    assert "· Ana\n" in bot.text(ask(bot, "7d"))  # waited out the 429, then asked again
    bot.clock.advance(timedelta(hours=2))
    bot.fake.fail_next("users.info", "internal_error")
    shown = bot.text(ask(bot, "7d"))
    assert "*1 call*" in shown  # the answer still comes, with the last names it had
    assert "· Ana\n" in shown


# --- the reader's time zone -----------------------------------------------------------------


def test_times_and_today_are_in_the_readers_own_zone_and_say_so(bot: Harness) -> None:
    bot.clock.set(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))  # Tue 02:00 London, Mon 20:00 Chicago
    seed(bot, ago=timedelta(hours=1))  # Tue 01:00 in London, Mon 19:00 in Chicago
    london = bot.text(ask(bot, "today", user=LONDON_MANAGER))
    assert "*Tue 1 Dec 01:00*" in london and "times in Europe/London (GMT)" in london
    assert "*1 call*" in london
    chicago = bot.text(ask(bot, "today", user=MANAGER))
    assert "*Mon 30 Nov 19:00*" in chicago and "times in America/Chicago (CST)" in chicago
    # a filter may name its own zone, whoever reads it
    tokyo = bot.text(ask(bot, "today zone:Asia/Tokyo", user=MANAGER))
    assert "*Mon 30 Nov 19:00*" in tokyo
    assert "times in America/Chicago (CST), days from midnight in Asia/Tokyo" in tokyo


# --- the per-agent view ---------------------------------------------------------------------


def test_by_agent_orders_by_what_needs_attention_and_drills_down(bot: Harness) -> None:
    now = bot.clock.now()
    seed(bot, agent=AGENT, heat=2)
    seed(bot, agent=AGENT, heat=2, ago=2 * DAY)
    seed(bot, agent=AGENT, heat=2, ago=3 * DAY)  # most calls, all calm and resolved
    seed(bot, agent="U0AGENT02", heat=5, outcome="escalated")  # trouble
    seed(
        bot, agent="U0AGENT05", outcome="callback promised", ago=20 * DAY, follow_up_due=now - DAY
    )  # a promise overdue, logged weeks ago
    seed(bot, agent="U0AGENT03", ago=9 * DAY)  # calls only last week: down to none
    seed(bot, agent="U0AGENT03", ago=10 * DAY)  # fmt: skip
    reply = ask(bot, "by agent")
    shown = bot.text(reply)
    order = [shown.index(name) for name in ("*Esi*", "*Bob Okafor*", "*Ana*", "*Chen W.*")]
    assert order == sorted(order), shown
    assert "*Ana* · 3 calls (+3 from 0) · heat 2.0 · resolved 3" in shown
    assert "*Bob Okafor* · 1 call (+1 from 0) · heat 5.0 · 1 hot · escalated 1" in shown
    assert "*Esi* · 0 calls (±0 from 0) · heat — · no calls · *1 follow-up overdue*" in shown
    assert "*Chen W.* · 0 calls (−2 from 2)" in shown
    assert "4 calls by 4 agents, +2 against the previous 7 days" in shown
    assert audit_entries(bot, 1)[0]["command"] == "by agent"

    bot.click(reply, "Calls", user=MANAGER)  # the first agent's: Esi's, none this week
    drill = bot.wait("response_url", count=2)
    assert "agent Esi" in bot.text(drill) and "*0 calls*" in bot.text(drill)

    filtered = bot.text(ask(bot, "by agent 30d heat:>=4"))
    assert "*Bob Okafor* · 1 call" in filtered and "*Ana*" not in filtered


def test_by_agent_is_for_managers_only_and_explains_itself(bot: Harness) -> None:
    refusal = ask(bot, "by agent", user=AGENT).args["text"]
    assert refusal.startswith("Sorry, only managers can see the per-agent view.")
    assert "Try `/calls by agent`" in ask(bot, "by team").args["text"]
    assert "I don't know the filter `nonsense`" in ask(bot, "by agent nonsense").args["text"]


# --- the tip report -------------------------------------------------------------------------


def vote(bot: Harness, user: str, channel: str, topic: str) -> None:
    before = len(bot.fake.calls_to("response_url"))
    bot.command("/tip", topic, user=user, channel=channel)
    tip = bot.wait("response_url", count=before + 1)
    bot.requests.click(
        bot.control(tip, "Helpful"), user=user, channel=channel, message=dict(tip.args)
    )
    bot.wait("response_url", count=before + 2)


def test_tips_shows_what_each_channel_found_helpful(bot: Harness) -> None:
    vote(bot, AGENT, "C0SUPPORT", "empathy")
    vote(bot, "U0AGENT02", "C0SUPPORT", "empathy")
    vote(bot, "U0AGENT05", "C0BILLING", "apology")
    shown = bot.text(ask(bot, "tips"))
    assert "3 Helpful votes in 2 channels" in shown
    support = shown.index("*<#C0SUPPORT>* (2)")
    billing = shown.index("*<#C0BILLING>* (1)")
    assert support < billing and "”: 2" in shown[support:billing]
    assert audit_entries(bot, 1)[0]["command"] == "tips"
    bot.clock.advance(timedelta(days=8))
    assert "No one marked a tip helpful in this period." in bot.text(ask(bot, "tips 7d"))
    assert "3 Helpful votes" in bot.text(ask(bot, "tips 30d"))
    assert "takes a period only" in ask(bot, "tips category:billing").args["text"]
    assert ask(bot, "tips", user=AGENT).args["text"].startswith("Sorry, only managers")

    bot.requests.open_home(MANAGER)
    home = bot.text(bot.wait("views.publish"))
    assert "*Tips teams found helpful (30 days)*" in home and "<#C0SUPPORT>: 2 votes" in home


# --- footers, digest, App Home --------------------------------------------------------------


def test_footers_offer_only_what_the_reader_may_run(bot: Harness) -> None:
    seed(bot, agent=AGENT)
    mine = bot.text(ask(bot, "7d", user=AGENT))
    assert "export" not in mine and "by agent" not in mine and "`/calls 30d`" in mine
    theirs = bot.text(ask(bot, "7d", user=MANAGER))
    assert "`/calls export`" in theirs and "`/calls by agent`" in theirs


def test_digest_on_again_does_not_re_announce_and_a_change_says_so(bot: Harness) -> None:
    def announced() -> int:
        return sum(c.args.get("channel") == LEADS for c in bot.fake.calls_to("chat.postMessage"))

    ask(bot, f"digest on <#{LEADS}|leads> mon 09:00")
    assert announced() == 1
    again = ask(bot, f"digest on <#{LEADS}|leads> monday 09:00").args["text"]
    assert again.startswith(f"The weekly digest already goes to <#{LEADS}> every Mon at 09:00")
    assert announced() == 1
    moved = ask(bot, f"digest on <#{LEADS}|leads> fri 16:00").args["text"]
    assert "now goes to" in moved and "(was every Mon at 09:00" in moved
    assert announced() == 2
    assert (
        "moved the weekly difficult-call digest"
        in bot.fake.calls_to("chat.postMessage")[-1].args["text"]
    )


def test_the_app_home_shows_who_needs_attention_by_name(bot: Harness) -> None:
    seed(bot, agent="U0AGENT02", heat=5, outcome="escalated")
    bot.requests.open_home(MANAGER)
    home = bot.wait("views.publish")
    shown = bot.text(home)
    assert "*Needs attention first (7 days)*\n1. *Bob Okafor* · 1 call" in shown
    bot.click(home, "Per agent (7d)", user=MANAGER)
    answer = bot.wait("chat.postMessage")
    assert answer.args["channel"] == MANAGER and "*Per agent ·" in bot.text(answer)
    assert audit_entries(bot, 1)[0]["command"] == "by agent"


def test_help_lists_the_per_agent_view_and_the_tip_report(bot: Harness) -> None:
    shown = ask(bot, "help", user=AGENT).args["text"]
    assert "`/calls by agent [period] [filters]`" in shown and "`/calls tips [period]`" in shown
