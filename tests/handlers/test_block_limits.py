"""Slack's Block Kit limits: the checker itself, and every builder pushed with extreme input.

Each builder gets the longest, most hostile user text it can meet (mrkdwn characters that
escaping makes five times longer, line breaks, backticks) and as many items as its callers can
hand it; what it builds must still be something Slack accepts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.calllog.model import NOTES_LIMIT, CallRecord
from bot.calllog.service import MINE_LIMIT, Mine
from bot.clock import ManualClock
from bot.content import Content, load_content
from bot.rephrase import Engine
from bot.rephrase.engine import MAX_DRAFT
from bot.reports.agents import AgentReport, AgentRow
from bot.reports.period import LastDays, window_for
from bot.reports.query import Filter
from bot.reports.summary import Summary
from bot.reports.tip_votes import ChannelTips, TipCount, TipReport
from bot.reports.wording import Viewpoint, summary_text
from bot.schedule_text import Zone
from bot.store import TinyStore
from handlers.block_limits import message_problems, view_problems
from handlers.blocks import modal, section
from handlers.calllog.blocks import (
    confirmation,
    home_panel,
    mine_message,
    reminder_message,
    reminder_settled,
)
from handlers.calllog.modal import CallPrefill, FormMeta, call_log_modal
from handlers.guides.cards import no_match_blocks, no_match_text
from handlers.rephrase.answer import rephrase_answer
from handlers.rephrase.blocks import result_view
from handlers.reports import blocks as report_blocks
from handlers.reports.agent_blocks import agent_blocks, tip_blocks
from handlers.reports.digest_post import digest_blocks
from handlers.tips.blocks import tip_message

NOW = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
ZONE = Zone("America/Chicago")
# Characters escaping lengthens (&, <, >) or that mrkdwn reads (*, _, `, ~), and line breaks.
HOSTILE = "&<>*_`~\n :"
WORST = "&" * 10_000  # escaped, five times as long

user_text = st.text(
    alphabet=st.sampled_from(HOSTILE) | st.characters(codec="utf-8"), max_size=NOTES_LIMIT
)
slow = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content()


@pytest.fixture(scope="module")
def engine(content: Content) -> Engine:
    return Engine(content)


def assert_message_ok(body: dict[str, Any]) -> None:
    assert message_problems(body.get("blocks"), body.get("text")) == []


def record(notes: str, n: int = 1, **changes: Any) -> CallRecord:
    base = CallRecord(
        id=str(n),
        team="T0COACH",
        agent="U0AGENT01",
        created_at=NOW - timedelta(minutes=n),
        category=notes[:40] or "billing",  # a team's content folder names the categories
        heat=4,
        outcome="callback promised",
        notes=notes,
        reference=notes[:200] or None,
        steps=tuple(f"general:{i}" for i in range(1, 11)),
        follow_up_due=NOW + timedelta(hours=n),
        masked=True,
        masked_kinds=("card", "email", "phone"),
    )
    return replace(base, **changes)


def summary_of(notes: str, count: int) -> Summary:
    flt = Filter(period=LastDays(30), texts=(notes or "x",) * 3)
    records = [record(notes, n) for n in range(1, count + 1)]
    return Summary(
        filter=flt,
        window=window_for(flt.period, NOW, ZONE),
        count=count,
        previous=0,
        by_category=[(notes or "x", 1)] * 20,
        by_outcome=[("escalated", count)],
        average_heat=4.0,
        open_follow_ups=count,
        overdue_follow_ups=count,
        recent=records,
    )


# --- the checker ----------------------------------------------------------------------------


def test_the_checker_finds_what_slack_would_refuse() -> None:
    option = {"text": {"type": "plain_text", "text": "o" * 151}, "value": "v" * 151}
    blocks = [
        {"type": "section", "block_id": "b" * 256, "text": {"type": "mrkdwn", "text": "x"}},
        {"type": "section", "fields": [{"type": "mrkdwn", "text": "f"}] * 11},
        {"type": "context", "elements": [{"type": "mrkdwn", "text": "c" * 3001}]},
        {
            "type": "actions",
            "elements": [
                {
                    "type": "static_select",
                    "action_id": "a" * 256,
                    "option_groups": [{"options": [option] * 60}, {"options": [option] * 41}],
                }
            ],
        },
        {
            "type": "input",
            "label": {"type": "plain_text", "text": "l" * 2001},
            "element": {"type": "plain_text_input", "initial_value": "i" * 3001},
        },
    ]
    problems = "\n".join(message_problems(blocks))
    for expected in (
        "block_id over 255",
        "more than 10 fields",
        "context element is over 3,000",
        "action_id over 255",
        "more than 100 options",
        "option text must be 1 to 150",
        "option value over 150",
        "input label over 2000",
        "initial_value over 3,000",
    ):
        assert expected in problems
    view = modal("t", [], submit="s" * 25, private_metadata="m" * 3001)
    assert any("private_metadata" in p for p in view_problems(view))


def test_modal_and_message_builders_clip_to_the_limits() -> None:
    view = modal("T" * 100, [section("x")] * 150, submit="S" * 100, close="C" * 100)
    assert view_problems(view) == []


# --- the builders, pushed -------------------------------------------------------------------


@slow
@given(notes=user_text)
@example(notes=WORST[:NOTES_LIMIT])
def test_call_log_messages(notes: str) -> None:
    many = [record(notes, n) for n in range(1, MINE_LIMIT + 1)]
    one = many[0]
    assert_message_ok(confirmation(one, NOW, ZONE, edited=True))
    assert_message_ok(mine_message(Mine(many, many * 5), NOW, ZONE, note=f"Deleted #{one.id}"))
    assert_message_ok(reminder_message(one, ZONE))
    assert_message_ok(reminder_settled(one, "Snoozed."))
    assert message_problems(home_panel(Mine(many, many * 5), NOW, ZONE)) == []


@slow
@given(notes=user_text)
@example(notes=WORST[:NOTES_LIMIT])
def test_call_log_form(content: Content, notes: str) -> None:
    prefill = CallPrefill(
        category="billing",
        heat=3,
        outcome="callback promised",
        notes=notes + notes,  # a message shortcut's text may be longer than the limit
        reference=notes,
        steps=("general:1", "general:2"),
        follow_up=NOW,
    )
    meta = FormMeta(call_id="9" * 20, response_url="https://hooks.slack.com/" + "a" * 400)
    view = call_log_modal(content, prefill, meta=meta, note=notes)
    assert view_problems(view) == []


@slow
@given(notes=user_text)
@example(notes=WORST[:NOTES_LIMIT])
def test_managers_reports(notes: str) -> None:
    summary = summary_of(notes, 10)
    name = notes[:80] or "x"  # Slack caps display names at 80 characters
    view = Viewpoint(ZONE, {"U0AGENT01": name}, manager=True)
    blocks = report_blocks.summary_blocks(summary, view, NOW, note=notes)
    assert message_problems(blocks, summary_text(summary)) == []
    assert view_problems(report_blocks.details_view(record(notes), view, NOW)) == []
    rows = [
        AgentRow(f"U{n:08d}", n, 99 - n, 5 * n, n, n, Counter({"escalated": n, name: 1}))
        for n in range(60)
    ]
    agents = AgentReport(summary.filter, summary.window, rows)
    tips = TipReport(
        summary.window,
        [ChannelTips(f"C{n:08d}", 99, [TipCount(name, name * 3, 9)] * 5, 40) for n in range(30)],
    )
    views = {f"U{n:08d}": name for n in range(60)}
    many = Viewpoint(ZONE, views, manager=True)
    assert message_problems(agent_blocks(agents, many, NOW)) == []
    assert message_problems(tip_blocks(tips, many, NOW)) == []
    assert message_problems(report_blocks.home_panel(summary, agents, tips, many)) == []
    overdue = [record(notes, n) for n in range(50)]
    text, digest = digest_blocks(summary, overdue, tips, view)
    assert message_problems(digest, text) == []


@slow
@given(asked=user_text)
@example(asked=WORST)
def test_guide_no_match(content: Content, asked: str) -> None:
    assert message_problems(no_match_blocks(content, asked), no_match_text(asked)) == []


@slow
@given(body=user_text.filter(str.strip))  # the content loader refuses an empty tip
@example(body=WORST)
def test_tip_message(content: Content, body: str) -> None:
    tip = replace(content.tips[0], title=body[:200], body=body, wording=body)
    assert_message_ok(tip_message(tip, intro=body[:50]))


@slow
@given(
    draft=st.text(alphabet=st.sampled_from(HOSTILE + "you're wrong calm down"), max_size=MAX_DRAFT)
)
@example(draft=("You're wrong, calm down & <!channel>. " * 200)[:MAX_DRAFT])
def test_rephrase_answer(content: Content, engine: Engine, tmp_path: Path, draft: str) -> None:
    store = TinyStore(tmp_path / f"rephrase-{abs(hash(draft))}.json")
    try:
        answer = rephrase_answer(
            draft,
            engine=engine,
            content=content,
            store=store,
            clock=ManualClock(NOW),
            user="U0AGENT01",
        )
    finally:
        store.close()
    assert message_problems(answer.blocks, answer.text) == []
    assert view_problems(result_view(answer.blocks or [])) == []
