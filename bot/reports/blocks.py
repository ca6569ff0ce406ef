"""Block Kit for the managers' view: the query answer, the call details modal, the App Home
panel. Every piece of user text (notes, references, search words) is escaped."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.blocks import (
    Block,
    actions,
    button,
    clip,
    context,
    divider,
    escape,
    escaped_sections,
    modal,
    section,
)
from bot.calllog.model import CallRecord
from bot.ids import ReportAction, ReportView
from bot.reports.summary import Summary

PREVIEW = 200
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")

# The App Home's common queries: (label, action, query text).
HOME_QUERIES: tuple[tuple[str, ReportAction, str], ...] = (
    ("Last 7 days", ReportAction.HOME_WEEK, "7d"),
    ("Escalations 30d", ReportAction.HOME_ESCALATIONS, "30d outcome:escalated"),
    ("Heat 4+ (7d)", ReportAction.HOME_HOT, "7d heat:>=4"),
)


def mention(user: str) -> str:
    # Only a well-formed user ID becomes a mention; anything else is shown as text.
    return f"<@{user}>" if _USER_ID.match(user) else escape(user)


def local_time(when: datetime, zone: str, fmt: str = "%a %-d %b %H:%M") -> str:
    return when.astimezone(ZoneInfo(zone)).strftime(fmt)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def change_text(summary: Summary) -> str:
    before = summary.window.previous
    where = f"the previous {plural(before.days, 'day')} ({before.label()})"
    if summary.change == 0:
        return f"the same as {where}"
    direction = "up" if summary.change > 0 else "down"
    return f"{direction} {abs(summary.change)} from {summary.previous} in {where}"


def breakdown(counts: list[tuple[str, int]], limit: int = 8) -> str:
    shown = [f"{escape(name)} {count}" for name, count in counts[:limit]]
    if len(counts) > limit:
        shown.append(f"{len(counts) - limit} more")
    return " · ".join(shown) or "—"


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


def summary_text(summary: Summary) -> str:
    """The notification text that goes with the blocks."""
    return f"Difficult calls, {summary.window.label()}: {plural(summary.count, 'call')}"


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
