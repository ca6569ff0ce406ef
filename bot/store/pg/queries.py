"""The call-log questions (`bot.store.calls`) in SQL over the typed `calls` table.

Each reads only the rows of its period through the time index (and open follow-ups through
their partial index), counts and groups in the database, and sends back figures and the few
rows shown, not the log. Notes are searched case-insensitively with lower(), which agrees
with Python's casefold() except for a few letters such as ß.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import psycopg
from psycopg import sql
from psycopg_pool import PoolTimeout

from bot.store.calls import HOT, AgentFigures, CallFigures, CallFilter, Doc, most_first
from bot.store.frozen import freeze_doc
from bot.store.interface import StoreUnavailable
from bot.store.pg.pool import DOWN, DOWN_WAIT, Connection, Database
from bot.store.pg.tables import TYPED
from bot.store.pg.url import one_line

CALLS = TYPED["calls"]
Where = tuple[sql.Composable, list[Any]]


def _matching(flt: CallFilter, *, since: str | None, until: str | None) -> Where:
    """Conditions for the filter's fields, with the period [since, until)."""
    parts: list[sql.Composable] = []
    params: list[Any] = []

    def add(condition: str, *values: Any) -> None:
        parts.append(sql.SQL(condition))
        params.extend(values)

    if since is not None:
        add("created_at >= %s::timestamptz", since)
    if until is not None:
        add("created_at < %s::timestamptz", until)
    for column, wanted in (
        ("category", flt.categories),
        ("outcome", flt.outcomes),
        ("agent", flt.agents),
    ):
        if wanted:
            parts.append(sql.SQL("{} = ANY(%s)").format(sql.Identifier(column)))
            params.append(sorted(wanted))
    low, high = flt.heat
    if (low, high) != (1, 5):
        add("heat BETWEEN %s AND %s", low, high)
    for text in flt.texts:
        add("strpos(lower(coalesce(notes, '')), lower(%s)) > 0", text)
    if not parts:
        parts.append(sql.SQL("TRUE"))
    return sql.SQL(" AND ").join(parts), params


def figures(
    conn: Connection, flt: CallFilter, previous_since: str, now: str, recent: int
) -> CallFigures:
    since = flt.since or previous_since
    both, both_params = _matching(flt, since=previous_since, until=flt.until)
    current, current_params = _matching(flt, since=since, until=flt.until)
    totals = conn.execute(
        sql.SQL(
            "SELECT count(*) FILTER (WHERE created_at >= %s::timestamptz), "
            "count(*) FILTER (WHERE created_at < %s::timestamptz), "
            "coalesce(sum(heat) FILTER (WHERE created_at >= %s::timestamptz), 0), "
            "count(*) FILTER (WHERE created_at >= %s::timestamptz AND {open}), "
            "count(*) FILTER (WHERE created_at >= %s::timestamptz AND {open} "
            "AND follow_up_due < %s::timestamptz) "
            "FROM calls WHERE {both}"
        ).format(
            both=both, open=sql.SQL("follow_up_due IS NOT NULL AND follow_up_done_at IS NULL")
        ),
        [since, since, since, since, since, now, *both_params],
    ).fetchone()
    assert totals is not None
    categories: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    grouped = conn.execute(
        sql.SQL(
            "SELECT category, outcome, GROUPING(category), count(*) FROM calls WHERE {} "
            "GROUP BY GROUPING SETS ((category), (outcome))"
        ).format(current),
        current_params,
    ).fetchall()
    for category, outcome, by_outcome, number in grouped:
        if by_outcome:
            outcomes[str(outcome)] += int(number)
        else:
            categories[str(category)] += int(number)
    newest = conn.execute(
        sql.SQL("SELECT {} FROM calls WHERE {} ORDER BY created_at DESC, seq DESC LIMIT %s").format(
            CALLS.select_list(), current
        ),
        [*current_params, recent],
    ).fetchall()
    return CallFigures(
        count=int(totals[0]),
        previous=int(totals[1]),
        by_category=most_first(categories),
        by_outcome=most_first(outcomes),
        heat_total=int(totals[2]),
        open_follow_ups=int(totals[3]),
        overdue_follow_ups=int(totals[4]),
        recent=[(str(row[0]), freeze_doc(CALLS.from_row(row))) for row in newest],
    )


def agents(conn: Connection, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
    since = flt.since or previous_since
    period, period_params = _matching(flt, since=previous_since, until=flt.until)
    anytime, anytime_params = _matching(flt, since=None, until=None)
    rows = conn.execute(
        sql.SQL(
            "SELECT coalesce(agent, ''), "
            "count(*) FILTER (WHERE kind = 'p' AND created_at >= %s::timestamptz), "
            "count(*) FILTER (WHERE kind = 'p' AND created_at < %s::timestamptz), "
            "coalesce(sum(heat) FILTER (WHERE kind = 'p' AND created_at >= %s::timestamptz), 0), "
            "count(*) FILTER (WHERE kind = 'p' AND created_at >= %s::timestamptz AND heat >= %s), "
            "count(*) FILTER (WHERE kind = 'o') "
            "FROM (SELECT 'p' AS kind, agent, created_at, heat FROM calls WHERE {} "
            "UNION ALL SELECT 'o', agent, created_at, heat FROM calls WHERE {} "
            "AND follow_up_due IS NOT NULL AND follow_up_done_at IS NULL "
            "AND follow_up_due < %s::timestamptz) AS counted GROUP BY 1"
        ).format(period, anytime),
        [since, since, since, since, HOT, *period_params, *anytime_params, now],
    ).fetchall()
    found = {
        agent: AgentFigures(agent, int(calls), int(previous), int(heat), int(hot), int(late))
        for agent, calls, previous, heat, hot, late in rows
    }
    current, current_params = _matching(flt, since=since, until=flt.until)
    for agent, outcome, number in conn.execute(
        sql.SQL(
            "SELECT coalesce(agent, ''), outcome, count(*) FROM calls WHERE {} GROUP BY 1, 2"
        ).format(current),
        current_params,
    ).fetchall():
        found[agent].outcomes[str(outcome)] += int(number)
    return list(found.values())


def stream(db: Database, flt: CallFilter) -> Iterator[tuple[str, Doc]]:
    """The matching calls, newest first, fetched in batches as the caller reads them."""
    where, params = _matching(flt, since=flt.since, until=flt.until)
    statement = sql.SQL("SELECT {} FROM calls WHERE {} ORDER BY created_at DESC, seq DESC").format(
        CALLS.select_list(), where
    )
    try:
        with (
            db.pool.connection(timeout=DOWN_WAIT if db.known_down else db.wait) as conn,
            conn.transaction(),
            conn.cursor(name="coach_export") as cursor,
        ):
            cursor.itersize = 500
            cursor.execute(statement, params)
            for row in cursor:
                yield str(row[0]), freeze_doc(CALLS.from_row(row))
    except (PoolTimeout, psycopg.OperationalError, psycopg.InterfaceError) as error:
        db.known_down = True
        raise StoreUnavailable(f"{DOWN}: {one_line(error, db.url.secrets())}") from None
