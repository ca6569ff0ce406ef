"""Block Kit for the managers' view: the query answer, the call details modal, the App Home
panel. Every piece of user text (notes, references, search words, people's names) is escaped,
and times are in the reader's zone, named."""

from __future__ import annotations

from datetime import datetime

from bot.calllog.model import CallRecord
from bot.reports.agents import AgentReport
from bot.reports.service import Reply
from bot.reports.summary import Summary
from bot.reports.tip_votes import TipReport
from bot.reports.wording import Viewpoint, breakdown, change_text, plural
from bot.text import clip, escape
from handlers.blocks import (
    Block,
    actions,
    button,
    context,
    divider,
    escaped_sections,
    modal,
    section,
)
from handlers.ids import ReportAction, ReportView
from handlers.reports.agent_blocks import agent_lines, tip_lines

PREVIEW = 200
HOME_AGENTS_SHOWN = 5

# The App Home's common queries: (label, action, query text).
HOME_QUERIES: tuple[tuple[str, ReportAction, str], ...] = (
    ("Last 7 days", ReportAction.HOME_WEEK, "7d"),
    ("Escalations 30d", ReportAction.HOME_ESCALATIONS, "30d outcome:escalated"),
    ("Heat 4+ (7d)", ReportAction.HOME_HOT, "7d heat:>=4"),
    ("Per agent (7d)", ReportAction.HOME_AGENTS, "7d"),
    ("Helpful tips (30d)", ReportAction.HOME_TIPS, "30d"),
)


def figures(summary: Summary) -> str:
    heat = "—" if summary.average_heat is None else f"{summary.average_heat:.1f} of 5"
    return (
        f"*{plural(summary.count, 'call')}*, {change_text(summary)}\n"
        f"*By category:* {breakdown(summary.by_category)}\n"
        f"*By outcome:* {breakdown(summary.by_outcome)}\n"
        f"*Average heat:* {heat}\n"
        f"*Follow-ups:* {summary.open_follow_ups} open, {summary.overdue_follow_ups} overdue"
    )


def call_line(record: CallRecord, view: Viewpoint) -> str:
    notes = " ".join(record.notes.split())
    preview = f"> {escape(clip(notes, PREVIEW))}" if notes else "> _no notes_"
    return (
        f"*{view.time(record.created_at)}* · {escape(record.category)} · "
        f"heat {record.heat} · {escape(record.outcome)} · {view.who(record.agent)}\n{preview}"
    )


def footer(summary: Summary, view: Viewpoint, now: datetime) -> str:
    """What the reader can do next: only commands they may run."""
    # Filter.text() is already in Slack's escaped form (free text and heat operators); the
    # rest is checked: known categories and outcomes, numbers, user IDs, zone names.
    shown = f"Filter: `{summary.filter.text()}` · times in {view.zone_words(now)}"
    if summary.window.zone != view.zone:
        shown += f", days from midnight in {summary.window.zone}"
    if view.manager:
        return (
            f"{shown} · the same filters work with `/calls export`, `/calls chart` and "
            "`/calls by agent`"
        )
    return f"{shown} · `/calls 30d` for the last month, `/calls help` for the filters"


def summary_blocks(
    summary: Summary, view: Viewpoint, now: datetime, note: str | None = None
) -> list[Block]:
    title = f"*Difficult calls · {summary.window.label()}*"
    described = summary.filter.describe(view.names)
    blocks: list[Block] = [section(title + (f"\n{described}" if described else ""))]
    if note:
        blocks.append(context(note))
    blocks.append(section(figures(summary)))
    if summary.recent:
        blocks += [divider(), section(f"*Most recent {plural(len(summary.recent), 'call')}*")]
        blocks += [
            section(
                call_line(record, view),
                accessory=button("Details", ReportAction.DETAILS, record.id),
            )
            for record in summary.recent
        ]
    blocks.append(context(footer(summary, view, now)))
    return blocks


def reply_blocks(reply: Reply, now: datetime) -> list[Block] | None:
    """The blocks of a reports answer: its summary, if it has one, under its note."""
    if reply.summary is None or reply.view is None:
        return None
    return summary_blocks(reply.summary, reply.view, now, reply.note)


def details_view(record: CallRecord, view: Viewpoint, now: datetime) -> Block:
    follow_up = "none promised"
    if record.follow_up_due is not None:
        due = view.time(record.follow_up_due)
        if record.follow_up_done_at is not None:
            follow_up = f"due {due}, done {view.time(record.follow_up_done_at)}"
        elif record.follow_up_overdue(now):
            follow_up = f"due {due}, *overdue*"
        else:
            follow_up = f"due {due}, open"
    facts = [
        f"*When:* {view.time(record.created_at, '%a %-d %b %Y %H:%M')}, "
        f"{view.zone_words(record.created_at)}",
        f"*Agent:* {view.who(record.agent)}",
        f"*Category:* {escape(record.category)}",
        f"*Heat:* {record.heat} of 5",
        f"*Outcome:* {escape(record.outcome)}",
        f"*Contact:* {escape(record.contact)}",
        f"*Reference:* {escape(record.reference) if record.reference else '—'}",
        f"*Follow-up:* {follow_up}",
        f"*Steps used:* {escape(', '.join(record.steps)) if record.steps else '—'}",
    ]
    if record.updated_at is not None:
        facts.append(f"*Last edited:* {view.time(record.updated_at)}")
    blocks: list[Block] = [
        section("\n".join(facts)),
        divider(),
        section("*Notes*"),
        *(escaped_sections(record.notes) if record.notes.strip() else [section("_no notes_")]),
    ]
    if record.masked:
        kinds = ", ".join(record.masked_kinds) or "personal details"
        blocks.append(context(f"Masked when logged: {escape(kinds)}."))
    blocks.append(context(f"Call {escape(record.id)}"))
    return modal("Call details", blocks, callback_id=ReportView.DETAILS)


def home_panel(
    summary: Summary, agents: AgentReport, tips: TipReport, view: Viewpoint
) -> list[Block]:
    attention = agent_lines(agents, view, HOME_AGENTS_SHOWN)
    helpful = tip_lines(tips, limit=3)
    return [
        section(f"*Managers · last 7 days* ({summary.window.label()})\n" + figures(summary)),
        section("*Needs attention first (7 days)*\n" + "\n".join(attention)),
        section("*Tips teams found helpful (30 days)*\n" + "\n".join(helpful)),
        actions(*(button(label, action, query) for label, action, query in HOME_QUERIES)),
        context(
            "The answers come to you in a direct message. Type `/calls` for any other "
            "question, or `/calls help` for the filters. Only managers see this panel."
        ),
    ]
