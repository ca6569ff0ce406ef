"""Block Kit for the per-agent view (`/calls by agent`) and the tip feedback report
(`/calls tips`), and the short forms of both on the App Home."""

from __future__ import annotations

from datetime import datetime

from bot.reports.agents import AgentReport, AgentRow
from bot.reports.tip_votes import ChannelTips, TipReport
from bot.reports.wording import Viewpoint, breakdown, plural, signed
from bot.text import escape
from handlers.blocks import Block, button, context, section
from handlers.ids import ReportAction

AGENTS_SHOWN = 20
CHANNELS_SHOWN = 20
BUTTON_VALUE_LIMIT = 2000
ORDER = (
    "Who needs attention first: follow-ups overdue now, then calls escalated or unresolved, "
    "then hot calls (heat 4–5), then the biggest rise against the period before."
)


def agent_line(row: AgentRow, view: Viewpoint) -> str:
    heat = "—" if row.average_heat is None else f"{row.average_heat:.1f}"
    parts = [
        f"*{view.who(row.agent)}*",
        f"{plural(row.calls, 'call')} ({signed(row.change)} from {row.previous})",
        f"heat {heat}",
    ]
    if row.hot:
        parts.append(f"{row.hot} hot")
    parts.append(breakdown(row.outcomes_most_first()) if row.calls else "no calls")
    if row.overdue:
        parts.append(f"*{plural(row.overdue, 'follow-up')} overdue*")
    return " · ".join(parts)


def agent_lines(report: AgentReport, view: Viewpoint, limit: int) -> list[str]:
    lines = [f"{n}. {agent_line(row, view)}" for n, row in enumerate(report.rows[:limit], 1)]
    if len(report.rows) > limit:
        lines.append(f"…and {len(report.rows) - limit} more")
    return lines or ["No calls logged in this period."]


def agent_blocks(report: AgentReport, view: Viewpoint, now: datetime) -> list[Block]:
    window = report.window
    described = report.filter.describe(view.names)
    change = report.calls - report.previous
    head = (
        f"*Per agent · {window.label()}*" + (f"\n{described}" if described else "") + "\n"
        f"{plural(report.calls, 'call')} by {plural(len(report.rows), 'agent')}, "
        f"{signed(change)} against {window.previous_name()}"
    )
    blocks: list[Block] = [section(head), context(ORDER)]
    for n, row in enumerate(report.rows[:AGENTS_SHOWN], 1):
        value = report.filter.with_agent(row.agent).text()
        accessory = (
            button("Calls", ReportAction.AGENT_CALLS, value)
            if len(value) <= BUTTON_VALUE_LIMIT
            else None
        )
        blocks.append(section(f"{n}. {agent_line(row, view)}", accessory=accessory))
    if not report.rows:
        blocks.append(section("No calls logged in this period, and no follow-up is overdue."))
    if len(report.rows) > AGENTS_SHOWN:
        blocks.append(
            context(
                f"…and {len(report.rows) - AGENTS_SHOWN} more agents, who need it less. "
                "Add filters to narrow the list."
            )
        )
    blocks.append(
        context(
            f"Filter: `{report.filter.text()}` · times in {view.zone_words(now)} · "
            "*Calls* shows an agent's calls with the same filters"
        )
    )
    return blocks


def channel_name(channel: ChannelTips) -> str:
    return f"<#{channel.channel}>" if channel.channel else "a channel not recorded (older votes)"


def tip_lines(report: TipReport, limit: int) -> list[str]:
    lines = []
    for channel in report.channels[:limit]:
        top = channel.tips[0]
        lines.append(
            f"{channel_name(channel)}: {plural(channel.votes, 'vote')}, most for "
            f"“{escape(top.title)}” ({top.votes})"
        )
    if len(report.channels) > limit:
        lines.append(f"…and {len(report.channels) - limit} more channels")
    return lines or ["No one marked a tip helpful yet."]


def tip_blocks(report: TipReport, view: Viewpoint, now: datetime) -> list[Block]:
    window = report.window
    head = (
        f"*Tips found helpful · {window.label()}*\n"
        f"{plural(report.votes, 'Helpful vote')} in {plural(len(report.channels), 'channel')}"
    )
    blocks: list[Block] = [section(head)]
    for channel in report.channels[:CHANNELS_SHOWN]:
        tips = "\n".join(f"• “{escape(tip.title)}”: {tip.votes}" for tip in channel.tips)
        more = f"\n…and {plural(channel.more, 'other tip')}" if channel.more else ""
        blocks.append(section(f"*{channel_name(channel)}* ({channel.votes})\n{tips}{more}"))
    if not report.channels:
        blocks.append(section("No one marked a tip helpful in this period."))
    blocks.append(
        context(
            f"Votes cast {window.label()}, days in {view.zone_words(now)}; each person counts "
            "once per tip. `/calls tips 90d` looks further back."
        )
    )
    return blocks
