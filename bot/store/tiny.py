"""The embedded store: TinyDB files in one folder, one per collection, and one per month for
the collections that grow forever (see `bot.store.layout`).

A write rewrites only its own file (atomically: temporary file, fsync, rename), so logging a
call costs this month's calls, not the whole history. Indexes live in memory, rebuilt on
load. Documents are frozen in memory and handed out without copying. One process owns the
store at a time (see `bot.store.folder`); within it, each collection has its own lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from bot.store import callindex
from bot.store.calls import CALLS, AgentFigures, CallFigures, CallFilter
from bot.store.collection import Collection
from bot.store.folder import open_folder
from bot.store.interface import Doc, Predicate, Query, Store
from bot.store.layout import STANDARD_LAYOUT, UNPARTITIONED, Layout, file_name


class TinyStore(Store):
    def __init__(self, path: Path, layout: Layout = STANDARD_LAYOUT) -> None:
        self.path = path
        self.layout = layout
        self._opened = open_folder(path, layout)
        self.folder = self._opened.folder
        self._lock = threading.Lock()  # guards the collections map only
        self._collections: dict[str, Collection] = {}
        try:
            for name in self._names_on_disk():
                self._collection(name)
        except BaseException:
            self._opened.close()  # a store we refuse to open must not stay locked
            raise

    def _names_on_disk(self) -> list[str]:
        names = {entry.stem for entry in self.folder.glob("*.json")}
        names |= {entry.name for entry in self.folder.iterdir() if entry.is_dir()}
        return sorted(name for name in names if not name.startswith("."))

    def _collection(self, name: str) -> Collection:
        found = self._collections.get(name)
        if found is None:
            file_name(name)  # refuse a name that cannot be a file before anything is written
            with self._lock:
                found = self._collections.get(name)
                if found is None:
                    layout = self.layout.get(name, UNPARTITIONED)
                    found = Collection(self.folder, name, layout)
                    self._collections[name] = found
        return found

    def get(self, collection: str, key: str) -> Doc | None:
        coll = self._collection(collection)
        with coll.lock:
            return coll.get(key)

    def put(self, collection: str, key: str, doc: Doc) -> None:
        coll = self._collection(collection)
        with coll.lock:
            coll.put(key, doc)

    def add(self, collection: str, doc: Doc) -> str:
        coll = self._collection(collection)
        with coll.lock:
            return coll.add(doc)

    def add_many(self, collection: str, docs: list[Doc]) -> list[str]:
        coll = self._collection(collection)
        with coll.lock:
            return coll.add_many(docs)

    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        coll = self._collection(collection)
        with coll.lock:
            if key in coll.index.entries:
                return False
            coll.put(key, doc)
            return True

    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        coll = self._collection(collection)
        with coll.lock:
            return coll.update(key, change)

    def delete(self, collection: str, key: str) -> bool:
        coll = self._collection(collection)
        with coll.lock:
            return coll.delete(key)

    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        coll = self._collection(collection)
        with coll.lock:
            return coll.scan(where)

    def delete_where(self, collection: str, where: Predicate) -> int:
        coll = self._collection(collection)
        with coll.lock:
            return coll.delete_where(where)

    def delete_found(self, collection: str, query: Query) -> int:
        coll = self._collection(collection)
        with coll.lock:
            return coll.delete_found(query)

    def count(self, collection: str) -> int:
        coll = self._collection(collection)
        with coll.lock:
            return len(coll.index.entries)

    def find(self, collection: str, query: Query) -> list[tuple[str, Doc]]:
        coll = self._collection(collection)
        with coll.lock:
            return coll.find(query)

    # The call log's questions, from the index where it can answer them (bot.store.callindex).

    def call_figures(
        self, flt: CallFilter, previous_since: str, now: str, recent: int
    ) -> CallFigures:
        coll = self._collection(CALLS)
        with coll.lock:
            if callindex.can_answer(coll.index, flt):
                return callindex.figures(coll, flt, previous_since, now, recent)
        return super().call_figures(flt, previous_since, now, recent)

    def call_agents(self, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
        coll = self._collection(CALLS)
        with coll.lock:
            if callindex.can_answer(coll.index, flt):
                return callindex.agents(coll, flt, previous_since, now)
        return super().call_agents(flt, previous_since, now)

    def close(self) -> None:
        with self._lock:
            self._opened.close()
