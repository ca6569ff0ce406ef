"""One collection of the embedded store: its files, its index, its lock.

Each collection has its own lock, so a write to the call log never waits for a tip claim.
The newest two months of a partitioned collection (and every unpartitioned collection) stay
in memory, so a 30-day window never opens a file; older months are read from disk when an
operation needs them and not kept after.
Memory and the index change only after the file write succeeded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from bot.store import snapshot
from bot.store.frozen import freeze_doc, thaw
from bot.store.index import CollectionIndex
from bot.store.interface import Doc, Predicate, Query, answer_by_scan
from bot.store.layout import UNDATED, CollectionLayout, file_name
from bot.store.partitions import PartitionFile, Table

RESIDENT_MONTHS = 2


class Collection:
    def __init__(self, folder: Path, name: str, layout: CollectionLayout) -> None:
        self.name = name
        self.layout = layout
        self.lock = threading.RLock()
        self.index = CollectionIndex(layout.indexes, layout.carries)
        self._single = folder / f"{file_name(name)}.json"
        self._months = folder / file_name(name)
        self._partitions: dict[str, PartitionFile] = {}
        self._hot: list[str] = []  # the months kept in memory, oldest first
        self._load()

    def _load(self) -> None:
        found = [""] if self._single.exists() else []
        if self._months.is_dir():
            found += sorted(p.stem for p in self._months.glob("*.json"))
        months = [name for name in found if name not in ("", UNDATED)]
        self._hot = months[-RESIDENT_MONTHS:]
        for partition in found:
            part = self._partition(partition)
            if part.resident or not (self.index.fields or self.index.carries):
                self.index.load(partition, part.read())
            else:
                self._load_cold(partition, part)
        self.index.finish_loading()

    def _load_cold(self, partition: str, part: PartitionFile) -> None:
        """Index a month not kept in memory: from its snapshot when it still describes the
        file on disk, else from the file (and the snapshot written for next time)."""
        layout = [list(self.index.fields), list(self.index.carries)]
        columns = snapshot.read(part.path, layout)
        if columns is not None:
            self.index.load_columns(partition, columns)
            return
        source = snapshot.fingerprint(part.path)
        columns = self.index.load(partition, part.read_for_index())
        snapshot.write(part.path, source, layout, columns)

    def _partition(self, partition: str) -> PartitionFile:
        part = self._partitions.get(partition)
        if part is None:
            if partition not in ("", UNDATED) and partition not in self._hot:
                self._hot = sorted([*self._hot, partition])
                if len(self._hot) > RESIDENT_MONTHS:
                    cold = self._hot.pop(0)
                    if cold in self._partitions:
                        self._partitions[cold].make_resident(False)
            path = self._single if not partition else self._months / f"{partition}.json"
            resident = not partition or partition in self._hot
            part = PartitionFile(path, self.name, resident=resident)
            self._partitions[partition] = part
        return part

    # Reads ---------------------------------------------------------------------------------

    def get(self, key: str) -> Doc | None:
        entry = self.index.entries.get(key)
        return None if entry is None else self._partition(entry.partition).get(entry.seq)

    def scan(self, where: Predicate | None) -> list[tuple[str, Doc]]:
        found: list[tuple[int, str, Doc]] = []
        for partition in list(self._partitions):
            for key, seq, doc in self._partition(partition).read():
                if where is None or where(doc):
                    found.append((seq, key, doc))
        if len(self._partitions) > 1:
            found.sort(key=lambda item: item[0])
        return [(key, doc) for _seq, key, doc in found]

    def find(self, query: Query) -> list[tuple[str, Doc]]:
        if not self.index.can_answer(query):
            return answer_by_scan(self.scan(None), query)
        loaded: dict[str, Table] = {}  # older months read for this query only
        found: list[tuple[str, Doc]] = []
        for key in self.index.matching_keys(query):
            if query.limit is not None and len(found) >= query.limit:
                break
            doc = self._doc(key, loaded)
            if doc is not None and (query.where is None or query.where(doc)):
                found.append((key, doc))
        return found

    def documents(self, keys: list[str]) -> list[tuple[str, Doc]]:
        """(key, document) for each key, in the order given (keys the index holds)."""
        loaded: dict[str, Table] = {}
        found = ((key, self._doc(key, loaded)) for key in keys)
        return [(key, doc) for key, doc in found if doc is not None]

    def _doc(self, key: str, loaded: dict[str, Table]) -> Doc | None:
        entry = self.index.entries[key]
        table = loaded.get(entry.partition)
        if table is None:
            table, _keys = self._partition(entry.partition).table()
            loaded[entry.partition] = table
        return table.get(str(entry.seq))

    # Writes --------------------------------------------------------------------------------

    def put(self, key: str, doc: Doc) -> Doc:
        frozen = freeze_doc(doc)  # a copy: the caller may go on changing its own dict
        partition = self.layout.partition_of(frozen)
        entry = self.index.entries.get(key)
        seq = self.index.next_seq() if entry is None else entry.seq
        self._partition(partition).write({seq: (key, frozen)})
        if entry is not None and entry.partition != partition:
            # Moved to another month: written there first, so a crash in between never
            # loses it (the next load keeps one of the two copies).
            self._partition(entry.partition).write({seq: None})
        self.index.set(key, partition, seq, frozen)
        return frozen

    def add(self, doc: Doc) -> str:
        seq = self.index.next_seq()
        while str(seq) in self.index.entries:  # a key someone chose by hand
            seq = self.index.next_seq()
        key = str(seq)
        frozen = freeze_doc(doc)
        partition = self.layout.partition_of(frozen)
        self._partition(partition).write({seq: (key, frozen)})
        self.index.set(key, partition, seq, frozen)
        return key

    def add_many(self, docs: list[Doc]) -> list[str]:
        """Add `docs` writing each partition file once (bulk loads: demo data, imports)."""
        grouped: dict[str, list[tuple[int, str, Doc]]] = {}
        keys: list[str] = []
        for doc in docs:
            seq = self.index.next_seq()
            while str(seq) in self.index.entries:
                seq = self.index.next_seq()
            frozen = freeze_doc(doc)
            partition = self.layout.partition_of(frozen)
            grouped.setdefault(partition, []).append((seq, str(seq), frozen))
            keys.append(str(seq))
        for partition, added in grouped.items():
            self._partition(partition).write({seq: (key, doc) for seq, key, doc in added})
            # Appended then sorted once: inserting each one in order would cost O(n) apiece.
            self.index.load(partition, ((key, seq, doc) for seq, key, doc in added))
        self.index.finish_loading()
        return keys

    def update(self, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        current = self.get(key)
        if current is None:
            return None
        changed = change(thaw(current))
        return current if changed is None else self.put(key, changed)

    def delete(self, key: str) -> bool:
        entry = self.index.entries.get(key)
        if entry is None:
            return False
        self._partition(entry.partition).write({entry.seq: None})
        self.index.remove(key)  # only now: a failed write leaves the document findable
        return True

    def delete_where(self, where: Predicate) -> int:
        removed = 0
        for partition in list(self._partitions):
            part = self._partition(partition)
            doomed = [(key, seq) for key, seq, doc in part.read() if where(doc)]
            if doomed:
                deletions: dict[int, tuple[str, Doc] | None] = {seq: None for _key, seq in doomed}
                part.write(deletions)
                for key, _seq in doomed:
                    self.index.remove(key)
                removed += len(doomed)
        return removed

    def delete_found(self, query: Query) -> int:
        """Delete what `query` finds, each partition written once: a purge by time reads and
        rewrites only the months it reaches, not the whole log."""
        if not self.index.can_answer(query) or query.where is not None:
            keys = [key for key, _doc in self.find(query)]
        else:
            keys = list(self.index.matching_keys(query))
        by_partition: dict[str, list[tuple[str, int]]] = {}
        for key in keys:
            entry = self.index.entries[key]
            by_partition.setdefault(entry.partition, []).append((key, entry.seq))
        for partition, doomed in by_partition.items():
            self._partition(partition).write({seq: None for _key, seq in doomed})
            for key, _seq in doomed:
                self.index.remove(key)  # only now: a failed write leaves them findable
        return len(keys)

    def partitions(self) -> Iterator[str]:
        return iter(sorted(self._partitions))
