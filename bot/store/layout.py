"""Which collections the embedded store splits by month, and which fields it indexes.

The collection names repeat the constants of the features that own them (tests check they
match): the store needs them before any feature module is imported, to migrate and index.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.store.interface import Doc

CALL_FIGURE_FIELDS = ("category", "outcome", "heat", "follow_up_due", "follow_up_done_at")
UNDATED = "undated"  # the partition of a document whose timestamp is missing or unreadable
_SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass(frozen=True)
class CollectionLayout:
    partition_by: str | None = None  # an ISO timestamp field: one file per month of it
    indexes: tuple[str, ...] = ()  # fields kept in sorted in-memory indexes
    carries: tuple[str, ...] = ()  # fields whose values the index keeps beside each entry

    def partition_of(self, doc: Doc) -> str:
        """The month ("2026-05", in UTC) the document belongs to, or "" when unpartitioned."""
        if self.partition_by is None:
            return ""
        return month_of(doc.get(self.partition_by))


def month_of(value: object) -> str:
    if not isinstance(value, str):
        return UNDATED
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return UNDATED
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return f"{when.year:04d}-{when.month:02d}"


Layout = Mapping[str, CollectionLayout]

UNPARTITIONED = CollectionLayout()

STANDARD_LAYOUT: Layout = {
    # The call log (bot.calllog.log) and the managers' audit log (bot.reports.access) grow
    # forever: one file per month, so a write costs its month, not the whole history.
    # The call log's index carries what /calls counts, so a report reads no document
    # except the few it shows (bot.store.callindex).
    "calls": CollectionLayout(
        partition_by="created_at",
        indexes=("created_at", "agent", "follow_up_due"),
        carries=CALL_FIGURE_FIELDS,
    ),
    "report_audit": CollectionLayout(partition_by="at", indexes=("at",)),
    "call_reminders": CollectionLayout(indexes=("remind_at",)),
}


def file_name(collection: str) -> str:
    """The collection's file or folder name: the name itself when it is plain, so a person
    can find it; anything else is refused rather than guessed at."""
    if not _SAFE_NAME.match(collection):
        raise ValueError(
            f"Collection name {collection!r} must be letters, digits, '_' or '-' (1-100)."
        )
    return collection
