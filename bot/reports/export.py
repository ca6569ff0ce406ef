"""The CSV export: one row per call, UTF-8 with a header row, safe to open in a spreadsheet.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets, so a note such as `=HYPERLINK(...)` could run as one; such
cells get a leading apostrophe, which the spreadsheet shows as plain text (OWASP's advice).
Each row has the agent's ID and, beside it, their name (their ID when Slack could not say);
local times are in the reader's own time zone, named in the last column.
The file starts with a byte-order mark so that Excel reads it as UTF-8, not the local code page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime

from bot.calllog.model import CallRecord
from bot.reports.wording import Viewpoint, local_time

HEADER = (
    "id",
    "logged_at_utc",
    "logged_at_local",
    "agent",
    "name",
    "team",
    "category",
    "heat",
    "outcome",
    "contact",
    "reference",
    "notes",
    "steps",
    "follow_up_due_utc",
    "follow_up_done_utc",
    "follow_up_status",
    "masked",
    "local_time_zone",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def _utc(when: datetime | None) -> str:
    return when.isoformat() if when is not None else ""


def follow_up_status(record: CallRecord, now: datetime) -> str:
    if record.follow_up_due is None:
        return ""
    if record.follow_up_done_at is not None:
        return "done"
    return "overdue" if record.follow_up_overdue(now) else "open"


def row(record: CallRecord, view: Viewpoint, now: datetime) -> list[str]:
    zone = view.zone
    cells = [
        record.id,
        _utc(record.created_at),
        local_time(record.created_at, zone, "%Y-%m-%d %H:%M"),
        record.agent,
        view.names.get(record.agent, record.agent),  # plain text: a CSV is not mrkdwn
        record.team,
        record.category,
        str(record.heat),
        record.outcome,
        record.contact,
        record.reference or "",
        record.notes,
        " ".join(record.steps),
        _utc(record.follow_up_due),
        _utc(record.follow_up_done_at),
        follow_up_status(record, now),
        ", ".join(record.masked_kinds) if record.masked else "",
        zone,
    ]
    return [neutralise(cell) for cell in cells]


def to_csv(records: Iterable[CallRecord], view: Viewpoint, now: datetime) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(row(record, view, now) for record in records)
    return out.getvalue().encode("utf-8-sig")
