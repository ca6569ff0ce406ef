from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from bot.calllog.model import CallRecord
from bot.reports.export import HEADER, neutralise, to_csv
from bot.reports.wording import Viewpoint
from bot.schedule_text import Zone

NOW = datetime(2026, 11, 30, 14, tzinfo=UTC)


def test_formula_starts_are_neutralised() -> None:
    for cell in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert neutralise(cell) == "'" + cell
    assert neutralise("plain 1-2") == "plain 1-2"


@given(st.text(max_size=200))
def test_no_cell_read_back_is_a_formula(notes: str) -> None:
    record = CallRecord("1", "T", "U1", NOW, "billing", 3, "resolved", notes, reference=notes)
    rows = list(
        csv.reader(
            io.StringIO(
                to_csv([record], Viewpoint(Zone("UTC")), NOW).decode("utf-8-sig"), newline=""
            )
        )
    )
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 2
    for cell in rows[1]:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert rows[1][HEADER.index("notes")] == neutralise(notes)  # nothing else changes
