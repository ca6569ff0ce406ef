"""The weekly digest's message: last week's figures, the overdue promises and whose they are,
the tips the teams found helpful, a button for the same week in detail, and the chart.

"Last week" is a filter with explicit dates and the schedule's zone (bot/reports/digest.py),
and the button asks /calls for that very filter, so the drill-down shows the digest's
numbers. The post goes to a channel with many readers, so times are Slack date tokens, which
Slack shows in each reader's own zone; the text after `|` is the schedule's zone, named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from bot.calllog.model import CallRecord
from bot.reports.digest import OVERDUE_SHOWN, digest_summary, last_week
from bot.reports.files import Attachment, chart_file, series
from bot.reports.summary import Summary, overdue_follow_ups
from bot.reports.tip_votes import TipReport, tip_report
from bot.reports.wording import Viewpoint, breakdown, change_text, plural
from bot.schedule_text import Zone
from bot.services import Services
from bot.text import escape
from handlers.blocks import Block, actions, button, context, header, section
from handlers.ids import ReportAction
from handlers.reports.agent_blocks import tip_lines

TIP_CHANNELS_SHOWN = 3


@dataclass(frozen=True)
class DigestPost:
    text: str
    blocks: list[Block]
    count: int  # calls last week: no chart when there are none
    chart: Callable[[], Attachment]


def digest_post(services: Services, local_day: date, zone: Zone, now: datetime) -> DigestPost:
    """The digest due on `local_day` in `zone`."""
    log = services.reports.log
    flt = last_week(local_day, zone)
    summary = digest_summary(log, flt, now)
    overdue = overdue_follow_ups(log, now)
    names = services.people.names(record.agent for record in overdue[:OVERDUE_SHOWN])
    view = Viewpoint(zone, names, manager=True)
    tips = tip_report(services.store, services.content, summary.window)
    text, blocks = digest_blocks(summary, overdue, tips, view)

    def chart() -> Attachment:
        return chart_file(log, flt, summary.window, series(services.content))

    return DigestPost(text, blocks, summary.count, chart)


def slack_time(when: datetime, view: Viewpoint, fmt: str = "%a %-d %b %H:%M") -> str:
    """A time every reader sees in their own zone; the fallback names the digest's zone."""
    fallback = f"{view.time(when, fmt)} {view.zone}"
    return f"<!date^{int(when.timestamp())}^{{date_short_pretty}} {{time}}|{escape(fallback)}>"


def digest_blocks(
    summary: Summary, overdue: list[CallRecord], tips: TipReport, view: Viewpoint
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
            due = slack_time(record.follow_up_due, view) if record.follow_up_due else "—"
            blocks.append(
                section(
                    f"*{view.who(record.agent)}*: callback due {due} · "
                    f"{escape(record.category)} · heat {record.heat} · "
                    f"logged {view.time(record.created_at, '%-d %b')}",
                    accessory=button("Details", ReportAction.DETAILS, record.id),
                )
            )
        if len(overdue) > OVERDUE_SHOWN:
            blocks.append(context(f"…and {len(overdue) - OVERDUE_SHOWN} more."))
    else:
        blocks.append(section("*Overdue promises:* none. Every callback promised is on time."))
    blocks.append(
        section("*Tips found helpful last week*\n" + "\n".join(tip_lines(tips, TIP_CHANNELS_SHOWN)))
    )
    blocks += [
        actions(button("Last week in detail", ReportAction.DIGEST_DETAIL, summary.filter.text())),
        context(
            f"Last week is {window.label()} in {view.zone}; due times show in your own zone. "
            "Managers: `/calls by agent` for each agent, `/calls digest off` to stop."
        ),
    ]
    text = f"Weekly digest: {plural(summary.count, 'difficult call')} last week"
    return text, blocks
