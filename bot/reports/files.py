"""The files /calls sends: the CSV export and the chart, each with its file name and title,
named after the dates they cover. The digest attaches the same chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.calllog.model import CallRecord
from bot.reports.chart import calls_per_day_png
from bot.reports.export import to_csv
from bot.reports.summary import Window


@dataclass(frozen=True)
class Attachment:
    content: bytes
    filename: str
    title: str


def _dates(window: Window) -> str:
    return f"{window.first.isoformat()}-to-{window.last.isoformat()}"


def export_file(records: list[CallRecord], window: Window, now: datetime) -> Attachment:
    content = to_csv(records, window.zone, now)
    return Attachment(content, f"calls-{_dates(window)}.csv", f"Difficult calls, {window.label()}")


def chart_file(records: list[CallRecord], window: Window) -> Attachment:
    title = f"Calls per day, {window.label()}"
    png = calls_per_day_png(records, window, title)
    return Attachment(png, f"calls-per-day-{_dates(window)}.png", title)
