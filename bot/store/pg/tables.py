"""Which collections have typed tables, and how a document maps onto a row and back.

A field goes into its column only when the column gives it back exactly (a time only when it
is written as UTC ISO text, as the bot writes every time); anything else, nulls and fields
without a column included, stays in `extra`. So `get` returns what `put` was given, and the
queries can use the columns and their indexes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from psycopg import sql
from psycopg.types.json import Jsonb

Kind = Literal["text", "time", "int", "bool"]
Doc = dict[str, Any]
GENERIC = "coach_documents"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, Kind], ...]  # typed columns, in order
    scoped: bool = False  # the generic table: rows carry their collection's name
    json_column: str = "extra"

    @property
    def sequence(self) -> str:
        """Numbers `add` keys and the insertion order."""
        return "coach_documents_seq_seq" if self.scoped else f"{self.name}_seq"

    @property
    def ident(self) -> sql.Identifier:
        return sql.Identifier(self.name)

    def kind_of(self, field: str) -> Kind | None:
        return dict(self.columns).get(field)

    def select_list(self) -> sql.Composable:
        names = ["key", *(name for name, _kind in self.columns), self.json_column]
        return sql.SQL(", ").join(sql.Identifier(name) for name in names)

    def to_row(self, doc: Doc) -> list[Any]:
        """Column values (in order) then the JSON of the rest."""
        rest = dict(doc)
        values: list[Any] = []
        for name, kind in self.columns:
            typed = _typed(rest.get(name), kind) if name in rest else None
            if typed is not None:
                del rest[name]
            values.append(typed)
        return [*values, Jsonb(rest)]

    def from_row(self, row: tuple[Any, ...]) -> Doc:
        """A row read with `select_list` (key first) back into its document."""
        doc: Doc = {}
        for (name, kind), value in zip(self.columns, row[1:-1], strict=True):
            if value is not None:
                doc[name] = value.astimezone(UTC).isoformat() if kind == "time" else value
        doc.update(row[-1])
        return doc


def _typed(value: Any, kind: Kind) -> Any:
    if kind == "text":
        return value if isinstance(value, str) and "\x00" not in value else None
    if kind == "bool":
        return value if isinstance(value, bool) else None
    if kind == "int":
        fits = isinstance(value, int) and not isinstance(value, bool)
        return value if fits and -(2**31) <= value < 2**31 else None
    return utc_time(value)


def utc_time(value: Any) -> datetime | None:
    """The instant `value` names when it is UTC ISO text exactly as the bot writes it."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None or when.astimezone(UTC).isoformat() != value:
        return None
    return when


TYPED: dict[str, Table] = {
    "calls": Table(
        "calls",
        (
            ("created_at", "time"),
            ("agent", "text"),
            ("team", "text"),
            ("contact", "text"),
            ("category", "text"),
            ("outcome", "text"),
            ("heat", "int"),
            ("follow_up_due", "time"),
            ("follow_up_done_at", "time"),
            ("updated_at", "time"),
            ("reference", "text"),
            ("notes", "text"),
            ("masked", "bool"),
        ),
    ),
    "report_audit": Table(
        "report_audit",
        (
            ("at", "time"),
            ("user", "text"),
            ("command", "text"),
            ("filter", "text"),
            ("text", "text"),
            ("matched", "int"),
        ),
    ),
    "tip_schedules": Table(
        "tip_schedules",
        (
            ("channel", "text"),
            ("at", "text"),
            ("zone", "text"),
            ("set_by", "text"),
            ("since", "time"),
            ("paused", "text"),
        ),
    ),
    "post_claims": Table(
        "post_claims", (("kind", "text"), ("target", "text"), ("claimed_at", "time"))
    ),
}
DOCUMENTS = Table(GENERIC, (), scoped=True, json_column="doc")


def table_for(collection: str) -> Table:
    return TYPED.get(collection, DOCUMENTS)
