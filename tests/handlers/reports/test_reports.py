"""/calls end to end: the real app, signed requests, the fake Slack."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.calllog.log import CallLog
from bot.calllog.model import NOTES_LIMIT, CallRecord
from bot.config import Settings
from bot.reports.access import AUDIT
from bot.text import escape
from handlers.console.fakeslack.server import ApiCall
from tests.harness import AGENT, Harness

MANAGER = "U0MANAGER1"
GROUP_MANAGER = "U0GROUPMG1"
OTHER = "U0AGENT02"
GROUP = "S0MGRS"
NOW = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)  # the clock fixture: Mon 08:00 in Chicago


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, managers=frozenset({MANAGER}))


def seed(
    bot: Harness,
    *,
    ago: timedelta = timedelta(hours=1),
    agent: str = AGENT,
    category: str = "billing",
    heat: int = 3,
    outcome: str = "resolved",
    notes: str = "",
    **more: Any,
) -> CallRecord:
    record = CallRecord(
        id="",
        team="T0COACH",
        agent=agent,
        created_at=bot.clock.now() - ago,
        category=category,
        heat=heat,
        outcome=outcome,
        notes=notes,
        **more,
    )
    return CallLog(bot.services.store).add(record)


def ask(bot: Harness, text: str, *, user: str = MANAGER) -> ApiCall:
    before = len(bot.fake.calls_to("response_url"))
    bot.command("/calls", text, user=user)
    reply = bot.wait("response_url", count=before + 1)
    assert reply.args["response_type"] == "ephemeral"
    return reply


def audit_entries(bot: Harness, count: int) -> list[dict[str, Any]]:
    """The audit, once `count` entries are in: each is written just after its answer."""
    deadline = time.monotonic() + 5
    while len(entries := [doc for _k, doc in bot.services.store.scan(AUDIT)]) < count:
        assert time.monotonic() < deadline, f"expected {count} audit entries, have {entries}"
        time.sleep(0.01)
    return entries


def count_in(bot: Harness, reply: ApiCall) -> int:
    found = re.search(r"\*(\d+) calls?\*", bot.text(reply))
    assert found, bot.text(reply)
    return int(found.group(1))


@pytest.fixture
def sample(bot: Harness) -> dict[str, CallRecord]:
    """A small log: this week, last month, and the week before (for the change)."""
    day = timedelta(days=1)
    return {
        "hot_billing": seed(
            bot, heat=5, outcome="escalated", notes="Charged TWICE for order 123", agent=OTHER
        ),
        "calm_shipping": seed(bot, ago=2 * day, category="shipping", heat=1),
        "callback": seed(
            bot,
            ago=3 * day,
            category="account",
            heat=4,
            outcome="callback promised",
            notes="Wants a callback about the refund",
            follow_up_due=NOW - day,
        ),
        "open_promise": seed(
            bot,
            ago=4 * day,
            heat=2,
            outcome="callback promised",
            follow_up_due=NOW + day,
        ),
        "last_week": seed(bot, ago=9 * day, category="product", heat=3),
        "last_month": seed(bot, ago=20 * day, heat=4, outcome="unresolved", notes="charged again"),
        "october": seed(bot, ago=45 * day, category="technical", outcome="escalated"),
    }


def test_a_manager_sees_the_summary_of_the_last_7_days(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    reply = ask(bot, "")
    shown = bot.text(reply)
    assert "Difficult calls · 24 Nov – 30 Nov 2026" in shown
    assert "*4 calls*, up 3 from 1 in the previous 7 days (17 Nov – 23 Nov 2026)" in shown
    assert "*By category:* billing 2 · account 1 · shipping 1" in shown
    assert "*By outcome:* callback promised 2 · escalated 1 · resolved 1" in shown
    assert "*Average heat:* 3.0 of 5" in shown
    assert "*Follow-ups:* 2 open, 1 overdue" in shown
    assert "Most recent 4 calls" in shown
    assert shown.count("[") == 4 and "] Details" in shown
    # newest first
    assert shown.index("Charged TWICE") < shown.index("Wants a callback")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 4),
        ("7d", 4),
        ("today", 1),
        ("30d", 6),
        ("90d", 7),
        ("2026-11", 6),
        ("2026-10", 1),
        ("2026-11-01..2026-11-15", 1),
        ("2026-11-27..2026-11-30", 3),
        ("category:billing", 2),
        ("Category:BILLING 30d", 3),
        ("category:billing category:shipping", 3),
        ("outcome:escalated", 1),
        ("outcome:escalated 90d", 2),
        ('outcome:"callback promised"', 2),
        ("outcome:callback", 2),
        ("heat:>=4", 2),
        ("heat:4", 1),
        ("heat:<=2", 2),
        ("heat:>3", 2),
        ("heat:&lt;3", 2),  # Slack escapes < as &lt;
        ("heat:&gt;=4 30d", 3),
        ("<@U0AGENT02|bob>", 1),
        ("<@U0AGENT01>", 3),
        ('"charged twice"', 1),
        ('"CHARGED" 30d', 2),
        ("“refund”", 1),
        ("30d category:billing heat:>=4", 2),
        ('30d category:billing heat:>=4 "again"', 1),
        ("30d outcome:escalated <@U0AGENT02> heat:5", 1),
        ('7d category:account outcome:callback heat:4 <@U0AGENT01> "refund"', 1),
    ],
)
def test_each_filter_and_their_combinations(
    bot: Harness, sample: dict[str, CallRecord], query: str, expected: int
) -> None:
    assert count_in(bot, ask(bot, query)) == expected


def test_a_filter_with_no_match_says_so(bot: Harness, sample: dict[str, CallRecord]) -> None:
    shown = bot.text(ask(bot, "category:other"))
    assert "*0 calls*" in shown and "Details" not in shown and "*Average heat:* —" in shown


def test_unknown_filters_are_named_with_the_syntax(bot: Harness) -> None:
    shown = bot.text(ask(bot, "last week category:bilin heat:9"))
    assert "I don't know the filters `last`, `week`" in shown
    assert "there is no category `bilin`; the categories are billing, shipping" in shown
    assert "`heat:9` is not a heat from 1 to 5" in shown
    assert "Example: `/calls 30d category:billing heat:>=4`" in shown


def test_a_filter_without_its_value_or_a_long_period_says_how_to_write_it(bot: Harness) -> None:
    """`category:` used to echo an empty code span, `99999d` to be an unknown filter."""
    shown = bot.text(ask(bot, "99999d category: zone:"))
    assert "`99999d`: a period is 1 to 3660 days" in shown
    assert "`category:` needs a value, such as `category:billing`" in shown
    assert "`zone:` needs a value, such as `zone:Europe/London`" in shown
    assert "``" not in shown and "I don't know the filter" not in shown


def test_help_lists_the_grammar_and_the_manager_commands(bot: Harness) -> None:
    shown = bot.text(ask(bot, "help", user=AGENT))
    assert "`/calls export [filters]`" in shown and "`/calls digest on #channel" in shown


# --- who may see what -----------------------------------------------------------------------


def test_an_agent_sees_only_their_own_calls_and_is_told(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    shown = bot.text(ask(bot, "30d", user=AGENT))
    assert "You can see only your own calls, so these are yours." in shown
    assert "*5 calls*" in shown  # AGENT's five of the six in 30 days
    assert "Charged TWICE" not in shown
    assert bot.services.store.scan(AUDIT) == []  # only managers' queries are audited


def test_an_agent_asking_for_someone_else_is_refused_politely(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    reply = ask(bot, "<@U0AGENT02|bob>", user=AGENT)
    assert reply.args["text"] == (
        "Sorry, only managers can see other people's calls. If you need this, please ask "
        f"<@{MANAGER}>. You can always see your own calls: try `/calls 30d`."
    )
    assert "Charged" not in json.dumps(reply.args)
    # …but naming themselves is fine
    assert count_in(bot, ask(bot, f"<@{AGENT}|me>", user=AGENT)) == 3


@pytest.mark.parametrize(
    ("verb", "action"),
    [
        ("export 7d", "export the call log"),
        ("chart 30d", "chart the call log"),
        ("digest status", "set up or see the weekly digest"),
    ],
)
def test_managers_only_commands_are_refused_to_agents(bot: Harness, verb: str, action: str) -> None:
    reply = ask(bot, verb, user=AGENT)
    assert reply.args["text"].startswith(f"Sorry, only managers can {action}. If you need this")
    assert f"please ask <@{MANAGER}>." in reply.args["text"]
    assert bot.fake.calls_to("files.getUploadURLExternal", "chat.postMessage") == []


def test_the_refusal_names_every_source_of_managers_or_says_there_are_none(bot: Harness) -> None:
    bot.settings = replace(bot.settings, manager_group=GROUP)
    bot.restart()
    both = ask(bot, "export", user=AGENT).args["text"]
    assert f"please ask <@{MANAGER}> or <!subteam^{GROUP}>." in both
    bot.settings = replace(bot.settings, managers=frozenset(), manager_group=None)
    bot.restart()
    nobody = ask(bot, "export", user=AGENT).args["text"]
    assert (
        "please ask your team lead (no managers are set up yet: whoever runs the bot names them "
        "in `BOT_MANAGERS` or `BOT_MANAGER_GROUP`)" in nobody
    )


def test_members_of_the_manager_group_are_managers_looked_up_every_10_minutes(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    bot.settings = replace(bot.settings, managers=frozenset(), manager_group=GROUP)
    bot.restart()
    bot.fake.usergroups = {GROUP: [GROUP_MANAGER]}
    assert "yours" not in bot.text(ask(bot, "30d", user=GROUP_MANAGER))
    assert count_in(bot, ask(bot, "30d", user=GROUP_MANAGER)) == 6
    refusal = ask(bot, "export", user=AGENT).args["text"]
    assert f"<!subteam^{GROUP}>" in refusal
    assert len(bot.fake.calls_to("usergroups.users.list")) == 1  # cached

    bot.fake.usergroups = {GROUP: [AGENT]}  # the group changes in Slack
    bot.clock.advance(timedelta(minutes=9))
    assert "yours" not in bot.text(ask(bot, "30d", user=GROUP_MANAGER))
    bot.clock.advance(timedelta(minutes=2))
    assert "yours" in bot.text(ask(bot, "30d", user=GROUP_MANAGER))
    assert "yours" not in bot.text(ask(bot, "30d", user=AGENT))
    assert len(bot.fake.calls_to("usergroups.users.list")) == 2


def test_a_group_that_cannot_be_read_leaves_the_listed_managers(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    bot.settings = replace(bot.settings, manager_group=GROUP)
    bot.restart()
    bot.fake.fail_next("usergroups.users.list", "no_such_subteam")
    assert "yours" not in bot.text(ask(bot, "30d", user=MANAGER))
    assert "yours" in bot.text(ask(bot, "30d", user=GROUP_MANAGER))


def test_every_manager_query_is_audited(bot: Harness, sample: dict[str, CallRecord]) -> None:
    ask(bot, "30d category:billing")
    bot.command("/calls", "export 7d", user=MANAGER)
    bot.wait("response_url", count=2)
    entries = audit_entries(bot, 2)
    assert entries[0] == {
        "user": MANAGER,
        "at": NOW.isoformat(),
        "command": "query",
        "filter": "30d category:billing",
        "text": "30d category:billing",
        "matched": 3,
    }
    assert (entries[1]["command"], entries[1]["filter"], entries[1]["matched"]) == (
        "export",
        "7d",
        4,
    )


# --- details, escaping ----------------------------------------------------------------------


def test_details_opens_the_whole_record(bot: Harness, sample: dict[str, CallRecord]) -> None:
    # The longest note there can be, five times longer once escaped: shown whole, not clipped.
    notes = ("Q&A <b> " * 375)[:-8] + " the end"
    assert len(notes) == NOTES_LIMIT
    seed(bot, ago=timedelta(minutes=5), notes=notes, reference="ORD-9")
    reply = ask(bot, "today")
    bot.click(reply, "Details", user=MANAGER)
    modal = bot.wait("views.open")
    shown = bot.text(modal)
    assert "Call details" in shown and "ORD-9" in shown
    assert "*Agent:* Ana" in shown and "*Follow-up:* none promised" in shown
    assert "*When:* Mon 30 Nov 2026 07:55, America/Chicago (CST)" in shown
    texts = [block["text"]["text"] for block in modal.args["view"]["blocks"][3:-1]]
    assert "".join(texts) == escape(notes)


def test_details_of_a_promise_say_it_is_overdue(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    reply = ask(bot, 'category:account "refund"')
    bot.click(reply, "Details", user=MANAGER)
    assert "*Follow-up:* due Sun 29 Nov 08:00, *overdue*" in bot.text(bot.wait("views.open"))


def test_an_agent_cannot_open_someone_elses_details(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    reply = ask(bot, '"charged twice"')
    bot.click(reply, "Details", user=AGENT)
    refusal = bot.wait("response_url", count=2)
    assert "Sorry, only managers can see other people's calls." in refusal.args["text"]
    assert bot.fake.calls_to("views.open") == []


HOSTILE = "<!channel> call <@U0BOSS> now & <https://evil.example|click> *bold*"


def test_hostile_notes_ping_nobody(bot: Harness) -> None:
    seed(bot, notes=HOSTILE, reference="<!here>")
    reply = ask(bot, '"<!channel>"'.replace("<", "&lt;").replace(">", "&gt;"))
    raw = json.dumps(reply.args["blocks"], ensure_ascii=False)
    assert "<!channel>" not in raw and "<@U0BOSS>" not in raw and "<https" not in raw
    assert "&lt;!channel&gt; call &lt;@U0BOSS&gt; now &amp; &lt;https" in raw
    assert "notes containing “&lt;!channel&gt;”" in raw
    bot.click(reply, "Details", user=MANAGER)
    modal = json.dumps(bot.wait("views.open").args["view"], ensure_ascii=False)
    assert "<!channel>" not in modal and "<!here>" not in modal and "<@U0BOSS>" not in modal
    assert "&lt;!here&gt;" in modal


def test_what_a_person_typed_is_echoed_escaped(bot: Harness) -> None:
    # As Slack sends it: typed `<` escaped, `@here` turned into a broadcast, a link wrapped.
    text = ask(bot, "category:&lt;!channel&gt; <!here> <https://evil.example|x>").args["text"]
    assert "<!" not in text and "<http" not in text
    assert "there is no category `&lt;!channel&gt;`" in text
    assert "`&lt;!here&gt;`, `&lt;https://evil.example|x&gt;`" in text
    # The syntax shown with it must not hold a `<` … `>` pair Slack would read as a link.
    assert "<=" not in text and ">=" not in text and "`heat:&gt;=4`" in text
    digest = ask(bot, f"digest on <#{LEADS}|leads> <!channel>").args["text"]
    assert "I don't know `&lt;!channel&gt;`" in digest and "<!" not in digest


def test_the_filter_shown_is_safe_mrkdwn_and_the_audit_reads_plainly(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    reply = ask(bot, "30d heat:&lt;=2 <@U0AGENT01|ana>")
    raw = json.dumps(reply.args["blocks"])
    assert "Filter: `30d heat:&lt;=2 <@U0AGENT01>`" in raw and "heat:<" not in raw
    assert audit_entries(bot, 1)[0]["filter"] == "30d heat:<=2 <@U0AGENT01>"


# --- export ---------------------------------------------------------------------------------


def uploaded(bot: Harness, count: int = 1) -> tuple[bytes, ApiCall]:
    done = bot.wait("files.completeUploadExternal", count=count)
    file_id = done.args["files"][0]["id"] if isinstance(done.args["files"], list) else ""
    if not file_id:
        file_id = json.loads(done.args["files"])[0]["id"]
    return bot.fake.uploads[file_id], done


def test_export_sends_a_safe_csv_to_the_managers_dm(bot: Harness) -> None:
    hostile = ['=HYPERLINK("https://evil.example","x")', "+1+2", "-3", "@SUM(A1)", "\tx", "\rx"]
    for n, notes in enumerate(hostile):
        seed(bot, ago=timedelta(hours=n + 1), notes=notes, reference=notes)
    seed(bot, ago=timedelta(hours=9), notes="Café, “quotes”, and a\nnew line", category="account")
    seed(bot, ago=timedelta(hours=10), notes=HOSTILE, category="shipping")
    bot.command("/calls", "export 7d", user=MANAGER)
    reply = bot.wait("response_url")
    assert "I sent you `calls-2026-11-24-to-2026-11-30.csv` (8 calls)" in reply.args["text"]
    opened = bot.wait("conversations.open")
    assert opened.args["users"] == MANAGER
    content, done = uploaded(bot)
    assert done.args["channel_id"] == opened.answer["channel"]["id"]

    assert content.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert len(rows) == 8
    assert list(rows[0])[:4] == ["id", "logged_at_utc", "logged_at_local", "agent"]
    by_note = {row["notes"]: row for row in rows}
    for notes in hostile:
        assert "'" + notes in by_note, notes
        assert by_note["'" + notes]["reference"] == "'" + notes
    for row in rows:
        assert not row["notes"].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert by_note["Café, “quotes”, and a\nnew line"]["category"] == "account"
    assert by_note[HOSTILE]["category"] == "shipping"  # a CSV is not mrkdwn: kept as written
    assert rows[0]["logged_at_utc"] == "2026-11-30T13:00:00+00:00"
    assert rows[0]["logged_at_local"] == "2026-11-30 07:00"


def test_export_with_nothing_to_send_says_so(bot: Harness) -> None:
    reply = ask(bot, "export 2026-01")
    assert "No calls match `2026-01` (1 Jan – 31 Jan 2026)" in reply.args["text"]
    assert bot.fake.calls_to("files.getUploadURLExternal") == []
    assert "I don't know the filter `nonsense`" in ask(bot, "export nonsense").args["text"]


# --- chart ----------------------------------------------------------------------------------


def test_chart_uploads_a_png_to_the_managers_dm(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    bot.command("/calls", "chart 30d", user=MANAGER)
    reply = bot.wait("response_url").args["text"]
    assert "I sent you `calls-per-day-2026-11-01-to-2026-11-30.png` (6 calls)" in reply
    content, done = uploaded(bot)
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert done.args["channel_id"] == "D0MANAGER1"


# --- the weekly digest ----------------------------------------------------------------------

LEADS = "C0LEADS"


def london(*args: int) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(*args, tzinfo=ZoneInfo("Europe/London"))


def digests_posted(bot: Harness) -> list[ApiCall]:
    return [
        call
        for call in bot.fake.calls_to("chat.postMessage")
        if call.args.get("channel") == LEADS
        and "Weekly digest" in call.args.get("text", "")
        and call.answer.get("ok")
    ]


def test_digest_on_status_and_off(bot: Harness) -> None:
    reply = ask(bot, f"digest on <#{LEADS}|support-leads> mon 09:00 Europe/London")
    assert reply.args["text"] == (
        f"Done: the weekly digest goes to <#{LEADS}> every Mon at 09:00 (Europe/London)."
    )
    told = bot.wait("chat.postMessage")
    assert told.args["channel"] == LEADS and f"<@{MANAGER}> set up" in told.args["text"]
    status = ask(bot, "digest status").args["text"]
    assert f"<#{LEADS}> every Mon at 09:00 (Europe/London)" in status
    assert ask(bot, "digest off").args["text"] == f"Stopped the weekly digest for <#{LEADS}>."
    assert "No weekly digest is set up" in ask(bot, "digest status").args["text"]
    assert "`tomorrow`" in ask(bot, f"digest on <#{LEADS}> tomorrow").args["text"]
    # A refusal opens the reply, so it reads as a sentence.
    assert ask(bot, "digest on").args["text"].startswith("Which channel? Add it")


def test_digest_in_a_channel_without_the_bot_asks_for_an_invite(bot: Harness) -> None:
    bot.fake.fail_next("chat.postMessage", "not_in_channel")
    reply = ask(bot, f"digest on <#{LEADS}|leads>")
    assert "Invite me there first" in reply.args["text"]
    assert "No weekly digest is set up" in ask(bot, "digest status").args["text"]


def test_the_digest_posts_last_week_once_at_its_time(bot: Harness) -> None:
    day = timedelta(days=1)
    # Digest day: Monday 7 December 2026, 09:00 in London. Last week: 30 Nov – 6 Dec.
    bot.clock.set(london(2026, 12, 7, 8, 0))
    seed(bot, ago=2 * day, heat=5, notes="<!channel> furious")
    seed(bot, ago=3 * day, category="shipping", heat=3)
    seed(bot, ago=4 * day, category="shipping", heat=1)
    seed(bot, ago=10 * day, heat=2)  # the week before
    seed(
        bot,
        ago=12 * day,
        outcome="callback promised",
        category="account",
        follow_up_due=bot.clock.now() - 5 * day,
    )
    ask(bot, f"digest on <#{LEADS}|leads> monday 09:00 Europe/London")

    bot.clock.set(london(2026, 12, 7, 8, 59))
    bot.tick()
    assert digests_posted(bot) == []
    bot.clock.set(london(2026, 12, 7, 9, 0))
    bot.tick()
    bot.tick()
    bot.clock.advance(timedelta(minutes=30))
    bot.tick()
    bot.restart()
    bot.tick()
    posted = digests_posted(bot)
    assert len(posted) == 1
    shown = bot.text(posted[0])
    assert "*3 calls* last week (30 Nov – 6 Dec 2026), up 1 from 2 in the previous 7 days" in shown
    assert "*Top categories:* shipping 2 · billing 1" in shown
    assert "*Overdue promises: 1*" in shown
    assert "*Ana*: callback due Wed 2 Dec 08:00 Europe/London · account" in shown
    assert "<!channel>" not in json.dumps(posted[0].args)
    content, done = uploaded(bot)
    assert content.startswith(b"\x89PNG") and done.args["channel_id"] == LEADS

    # the next week, once more
    bot.clock.set(london(2026, 12, 14, 9, 5))
    bot.tick()
    bot.tick()
    assert len(digests_posted(bot)) == 2


def test_a_failed_digest_post_is_retried_on_the_next_tick(bot: Harness) -> None:
    ask(bot, f"digest on <#{LEADS}|leads>")
    bot.clock.set(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))  # Mon 09:00 in Chicago
    bot.fake.fail_next("chat.postMessage", "internal_error")
    bot.tick()
    assert digests_posted(bot) == []
    bot.clock.advance(timedelta(seconds=15))  # the outbox's first back-off
    bot.tick()
    assert len(digests_posted(bot)) == 1
    assert "*0 calls* last week" in bot.text(digests_posted(bot)[0])
    assert bot.fake.calls_to("files.getUploadURLExternal") == []  # nothing to chart


def test_a_digest_slack_cannot_post_is_not_retried_and_its_manager_is_told(bot: Harness) -> None:
    ask(bot, f"digest on <#{LEADS}|leads>")
    bot.clock.set(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))  # Mon 09:00 in Chicago
    bot.fake.fail_next("chat.postMessage", "is_archived")
    bot.tick()
    told = bot.wait("chat.postMessage", count=3)  # the set-up note, the refused post, this
    assert told.args["channel"] == MANAGER
    assert told.args["text"].startswith(
        f"I couldn't post this week's difficult-call digest in <#{LEADS}>: the channel was "
        "archived."
    )
    assert f"`/calls digest off <#{LEADS}>` stops it" in told.args["text"]
    bot.clock.advance(timedelta(minutes=10))
    bot.tick()
    assert digests_posted(bot) == [] and len(bot.fake.calls_to("chat.postMessage")) == 3
    bot.clock.set(datetime(2026, 12, 14, 15, 0, tzinfo=UTC))  # next week it tries again
    bot.tick()
    assert len(digests_posted(bot)) == 1


# --- App Home -------------------------------------------------------------------------------


def test_managers_get_a_last_7_days_panel_with_common_queries(
    bot: Harness, sample: dict[str, CallRecord]
) -> None:
    bot.requests.open_home(MANAGER)
    home = bot.wait("views.publish")
    shown = bot.text(home)
    assert "*Managers · last 7 days*" in shown and "*4 calls*" in shown
    bot.click(home, "Escalations 30d", user=MANAGER)
    answer = bot.wait("chat.postMessage")
    assert answer.args["channel"] == MANAGER
    assert "*1 call*" in bot.text(answer) and "outcome escalated" in bot.text(answer)
    assert audit_entries(bot, 1)[0]["command"] == "home"


def test_agents_do_not_get_the_managers_panel(bot: Harness) -> None:
    bot.requests.open_home(AGENT)
    assert "Managers · last 7 days" not in bot.text(bot.wait("views.publish"))
