"""The store: named collections of JSON documents, each under a string key.

`Store` is the only storage interface the rest of the bot sees. `TinyStore` implements it on
TinyDB with `AtomicJSONStorage`; another backend (PostgreSQL for several instances) only has
to implement the same methods.

Every call is serialised under one lock because Bolt runs listeners on a thread pool, and
every change is written to disk before the call returns.
"""

from __future__ import annotations

import fcntl
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import orjson
from tinydb import TinyDB
from tinydb.table import Document, Table

from bot.atomic_storage import AtomicJSONStorage, StoreFileError

Doc = dict[str, Any]
Predicate = Callable[[Doc], bool]

__all__ = ["Doc", "Store", "StoreFileError", "TinyStore", "open_store"]

_KEY = "_key"


class Store(ABC):
    @abstractmethod
    def get(self, collection: str, key: str) -> Doc | None:
        """The document under `key`, or None."""

    @abstractmethod
    def put(self, collection: str, key: str, doc: Doc) -> None:
        """Insert or replace the document under `key`."""

    @abstractmethod
    def add(self, collection: str, doc: Doc) -> str:
        """Insert under a new key (a growing number, as text) and return the key."""

    @abstractmethod
    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        """Insert only if `key` is free. True if this call took it: the basis of exactly-once."""

    @abstractmethod
    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        """Read, change and write one document atomically. `change` gets a private copy and
        returns the new document, or None to leave it as it was. Returns the stored result,
        or None when there is no such document."""

    @abstractmethod
    def delete(self, collection: str, key: str) -> bool:
        """Remove the document; True if it existed."""

    @abstractmethod
    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        """(key, document) pairs, in insertion order, optionally filtered. Documents are copies."""

    @abstractmethod
    def delete_where(self, collection: str, where: Predicate) -> int:
        """Remove every matching document; return how many."""

    @abstractmethod
    def count(self, collection: str) -> int:
        """How many documents the collection holds."""

    def close(self) -> None:  # noqa: B027 - optional for backends without resources
        """Release files or connections."""


def _copy(doc: Doc) -> Doc:
    # A deep copy, so callers can never change stored state behind the store's back.
    copied: Doc = orjson.loads(orjson.dumps(doc))
    return copied


class TinyStore(Store):
    """TinyDB on one JSON file, written atomically. One process owns the file at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_file = _lock_exclusively(path)
        try:
            self._db = TinyDB(path, storage=AtomicJSONStorage)
        except BaseException:
            self._lock_file.close()  # a file we refuse to open must not stay locked
            raise
        self._lock = threading.RLock()
        # key -> TinyDB doc_id for each collection, so lookups by key never scan.
        self._index: dict[str, dict[str, int]] = {}
        self._last_ids: dict[str, int] = {}

    @contextmanager
    def _table(self, collection: str) -> Iterator[tuple[Table, dict[str, int]]]:
        with self._lock:
            table = self._db.table(collection, cache_size=0)
            index = self._index.get(collection)
            if index is None:
                index = {str(doc[_KEY]): doc.doc_id for doc in table.all()}
                self._index[collection] = index
            yield table, index

    def _next_id(self, collection: str, index: dict[str, int]) -> int:
        # Ids are never reused within a run, even after the newest document is deleted.
        last = self._last_ids.get(collection)
        doc_id = (max(index.values(), default=0) if last is None else last) + 1
        self._last_ids[collection] = doc_id
        return doc_id

    def _raw_table(self, collection: str) -> dict[str, Doc]:
        # Read straight from the in-memory storage: TinyDB's own reads wrap every document.
        tables = self._db.storage.read() or {}
        return tables.get(collection, {})

    def _raw(self, collection: str, doc_id: int) -> Doc | None:
        return self._raw_table(collection).get(str(doc_id))

    def get(self, collection: str, key: str) -> Doc | None:
        with self._table(collection) as (_table, index):
            doc_id = index.get(key)
            doc = None if doc_id is None else self._raw(collection, doc_id)
            return None if doc is None else _strip(_copy(doc))

    def put(self, collection: str, key: str, doc: Doc) -> None:
        stored = {**_copy(doc), _KEY: key}
        with self._table(collection) as (table, index):
            doc_id = index.get(key)
            if doc_id is None:
                doc_id = self._next_id(collection, index)
                table.insert(Document(stored, doc_id=doc_id))
                index[key] = doc_id
            else:
                table.update(_replace_with(stored), doc_ids=[doc_id])

    def add(self, collection: str, doc: Doc) -> str:
        with self._table(collection) as (table, index):
            doc_id = self._next_id(collection, index)
            key = str(doc_id)
            table.insert(Document({**_copy(doc), _KEY: key}, doc_id=doc_id))
            index[key] = doc_id
            return key

    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        with self._table(collection) as (_table, index):
            if key in index:
                return False
            self.put(collection, key, doc)
            return True

    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        with self._table(collection) as (_table, index):
            doc_id = index.get(key)
            current = None if doc_id is None else self._raw(collection, doc_id)
            if current is None:
                return None
            changed = change(_strip(_copy(current)))
            if changed is None:
                return _strip(_copy(current))
            self.put(collection, key, changed)
            return _copy(changed)

    def delete(self, collection: str, key: str) -> bool:
        with self._table(collection) as (table, index):
            doc_id = index.pop(key, None)
            if doc_id is None:
                return False
            table.remove(doc_ids=[doc_id])
            return True

    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        with self._table(collection):
            found = []
            for doc in self._raw_table(collection).values():
                if where is None or where(doc):
                    found.append((str(doc[_KEY]), _strip(_copy(doc))))
            return found

    def delete_where(self, collection: str, where: Predicate) -> int:
        with self._table(collection) as (table, index):
            doomed = [key for key, doc in self.scan(collection, where)]
            if doomed:
                table.remove(doc_ids=[index.pop(key) for key in doomed])
            return len(doomed)

    def count(self, collection: str) -> int:
        with self._table(collection) as (_table, index):
            return len(index)

    def close(self) -> None:
        with self._lock:
            self._db.close()
            self._lock_file.close()


def _replace_with(new: Doc) -> Callable[[MutableMapping[str, Any]], None]:
    # TinyDB's update merges fields; a put must drop the ones the new document lacks.
    def replace(doc: MutableMapping[str, Any]) -> None:
        doc.clear()
        doc.update(new)

    return replace


def _strip(doc: Doc) -> Doc:
    doc.pop(_KEY, None)
    return doc


def _lock_exclusively(path: Path) -> IO[bytes]:
    # Two processes writing one file would each overwrite the other's changes.
    handle = open(path.with_name(path.name + ".lock"), "wb")  # noqa: SIM115 - held until close
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StoreFileError(
            f"Another Service Coach process is already using {path}. Stop it first, or set "
            "BOT_DB_PATH to another file. Several instances need a shared database server."
        ) from None
    return handle


def open_store(path: Path, database_url: str | None = None) -> Store:
    """The TinyDB file by default; PostgreSQL when a database URL is configured. Fails with a
    clear StoreFileError when the file or the database cannot be used."""
    if database_url:
        from bot.pg_store import PgStore  # only deployments that use it need psycopg

        return PgStore(database_url)
    return TinyStore(path)
