"""PostgreSQL only: versioned migrations under an advisory lock, typed rows that give back
what was stored, and instances that start together on a fresh database."""

from __future__ import annotations

import subprocess
import sys

import psycopg
import pytest

from bot.store.pg.migrate import available
from bot.store.postgres import PgStore

START = "from bot.store.postgres import PgStore; PgStore({url!r}).close()"


def test_twelve_instances_started_together_on_a_fresh_database_all_start(
    postgres_database: str,
) -> None:
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", START.format(url=postgres_database)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for _ in range(12)
    ]
    outputs = [
        (start.wait(timeout=120), start.stdout.read() if start.stdout else b"") for start in starts
    ]
    assert [code for code, _ in outputs] == [0] * 12, [out for _, out in outputs]
    with psycopg.connect(postgres_database) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM coach_schema ORDER BY 1")]
    assert versions == [version for version, _name, _sql in available()]


def test_documents_in_typed_tables_come_back_exactly_as_stored(postgres_database: str) -> None:
    store = PgStore(postgres_database)
    try:
        odd = {
            "created_at": "2026-05-01T10:00:00-05:00",  # not UTC text: kept as written
            "agent": "U1",
            "heat": "hot",  # not a number: kept as written
            "reference": None,
            "steps": ["g:1"],
            "new_field": {"nested": [1, 2]},
        }
        key = store.add("calls", odd)
        assert store.get("calls", key) == odd
        plain = {"created_at": "2026-05-01T10:00:00.250000+00:00", "heat": 3, "masked": True}
        store.put("calls", "x", plain)
        assert store.get("calls", "x") == plain
        with psycopg.connect(postgres_database) as conn:
            row = conn.execute("SELECT heat, masked, extra FROM calls WHERE key = 'x'").fetchone()
        assert row == (3, True, {})  # typed columns, nothing left over
    finally:
        store.close()


def test_documents_written_before_the_typed_tables_move_into_them(postgres_database: str) -> None:
    with psycopg.connect(postgres_database, autocommit=True) as conn:
        conn.execute((available()[0][2]).encode())  # the old schema, as a deployment had it
        conn.execute(
            "INSERT INTO coach_documents (collection, key, seq, doc) VALUES "
            "('calls', '7', 7, '{\"agent\": \"U1\", \"heat\": 2}'), "
            "('tip_schedules', 'C1', 8, '{\"channel\": \"C1\"}'), ('other', 'k', 9, '{\"a\": 1}')"
        )
        conn.execute("SELECT setval('coach_documents_seq_seq', 9)")
    store = PgStore(postgres_database)
    try:
        assert store.get("calls", "7") == {"agent": "U1", "heat": 2}
        assert store.get("tip_schedules", "C1") == {"channel": "C1"}
        assert store.get("other", "k") == {"a": 1}
        assert int(store.add("calls", {"heat": 1})) > 7
    finally:
        store.close()


@pytest.mark.parametrize(
    ("url", "hidden"),
    [
        ("postgresql://coach:p@ss:w/rd@127.0.0.1:1/coach", "p@ss:w/rd"),
        ("postgresql://coach@127.0.0.1:1/coach?password=s3cr3t&sslmode=disable", "s3cr3t"),
        ("postgresql://coach:pa%40ss@127.0.0.1:1/coach", "pa@ss"),
    ],
)
def test_a_database_that_cannot_be_reached_says_so_without_the_password(
    url: str, hidden: str
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", START.format(url=url)], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert "Cannot connect to the database in BOT_DATABASE_URL" in last
    assert hidden not in result.stderr
    assert "pa%40ss" not in result.stderr
