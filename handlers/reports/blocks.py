"""Block Kit for the managers' view: the query answer, the call details modal, the App Home
panel. Every piece of user text (notes, references, search words) is escaped."""

from __future__ import annotations

from datetime import datetime

from bot.calllog.model import CallRecord
from bot.reports.digest import OVERDUE_SHOWN
from bot.reports.service import Reply
from bot.reports.summary import Summary
from bot.reports.wording import breakdown, change_text, local_time, mention, plural
from bot.text import clip, escape
from handlers.blocks import (
    Block,
    actions,
    button,
    context,
    divider,
    escaped_sections,
    header,
    modal,
    section,
)
from handlers.ids import ReportAction, ReportView

PREVIEW = 200

# The App Home's common queries: (label, action, query text).
HOME_QUERIES: tuple[tuple[str, ReportAction, str], ...] = (
    ("Last 7 days", ReportAction.HOME_WEEK, "7d"),
    ("Escalations 30d", ReportAction.HOME_ESCALATIONS, "30d outcome:escalated"),
    ("Heat 4+ (7d)", ReportAction.HOME_HOT, "7d heat:>=4"),
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


def call_line(record: CallRecord, zone: str) -> str:
    notes = " ".join(record.notes.split())
    preview = f"> {escape(clip(notes, PREVIEW))}" if notes else "> _no notes_"
    return (
        f"*{local_time(record.created_at, zone)}* · {escape(record.category)} · "
        f"heat {record.heat} · {escape(record.outcome)} · {mention(record.agent)}\n{preview}"
    )


def summary_blocks(summary: Summary, zone: str, note: str | None = None) -> list[Block]:
    title = f"*Difficult calls · {summary.window.label()}*"
    described = summary.filter.describe()
    blocks: list[Block] = [section(title + (f"\n{described}" if described else ""))]
    if note:
        blocks.append(context(note))
    blocks.append(section(figures(summary)))
    if summary.recent:
        blocks += [divider(), section(f"*Most recent {plural(len(summary.recent), 'call')}*")]
        blocks += [
            section(
                call_line(record, zone),
                accessory=button("Details", ReportAction.DETAILS, record.id),
            )
            for record in summary.recent
        ]
    # Filter.text() is already in Slack's escaped form (free text and heat operators); the
    # rest is checked: known categories and outcomes, numbers, user IDs.
    blocks.append(
        context(
            f"Filter: `{summary.filter.text()}` · times in {zone} · "
            "`/calls export` with the same filters for a spreadsheet"
        )
    )
    return blocks


def reply_blocks(reply: Reply, zone: str) -> list[Block] | None:
    """The blocks of a reports answer: its summary, if it has one, under its note."""
    return None if reply.summary is None else summary_blocks(reply.summary, zone, reply.note)


def details_view(record: CallRecord, zone: str, now: datetime) -> Block:
    follow_up = "none promised"
    if record.follow_up_due is not None:
        due = local_time(record.follow_up_due, zone)
        if record.follow_up_done_at is not None:
            follow_up = f"due {due}, done {local_time(record.follow_up_done_at, zone)}"
        elif record.follow_up_overdue(now):
            follow_up = f"due {due}, *overdue*"
        else:
            follow_up = f"due {due}, open"
    facts = [
        f"*When:* {local_time(record.created_at, zone, '%a %-d %b %Y %H:%M')} ({zone})",
        f"*Agent:* {mention(record.agent)}",
        f"*Category:* {escape(record.category)}",
        f"*Heat:* {record.heat} of 5",
        f"*Outcome:* {escape(record.outcome)}",
        f"*Contact:* {escape(record.contact)}",
        f"*Reference:* {escape(record.reference) if record.reference else '—'}",
        f"*Follow-up:* {follow_up}",
        f"*Steps used:* {escape(', '.join(record.steps)) if record.steps else '—'}",
    ]
    if record.updated_at is not None:
        facts.append(f"*Last edited:* {local_time(record.updated_at, zone)}")
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


def home_panel(summary: Summary) -> list[Block]:
    return [
        section(f"*Managers · last 7 days* ({summary.window.label()})\n" + figures(summary)),
        actions(*(button(label, action, query) for label, action, query in HOME_QUERIES)),
        context(
            "The answers come to you in a direct message. Type `/calls` for any other "
            "question, or `/calls help` for the filters. Only managers see this panel."
        ),
    ]


def digest_blocks(
    summary: Summary, overdue: list[CallRecord], zone: str
) -> tuple[str, list[Block]]:
    """The digest message: text for notifications, and blocks. Nobody is mentioned, so a
    post in the managers' channel pings no agent; Details opens each call privately."""
    window = summary.window
    heat = "—" if summary.average_heat is None else f"{summary.average_heat:.1f} of 5"
    blocks: list[Block] = [
        header("Weekly difficult-call digest"),
        section(
            f"*{plural(summary.count, 'call')}* last week ({window.label()}), "
            f"{change_text(summary)}\n"
            f"*Top categories:* {breakdown(summary.by_category, limit=3)}\n"
            f"*By outcome:* {breakdown(summary.by_outcome)}\n"
            f"*Average heat:* {heat}"
        ),
    ]
    if overdue:
        blocks.append(section(f"*Overdue promises: {len(overdue)}*"))
        for record in overdue[:OVERDUE_SHOWN]:
            due = local_time(record.follow_up_due, zone) if record.follow_up_due else "—"
            blocks.append(
                section(
                    f"Callback due {due} · {escape(record.category)} · heat {record.heat} · "
                    f"logged {local_time(record.created_at, zone, '%-d %b')}",
                    accessory=button("Details", ReportAction.DETAILS, record.id),
                )
            )
        if len(overdue) > OVERDUE_SHOWN:
            blocks.append(context(f"…and {len(overdue) - OVERDUE_SHOWN} more."))
    else:
        blocks.append(section("*Overdue promises:* none. Every callback promised is on time."))
    blocks += [
        actions(button("Last 7 days in detail", ReportAction.HOME_WEEK, "7d")),
        context(f"Times in {zone}. Managers: `/calls` for more, `/calls digest off` to stop."),
    ]
    text = f"Weekly digest: {plural(summary.count, 'difficult call')} last week"
    return text, blocks
