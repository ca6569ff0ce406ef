"""The files /calls sends: the CSV export and the chart, each with its file name and title,
named after the dates they cover. The digest attaches the same chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.content import Content
from bot.reports.chart import Series, calls_png
from bot.reports.export import to_csv
from bot.reports.palette import OUTCOME_COLOURS, category_colours
from bot.reports.period import Window
from bot.reports.query import Filter
from bot.reports.summary import matching
from bot.reports.wording import Viewpoint


@dataclass(frozen=True)
class Attachment:
    content: bytes
    filename: str
    title: str


def _dates(window: Window) -> str:
    return f"{window.first.isoformat()}-to-{window.last.isoformat()}"


def export_file(
    records: list[CallRecord], window: Window, now: datetime, view: Viewpoint
) -> Attachment:
    content = to_csv(records, view, now)
    return Attachment(content, f"calls-{_dates(window)}.csv", f"Difficult calls, {window.label()}")


def series(content: Content, by: str = "category") -> Series:
    """What a chart splits its bars by: `category` (the default) or `outcome`."""
    if by == "outcome":
        return Series("outcome", lambda record: record.outcome, OUTCOME_COLOURS)
    return Series("category", lambda record: record.category, category_colours(content.categories))


def chart_file(
    log: CallLog,
    flt: Filter,
    window: Window,
    split: Series,
    current: list[CallRecord] | None = None,
) -> Attachment:
    """The chart of a filter's calls in `window`, beside the period before it."""
    records = matching(log, flt, window) if current is None else current
    previous = matching(log, flt, window.previous)
    title = f"Calls per day by {split.name}, {window.label()} ({window.zone})"
    png = calls_png(records, previous, window, split, title)
    name = f"calls-per-day-{'' if split.name == 'category' else 'by-outcome-'}{_dates(window)}.png"
    return Attachment(png, name, title)
