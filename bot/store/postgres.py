"""The store on PostgreSQL, for teams that run several instances of the bot.

Same interface as TinyStore. The call log, the managers' audit, tip schedules and post claims
live in typed tables (bot/store/pg/migrations); every other collection as JSONB rows keyed by
(collection, key). A claim is an INSERT … ON CONFLICT DO NOTHING, so exactly-once posting
holds across every instance that shares the database; read-modify-write runs under
SELECT … FOR UPDATE. Connections come from a pool that reconnects after a database restart
(`bot.store.pg.pool`); the report queries run as SQL (`bot.store.pg.queries`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from psycopg import sql

from bot.store.calls import AgentFigures, CallFigures, CallFilter
from bot.store.frozen import freeze_doc, thaw
from bot.store.interface import Doc, Predicate, Query, Store, answer_by_scan
from bot.store.pg import queries
from bot.store.pg.finding import find_statement
from bot.store.pg.migrate import migrate
from bot.store.pg.pool import Connection, Database
from bot.store.pg.tables import Table, table_for
from bot.store.pg.url import parse_url

Row = tuple[Any, ...]


def _scope(table: Table, collection: str) -> tuple[sql.Composable, list[Any]]:
    if table.scoped:
        return sql.SQL("collection = %s"), [collection]
    return sql.SQL("TRUE"), []


class PgStore(Store):
    def __init__(self, url: str, *, pool_size: int = 4) -> None:
        self.db = Database(parse_url(url), size=pool_size)
        self.db.open()
        self.db.run(migrate, idempotent=True)

    # --- reading ---------------------------------------------------------------------------

    def _select(self, table: Table, collection: str, where: str = "", *args: Any) -> sql.Composed:
        scope, _ = _scope(table, collection)
        extra = sql.SQL(" AND " + where) if where else sql.SQL("")
        return sql.SQL("SELECT {} FROM {} WHERE {}{}").format(
            table.select_list(), table.ident, scope, extra
        )

    def _rows(self, statement: sql.Composed, params: list[Any]) -> list[Row]:
        def read(conn: Connection) -> list[Row]:
            return conn.execute(statement, params).fetchall()

        return self.db.run(read, idempotent=True)

    def get(self, collection: str, key: str) -> Doc | None:
        table = table_for(collection)
        _, params = _scope(table, collection)
        rows = self._rows(self._select(table, collection, "key = %s"), [*params, key])
        return freeze_doc(table.from_row(rows[0])) if rows else None

    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        table = table_for(collection)
        _, params = _scope(table, collection)
        statement = sql.SQL("{} ORDER BY seq").format(self._select(table, collection))
        docs = [
            (str(row[0]), freeze_doc(table.from_row(row))) for row in self._rows(statement, params)
        ]
        return [(key, doc) for key, doc in docs if where is None or where(doc)]

    def find(self, collection: str, query: Query) -> list[tuple[str, Doc]]:
        table = table_for(collection)
        built = find_statement(table, collection, query)
        if built is None:  # bounds a column cannot compare exactly: answer as TinyStore does
            return answer_by_scan(self.scan(collection), query)
        statement, params = built
        found = [
            (str(row[0]), freeze_doc(table.from_row(row))) for row in self._rows(statement, params)
        ]
        if query.where is not None:
            found = [(key, doc) for key, doc in found if query.where(doc)]
        return found if query.limit is None else found[: query.limit]

    def count(self, collection: str) -> int:
        table = table_for(collection)
        scope, params = _scope(table, collection)
        statement = sql.SQL("SELECT count(*) FROM {} WHERE {}").format(table.ident, scope)
        return int(self._rows(statement, params)[0][0])

    # --- writing ---------------------------------------------------------------------------

    def _insert(self, table: Table, *, replace: bool) -> sql.Composed:
        names = [*(("collection",) if table.scoped else ()), "key"]
        names += [name for name, _kind in table.columns] + [table.json_column]
        action: sql.Composable = sql.SQL("DO NOTHING")
        if replace:
            action = sql.SQL("DO UPDATE SET {}").format(
                sql.SQL(", ").join(
                    sql.SQL("{0} = EXCLUDED.{0}").format(sql.Identifier(name))
                    for name in names[len(names) - len(table.columns) - 1 :]
                )
            )
        return sql.SQL("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT ({}) {}").format(
            table.ident,
            sql.SQL(", ").join(sql.Identifier(name) for name in names),
            sql.SQL(", ").join(sql.Placeholder() * len(names)),
            sql.SQL("collection, key" if table.scoped else "key"),
            action,
        )

    def _values(self, table: Table, collection: str, key: str, doc: Doc) -> list[Any]:
        return [*([collection] if table.scoped else []), key, *table.to_row(doc)]

    def put(self, collection: str, key: str, doc: Doc) -> None:
        table = table_for(collection)
        statement = self._insert(table, replace=True)
        values = self._values(table, collection, key, doc)
        # Replacing with the same document twice is the same as once: safe to retry.
        self.db.run(lambda conn: conn.execute(statement, values), idempotent=True)

    def _add_statement(self, table: Table) -> sql.Composed:
        names = [*(("collection",) if table.scoped else ()), "key", "seq"]
        names += [name for name, _kind in table.columns] + [table.json_column]
        return sql.SQL(
            "WITH n AS (SELECT nextval({}) AS id) "
            "INSERT INTO {} ({}) SELECT {} n.id::text, n.id, {} FROM n RETURNING key"
        ).format(
            sql.Literal(table.sequence),
            table.ident,
            sql.SQL(", ").join(sql.Identifier(name) for name in names),
            sql.SQL("%s," if table.scoped else ""),
            sql.SQL(", ").join(sql.Placeholder() * (len(table.columns) + 1)),
        )

    def add(self, collection: str, doc: Doc) -> str:
        table = table_for(collection)
        statement = self._add_statement(table)
        scope = [collection] if table.scoped else []

        def insert(conn: Connection) -> str:
            row = conn.execute(statement, [*scope, *table.to_row(doc)]).fetchone()
            assert row is not None
            return str(row[0])

        return self.db.run(insert, idempotent=False)

    def add_many(self, collection: str, docs: list[Doc]) -> list[str]:
        table = table_for(collection)
        statement = self._add_statement(table)
        scope = [collection] if table.scoped else []
        rows = [[*scope, *table.to_row(doc)] for doc in docs]

        def insert_all(conn: Connection) -> list[str]:
            keys: list[str] = []
            with conn.transaction(), conn.cursor() as cursor:
                cursor.executemany(statement, rows, returning=True)
                while True:
                    found = cursor.fetchone()
                    if found is not None:
                        keys.append(str(found[0]))
                    if not cursor.nextset():
                        break
            return keys

        return self.db.run(insert_all, idempotent=False) if rows else []

    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        table = table_for(collection)
        statement = self._insert(table, replace=False)
        values = self._values(table, collection, key, doc)
        return self.db.run(
            lambda conn: conn.execute(statement, values).rowcount == 1, idempotent=False
        )

    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        table = table_for(collection)
        _, scope = _scope(table, collection)
        select = sql.SQL("{} FOR UPDATE").format(self._select(table, collection, "key = %s"))
        replace = self._insert(table, replace=True)

        def read_change_write(conn: Connection) -> Doc | None:
            with conn.transaction():
                row = conn.execute(select, [*scope, key]).fetchone()
                if row is None:
                    return None
                current = freeze_doc(table.from_row(row))
                changed = change(thaw(current))
                if changed is None:
                    return current
                conn.execute(replace, self._values(table, collection, key, changed))
                return freeze_doc(changed)

        return self.db.run(read_change_write, idempotent=False)

    def delete(self, collection: str, key: str) -> bool:
        table = table_for(collection)
        scope, params = _scope(table, collection)
        statement = sql.SQL("DELETE FROM {} WHERE {} AND key = %s").format(table.ident, scope)
        return self.db.run(
            lambda conn: conn.execute(statement, [*params, key]).rowcount == 1, idempotent=False
        )

    def delete_where(self, collection: str, where: Predicate) -> int:
        return self._delete_keys(collection, [key for key, _doc in self.scan(collection, where)])

    def delete_found(self, collection: str, query: Query) -> int:
        # The query runs in SQL (bot.store.pg.finding): only the rows it finds are read.
        return self._delete_keys(collection, [key for key, _doc in self.find(collection, query)])

    def _delete_keys(self, collection: str, doomed: list[str]) -> int:
        if not doomed:
            return 0
        table = table_for(collection)
        scope, params = _scope(table, collection)
        statement = sql.SQL("DELETE FROM {} WHERE {} AND key = ANY(%s)").format(table.ident, scope)
        return self.db.run(
            lambda conn: conn.execute(statement, [*params, doomed]).rowcount, idempotent=False
        )

    # --- the call log's questions, in SQL ---------------------------------------------------

    def call_figures(
        self, flt: CallFilter, previous_since: str, now: str, recent: int
    ) -> CallFigures:
        return self.db.run(
            lambda conn: queries.figures(conn, flt, previous_since, now, recent), idempotent=True
        )

    def call_rows(self, flt: CallFilter) -> Iterator[tuple[str, Doc]]:
        return queries.stream(self.db, flt)

    def call_agents(self, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
        return self.db.run(
            lambda conn: queries.agents(conn, flt, previous_since, now), idempotent=True
        )

    def ping(self) -> None:
        self.db.ping()

    def close(self) -> None:
        self.db.close()
