"""`Store.find` as one SQL statement, on a typed column (and its index) where there is one.

The answer must equal TinyStore's, which compares fields as text. Text and whole-number
columns compare as text in byte order ("C"). A time column compares as time, which orders
exactly as the text does for UTC ISO text (the only text a time column holds, see
`bot.store.pg.tables`); a bound in any other form is answered by scanning instead (None).
"""

from __future__ import annotations

from typing import Any

from psycopg import sql

from bot.store.interface import Query
from bot.store.pg.tables import Table, utc_time

Statement = tuple[sql.Composed, list[Any]]


def _text_of(table: Table, field: str) -> sql.Composable:
    """The field as the text TinyStore would compare, for fields without a time column."""
    in_json = sql.SQL("({}->>{})").format(sql.Identifier(table.json_column), sql.Literal(field))
    kind = table.kind_of(field)
    if kind is None:
        return sql.SQL('{} COLLATE "C"').format(in_json)
    column = sql.Identifier(field)
    typed = {
        "text": column,
        "int": sql.SQL("{}::text").format(column),
        "bool": sql.SQL("CASE WHEN {} THEN 'True' ELSE 'False' END").format(column),
    }[kind]
    return sql.SQL('COALESCE({}, {}) COLLATE "C"').format(typed, in_json)


def find_statement(table: Table, collection: str, query: Query) -> Statement | None:
    bounds = [
        (query.low, ">="),
        (query.high, "<=" if query.include_high else "<"),
        (query.equals, "="),
    ]
    conditions: list[sql.Composable] = []
    params: list[Any] = []
    if table.scoped:
        conditions.append(sql.SQL("collection = %s"))
        params.append(collection)
    if table.kind_of(query.field) == "time":
        column = sql.Identifier(query.field)
        in_json = sql.SQL('({}->>{}) COLLATE "C"').format(
            sql.Identifier(table.json_column), sql.Literal(query.field)
        )
        typed: list[sql.Composable] = [sql.SQL("{} IS NOT NULL").format(column)]
        loose: list[sql.Composable] = [
            sql.SQL("{} IS NULL AND {} IS NOT NULL").format(column, in_json)
        ]
        for bound, operator in bounds:
            if bound is None:
                continue
            when = utc_time(bound)
            if when is None:
                return None
            typed.append(sql.SQL("{} {} %s").format(column, sql.SQL(operator)))
            loose.append(sql.SQL("{} {} %s").format(in_json, sql.SQL(operator)))
        conditions.append(_either(typed, loose))
        params += _bound_params(bounds)
    else:
        value = _text_of(table, query.field)
        conditions.append(sql.SQL("{} IS NOT NULL").format(value))
        for bound, operator in bounds:
            if bound is not None:
                conditions.append(sql.SQL("{} {} %s").format(value, sql.SQL(operator)))
                params.append(bound)
    statement = sql.SQL("SELECT {} FROM {} WHERE {} ORDER BY {}").format(
        table.select_list(),
        table.ident,
        sql.SQL(" AND ").join(conditions),
        _order(table, query),
    )
    if query.limit is not None and query.where is None:
        statement = sql.SQL("{} LIMIT {}").format(statement, sql.Literal(query.limit))
    return statement, params


def _bound_params(bounds: list[tuple[str | None, str]]) -> list[Any]:
    """Each bound twice: as a time for the column, as text for a field kept in `extra`."""
    present = [bound for bound, _operator in bounds if bound is not None]
    return [*(utc_time(bound) for bound in present), *present]


def _either(typed: list[sql.Composable], loose: list[sql.Composable]) -> sql.Composed:
    return sql.SQL("(({}) OR ({}))").format(
        sql.SQL(" AND ").join(typed), sql.SQL(" AND ").join(loose)
    )


def _order(table: Table, query: Query) -> sql.Composed:
    field = query.sort_field
    direction = "DESC" if query.descending else "ASC"
    if table.kind_of(field) == "time":
        nulls = "LAST" if query.descending else "FIRST"
        return sql.SQL("{} {} NULLS {}, seq {}").format(
            sql.Identifier(field), sql.SQL(direction), sql.SQL(nulls), sql.SQL(direction)
        )
    return sql.SQL("COALESCE({}, '') {}, seq {}").format(
        _text_of(table, field), sql.SQL(direction), sql.SQL(direction)
    )
