"""The store as it was before partitioning, kept only as the benchmarks' baseline: TinyDB on
one JSON file, every write rewriting the whole file, every read deep-copying its documents,
no indexes (so `find` is the interface's plain scan)."""

from __future__ import annotations

import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.table import Document

from bot.store import Doc, Predicate, Store
from bot.store.atomic import AtomicJSONStorage

_KEY = "_key"


def _copy(doc: Doc) -> Doc:
    copied: Doc = orjson.loads(orjson.dumps(doc))
    return copied


class SingleFileStore(Store):
    def __init__(self, path: Path) -> None:
        self._db = TinyDB(path, storage=AtomicJSONStorage)
        self._lock = threading.RLock()
        self._index: dict[str, dict[str, int]] = {}
        self._last_ids: dict[str, int] = {}

    def _keys(self, collection: str) -> dict[str, int]:
        index = self._index.get(collection)
        if index is None:
            table = self._db.table(collection, cache_size=0)
            index = {str(doc[_KEY]): doc.doc_id for doc in table.all()}
            self._index[collection] = index
        return index

    def _raw(self, collection: str) -> dict[str, Doc]:
        tables = self._db.storage.read() or {}
        found: dict[str, Doc] = tables.get(collection, {})
        return found

    def _next_id(self, collection: str) -> int:
        last = self._last_ids.get(collection)
        doc_id = (max(self._keys(collection).values(), default=0) if last is None else last) + 1
        self._last_ids[collection] = doc_id
        return doc_id

    def get(self, collection: str, key: str) -> Doc | None:
        with self._lock:
            doc_id = self._keys(collection).get(key)
            doc = None if doc_id is None else self._raw(collection).get(str(doc_id))
            return None if doc is None else _strip(_copy(doc))

    def put(self, collection: str, key: str, doc: Doc) -> None:
        stored = {**_copy(doc), _KEY: key}
        with self._lock:
            table, index = self._db.table(collection, cache_size=0), self._keys(collection)
            doc_id = index.get(key)
            if doc_id is None:
                doc_id = self._next_id(collection)
                table.insert(Document(stored, doc_id=doc_id))
                index[key] = doc_id
            else:
                table.update(_replace_with(stored), doc_ids=[doc_id])

    def add(self, collection: str, doc: Doc) -> str:
        with self._lock:
            table, index = self._db.table(collection, cache_size=0), self._keys(collection)
            doc_id = self._next_id(collection)
            table.insert(Document({**_copy(doc), _KEY: str(doc_id)}, doc_id=doc_id))
            index[str(doc_id)] = doc_id
            return str(doc_id)

    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        with self._lock:
            if key in self._keys(collection):
                return False
            self.put(collection, key, doc)
            return True

    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        with self._lock:
            current = self.get(collection, key)
            if current is None:
                return None
            changed = change(current)
            if changed is None:
                return current
            self.put(collection, key, changed)
            return _copy(changed)

    def delete(self, collection: str, key: str) -> bool:
        with self._lock:
            doc_id = self._keys(collection).pop(key, None)
            if doc_id is not None:
                self._db.table(collection, cache_size=0).remove(doc_ids=[doc_id])
            return doc_id is not None

    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        with self._lock:
            self._keys(collection)
            return [
                (str(doc[_KEY]), _strip(_copy(doc)))
                for doc in self._raw(collection).values()
                if where is None or where(doc)
            ]

    def delete_where(self, collection: str, where: Predicate) -> int:
        with self._lock:
            doomed = [key for key, _doc in self.scan(collection, where)]
            for key in doomed:
                self.delete(collection, key)
            return len(doomed)

    def count(self, collection: str) -> int:
        with self._lock:
            return len(self._keys(collection))


def _replace_with(new: Doc) -> Callable[[MutableMapping[str, Any]], None]:
    def replace(doc: MutableMapping[str, Any]) -> None:
        doc.clear()
        doc.update(new)

    return replace


def _strip(doc: Doc) -> Doc:
    doc.pop(_KEY, None)
    return doc
