"""What the agent sees of the call log: confirmations, their own history, reminders, App Home."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.agent_time import agent_zone, labelled
from bot.calllog.masking import describe
from bot.calllog.model import CONTACTS, HEAT_LABELS, OUTCOMES, CallRecord
from bot.calllog.quick import EXAMPLE
from bot.calllog.reminders import tomorrow_morning
from bot.calllog.service import EDIT_WINDOW, Mine
from bot.schedule_text import Zone
from bot.services import Services
from bot.text import clip, escape
from handlers.blocks import Block, actions, button, context, header, message, plain, section
from handlers.ids import CallLogAction

PREVIEW = 160
HOME_RECENT = 5
LISTED_FOLLOW_UPS = 10


def when(moment: datetime, zone: Zone) -> str:
    """A time each reader sees in their own zone; the fallback uses the bot's zone."""
    fallback = moment.astimezone(zone.info).strftime("%a %d %b %H:%M %Z")
    return f"<!date^{int(moment.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def details(record: CallRecord) -> str:
    return f"{escape(record.category)} · heat {record.heat} · {record.outcome} · {record.contact}"


def summary(record: CallRecord) -> str:
    return f"*Call #{record.id}* · {details(record)}"


def follow_up_line(record: CallRecord, now: datetime, zone: Zone) -> str:
    if record.follow_up_due is None:
        return ""
    due = when(record.follow_up_due, zone)
    if record.follow_up_done_at is not None:
        return f":white_check_mark: Follow-up done {when(record.follow_up_done_at, zone)}"
    if record.follow_up_overdue(now):
        return f":warning: Follow-up *overdue* since {due}"
    return f":alarm_clock: Follow-up promised by {due}"


def confirmation(
    record: CallRecord,
    now: datetime,
    zone: Zone,
    masked: tuple[str, ...] | None = None,
    *,
    edited: bool = False,
    repeated: bool = False,
) -> dict[str, Any]:
    """`masked`: the kinds this save masked (an edit's earlier tags are not news); by default
    every kind masked in the record."""
    masked = record.masked_kinds if masked is None else masked
    verb = "Updated" if edited else "Logged"
    lines = [f":white_check_mark: {verb} call *#{record.id}*: {details(record)}"]
    if repeated:
        verb = "Already logged"
        lines = [
            f":white_check_mark: You logged this same call a moment ago as *#{record.id}*, so "
            f"it is stored once, not twice: {details(record)}",
            "If it was another call, add a detail that tells the two apart.",
        ]
    if masked:
        lines.append(
            f":lock: Masked before saving: {describe(masked)}. "
            "Keep card, contact and ID details in the customer system, not here."
        )
    follow = follow_up_line(record, now, zone)
    if follow and record.follow_up_open():
        lines.append(follow + ". I'll remind you then.")
    blocks = [
        section("\n".join(lines)),
        context("`/logcall mine` lists your calls; you can edit or delete this one for 24 hours."),
    ]
    summary = f" Masked: {describe(masked)}." if masked else ""
    return message(f"{verb} call #{record.id}.{summary}", blocks)


def saved_text(record: CallRecord, *, edited: bool = False) -> str:
    """The short confirmation, when the full one cannot be shown: the call is safe either way."""
    verb = "updated" if edited else "saved"
    return f":white_check_mark: Your call is {verb} as #{record.id}. `/logcall mine` lists it."


def mine_message(mine: Mine, now: datetime, zone: Zone, *, note: str = "") -> dict[str, Any]:
    blocks: list[Block] = [section(note)] if note else []
    if not mine.recent:
        # Also shown after the last call was deleted, so it does not say "yet".
        empty = "You have no calls in the log."
        blocks.append(section(f"{empty} Log one with `/logcall`, or in one line:\n`{EXAMPLE}`"))
        return message(empty, blocks)
    if mine.open_follow_ups:
        blocks.append(header("Your open follow-ups"))
        blocks.append(section("\n".join(_follow_up_items(mine.open_follow_ups, now, zone))))
    count = len(mine.recent)
    blocks.append(header(f"Your last {count} call{'s' if count != 1 else ''}"))
    for record in mine.recent:
        lines = [
            f"{summary(record)} · {when(record.created_at, zone)}",
            f"> {escape(clip(record.notes, PREVIEW))}",
        ]
        follow = follow_up_line(record, now, zone)
        if follow:
            lines.append(follow)
        blocks.append(section("\n".join(lines)))
        if now - record.created_at < EDIT_WINDOW:
            blocks.append(
                actions(
                    button("Edit", CallLogAction.EDIT, record.id),
                    _confirmed(
                        button("Delete", CallLogAction.DELETE, record.id, style="danger"),
                        f"Delete call #{record.id}? This cannot be undone.",
                    ),
                )
            )
    blocks.append(context("You can edit or delete a call for 24 hours after logging it."))
    return message(f"Your last {count} calls.", blocks)


def reminder_message(record: CallRecord, zone: Zone) -> dict[str, Any]:
    """The reminder DM; `zone` is the agent's own, which the snooze buttons are labelled in."""
    assert record.follow_up_due is not None
    due = when(record.follow_up_due, zone)
    morning = tomorrow_morning(record.follow_up_due, zone)
    text = f"Reminder: you promised a follow-up on call #{record.id} by {due}."
    reference = f"\nReference: {escape(record.reference)}" if record.reference else ""
    blocks = [
        section(
            f":alarm_clock: {text}\n{summary(record)}\n"
            f"> {escape(clip(record.notes, PREVIEW))}{reference}"
        ),
        actions(
            button("Done", CallLogAction.DONE, record.id, style="primary"),
            button("Snooze 1 hour", CallLogAction.SNOOZE_HOUR, record.id),
            button(
                f"Snooze until tomorrow {labelled(morning, zone)}",
                CallLogAction.SNOOZE_MORNING,
                record.id,
            ),
        ),
    ]
    return message(text, blocks)


def reminder_settled(record: CallRecord, note: str) -> dict[str, Any]:
    """The reminder once answered: no buttons left to press twice."""
    return message(note, [section(f"{note}\n{summary(record)}")])


def call_panel(services: Services, user: str) -> list[Block]:
    """The App Home panel: overdue and open follow-ups first, then recent calls."""
    zone = agent_zone(services.people, user, services.settings.zone)
    return home_panel(services.calls.mine(user), services.clock.now(), zone)


def home_panel(mine: Mine, now: datetime, zone: Zone) -> list[Block]:
    if not mine.recent and not mine.open_follow_ups:
        return []
    blocks: list[Block] = [header("Your difficult-call log")]
    overdue = [r for r in mine.open_follow_ups if r.follow_up_overdue(now)]
    upcoming = [r for r in mine.open_follow_ups if not r.follow_up_overdue(now)]
    if overdue:
        items = "\n".join(_follow_up_items(overdue, now, zone))
        blocks.append(section(f"*Overdue follow-ups: you promised these*\n{items}"))
    if upcoming:
        items = "\n".join(_follow_up_items(upcoming, now, zone))
        blocks.append(section(f"*Open follow-ups*\n{items}"))
    recent = mine.recent[:HOME_RECENT]
    if recent:
        items = "\n".join(f"• {summary(r)}: {escape(clip(r.notes, 80))}" for r in recent)
        blocks.append(section(f"*Recent calls*\n{items}"))
    blocks.append(context("`/logcall mine` lists your last 10 calls, with Edit and Delete."))
    return blocks


def quick_help(categories: Sequence[str]) -> str:
    return (
        "*Log a call in one line:* `/logcall category heat outcome: what happened`\n"
        f"For example: `{EXAMPLE}`\n"
        "• Before the colon, in any order and any case: a category, a heat, an outcome and, "
        "if it was not by phone, the channel of contact.\n"
        f"• Category is one of: {escape(', '.join(categories))}.\n"
        f"• Heat is 1 to 5, or its word: {', '.join(f'{n} {w}' for n, w in HEAT_LABELS.items())}.\n"
        f"• Outcome is one of: {', '.join(OUTCOMES)} (`callback` or `promised` will do).\n"
        f"• Channel is one of: {', '.join(CONTACTS)} (phone when not given).\n"
        "• Leave something out and the form opens with what you gave filled in; a callback "
        "always opens it, to ask when you promised to call back.\n"
        "• Card numbers, e-mails, phone numbers, SSNs and IBANs are masked before saving.\n"
        "• `/logcall` alone opens the form; `/logcall mine` lists your last 10 calls."
    )


def _follow_up_items(records: list[CallRecord], now: datetime, zone: Zone) -> list[str]:
    return [
        f"• Call #{r.id} ({escape(r.category)}): {follow_up_line(r, now, zone)}"
        for r in records[:LISTED_FOLLOW_UPS]
    ]


def _confirmed(element: Block, question: str) -> Block:
    return {
        **element,
        "confirm": {
            "title": plain("Are you sure?", 100),
            "text": plain(question, 300),
            "confirm": plain("Delete", 30),
            "deny": plain("Keep it", 30),
            "style": "danger",
        },
    }
