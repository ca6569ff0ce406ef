"""The store on PostgreSQL, for teams that run several instances of the bot.

Same interface as TinyStore. Documents are JSONB rows keyed by (collection, key); a claim is
an INSERT … ON CONFLICT DO NOTHING, so exactly-once posting holds across every instance that
shares the database, and read-modify-write runs under SELECT … FOR UPDATE.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from bot.store.frozen import freeze_doc, thaw
from bot.store.interface import Doc, Predicate, Query, Store, StoreFileError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS coach_documents (
    collection text NOT NULL,
    key text NOT NULL,
    seq bigserial,
    doc jsonb NOT NULL,
    PRIMARY KEY (collection, key)
);
CREATE INDEX IF NOT EXISTS coach_documents_order ON coach_documents (collection, seq);
"""


def _load(value: Any) -> Doc:
    # psycopg decodes each row afresh; frozen like TinyStore's, so no caller relies on changing it.
    return freeze_doc(value)


class PgStore(Store):
    def __init__(self, url: str) -> None:
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as error:
            raise StoreFileError(
                f"Cannot connect to the database in BOT_DATABASE_URL: {error}".strip()
            ) from None
        # One connection, used by one thread at a time: listeners run on a thread pool.
        self._lock = threading.RLock()
        with self._lock, self._conn.transaction():
            self._conn.execute(_SCHEMA)

    def get(self, collection: str, key: str) -> Doc | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT doc FROM coach_documents WHERE collection = %s AND key = %s",
                (collection, key),
            ).fetchone()
        return None if row is None else _load(row[0])

    def put(self, collection: str, key: str, doc: Doc) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT INTO coach_documents (collection, key, doc) VALUES (%s, %s, %s) "
                "ON CONFLICT (collection, key) DO UPDATE SET doc = EXCLUDED.doc",
                (collection, key, Jsonb(doc)),
            )

    def add(self, collection: str, doc: Doc) -> str:
        with self._lock:
            # The key is the row's own sequence number, taken once and used for both columns.
            row = self._conn.execute(
                "WITH n AS (SELECT nextval(pg_get_serial_sequence('coach_documents', 'seq')) id) "
                "INSERT INTO coach_documents (collection, key, seq, doc) "
                "SELECT %s, n.id::text, n.id, %s FROM n RETURNING key",
                (collection, Jsonb(doc)),
            ).fetchone()
        assert row is not None
        return str(row[0])

    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        with self._lock:
            cursor = self._conn.execute(
                "INSERT INTO coach_documents (collection, key, doc) VALUES (%s, %s, %s) "
                "ON CONFLICT (collection, key) DO NOTHING",
                (collection, key, Jsonb(doc)),
            )
            return cursor.rowcount == 1

    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        with self._lock, self._conn.transaction():
            row = self._conn.execute(
                "SELECT doc FROM coach_documents WHERE collection = %s AND key = %s FOR UPDATE",
                (collection, key),
            ).fetchone()
            if row is None:
                return None
            current = _load(row[0])
            changed = change(thaw(current))
            if changed is None:
                return current
            self._conn.execute(
                "UPDATE coach_documents SET doc = %s WHERE collection = %s AND key = %s",
                (Jsonb(changed), collection, key),
            )
            return _load(changed)

    def delete(self, collection: str, key: str) -> bool:
        with self._lock:
            cursor = self._conn.execute(
                "DELETE FROM coach_documents WHERE collection = %s AND key = %s", (collection, key)
            )
            return cursor.rowcount == 1

    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT key, doc FROM coach_documents WHERE collection = %s ORDER BY seq",
                (collection,),
            ).fetchall()
        return [(str(key), _load(doc)) for key, doc in rows if where is None or where(doc)]

    def delete_where(self, collection: str, where: Predicate) -> int:
        with self._lock, self._conn.transaction():
            doomed = [key for key, _doc in self.scan(collection, where)]
            if doomed:
                self._conn.execute(
                    "DELETE FROM coach_documents WHERE collection = %s AND key = ANY(%s)",
                    (collection, doomed),
                )
            return len(doomed)

    def find(self, collection: str, query: Query) -> list[tuple[str, Doc]]:
        # Text comparison in byte order ("C"), as TinyStore's index compares.
        value = sql.SQL('(doc->>{}) COLLATE "C"')
        field = value.format(sql.Literal(query.field))
        conditions = [sql.SQL("collection = %s"), sql.SQL("{} IS NOT NULL").format(field)]
        params: list[Any] = [collection]
        for bound, operator in (
            (query.low, ">="),
            (query.high, "<=" if query.include_high else "<"),
            (query.equals, "="),
        ):
            if bound is not None:
                conditions.append(sql.SQL("{} {} %s").format(field, sql.SQL(operator)))
                params.append(bound)
        direction = sql.SQL("DESC" if query.descending else "ASC")
        template = sql.SQL("SELECT key, doc FROM coach_documents WHERE {} ORDER BY {} {}, seq {}")
        statement: sql.Composed = template.format(
            sql.SQL(" AND ").join(conditions),
            sql.SQL("COALESCE({}, '')").format(value.format(sql.Literal(query.sort_field))),
            direction,
            direction,
        )
        if query.limit is not None and query.where is None:
            statement = sql.SQL("{} LIMIT {}").format(statement, sql.Literal(query.limit))
        with self._lock:
            rows = self._conn.execute(statement, params).fetchall()
        found = [(str(key), _load(doc)) for key, doc in rows]
        if query.where is not None:
            found = [(key, doc) for key, doc in found if query.where(doc)]
        return found if query.limit is None else found[: query.limit]

    def count(self, collection: str) -> int:
        with self._lock:
            row = self._conn.execute(
                "SELECT count(*) FROM coach_documents WHERE collection = %s", (collection,)
            ).fetchone()
        return int(row[0]) if row else 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()
