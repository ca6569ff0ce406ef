"""Versioned schema changes, applied at start by whichever instance gets there first.

Each `migrations/NNNN_name.sql` runs once, in order, in its own transaction, and is recorded
in `coach_schema`. Every instance takes one session-level advisory lock first, so instances
started together queue for it: the first applies what is missing, the rest find nothing to
do. (Without it, two `CREATE TABLE IF NOT EXISTS` race and one fails with UniqueViolation.)
"""

from __future__ import annotations

import logging
from importlib import resources

import psycopg
from psycopg import sql

from bot.store.pg.tables import DOCUMENTS, TYPED

log = logging.getLogger(__name__)

# Any fixed number, the same in every instance: "coach" in ASCII.
LOCK_ID = 0x636F616368
_LEDGER = """
CREATE TABLE IF NOT EXISTS coach_schema (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)
"""


def available() -> list[tuple[int, str, str]]:
    """(version, name, SQL) of every migration shipped, in order."""
    folder = resources.files("bot.store.pg") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append((int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: psycopg.Connection[tuple[object, ...]]) -> list[int]:
    """Apply the missing migrations; return the versions applied by this call."""
    applied: list[int] = []
    conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_ID,))
    try:
        with conn.transaction():
            conn.execute(_LEDGER)
        done = {row[0] for row in conn.execute("SELECT version FROM coach_schema").fetchall()}
        for version, name, text in available():
            if version in done:
                continue
            with conn.transaction():
                conn.execute(text.encode("utf-8"))
                if version == 2:
                    _move_typed_collections(conn)
                conn.execute(
                    "INSERT INTO coach_schema (version, name) VALUES (%s, %s)", (version, name)
                )
            log.info("Database schema: applied migration %04d %s", version, name)
            applied.append(version)
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_ID,))
    return applied


def _move_typed_collections(conn: psycopg.Connection[tuple[object, ...]]) -> None:
    """Documents written before the typed tables existed move into them, keys and order kept."""
    for collection, table in TYPED.items():
        rows = conn.execute(
            "SELECT key, seq, doc FROM coach_documents WHERE collection = %s ORDER BY seq",
            (collection,),
        ).fetchall()
        if not rows:
            continue
        names = ["key", "seq", *(name for name, _kind in table.columns), table.json_column]
        insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
            table.ident,
            sql.SQL(", ").join(sql.Identifier(name) for name in names),
            sql.SQL(", ").join(sql.Placeholder() * len(names)),
        )
        with conn.cursor() as cursor:
            cursor.executemany(
                insert,
                [(key, seq, *table.to_row(dict(doc))) for key, seq, doc in rows],  # type: ignore[call-overload]
            )
        conn.execute(
            sql.SQL("DELETE FROM {} WHERE collection = %s").format(DOCUMENTS.ident), (collection,)
        )
        conn.execute(
            sql.SQL("SELECT setval({}, (SELECT max(seq) FROM {}))").format(
                sql.Literal(table.sequence), table.ident
            )
        )
        log.info("Database schema: moved %d %s into their typed table", len(rows), collection)
