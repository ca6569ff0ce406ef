"""The store: named collections of JSON documents, each under a string key.

`Store` is the only storage interface the rest of the bot sees; `TinyStore` (embedded, the
default) and `PgStore` (PostgreSQL, for several instances) implement it.
"""

from __future__ import annotations

from pathlib import Path

from bot.store.interface import Doc, Predicate, Query, Store, StoreFileError, StoreUnavailable
from bot.store.tiny import TinyStore

__all__ = [
    "Doc",
    "Predicate",
    "Query",
    "Store",
    "StoreFileError",
    "StoreUnavailable",
    "TinyStore",
    "open_store",
]


def open_store(path: Path, database_url: str | None = None, *, pool_size: int = 4) -> Store:
    """The embedded store at `path` by default; PostgreSQL when a database URL is configured.
    Fails with a clear StoreFileError when the files or the database cannot be used."""
    if database_url:
        from bot.store.postgres import PgStore  # only deployments that use it need psycopg

        return PgStore(database_url, pool_size=pool_size)
    return TinyStore(path)
