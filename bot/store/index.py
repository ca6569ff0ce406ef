"""In-memory indexes of one collection, rebuilt from its files on load.

`entries` maps every key to where its document lives (partition, sequence number) and the
values of the indexed fields, so a lookup by key or a range query never opens a file it does
not need. Each indexed field keeps a sorted list of (value, seq, key): a range is two binary
searches, and a document without the field is simply not in that field's list.

A collection whose layout names carried fields also keeps, parallel to its first field's
sorted list, the entries and one column per carried field: a time range of the call log is
then a slice of each column, counted in C (`bot.store.callindex`).
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable, Iterator
from itertools import repeat
from typing import Any, NamedTuple

from bot.store.interface import Doc, Query, field_text

IndexItem = tuple[str, int, str]  # (field value, sequence number, key)


class Entry(NamedTuple):
    partition: str
    seq: int
    values: tuple[str | None, ...]  # one per indexed field, in the layout's order
    carried: tuple[Any, ...]  # one per carried field: counted without reading the document


class Columns(NamedTuple):
    """One partition's index data, a list per field: keys, seqs, each indexed field's text
    and each carried field's value, in the same order."""

    keys: list[str]
    seqs: list[int]
    values: list[list[str | None]]
    carried: list[list[Any]]


class CollectionIndex:
    def __init__(self, fields: tuple[str, ...], carries: tuple[str, ...] = ()) -> None:
        self.fields = fields
        self.carries = carries
        self.entries: dict[str, Entry] = {}
        self.sorted: dict[str, list[IndexItem]] = {field: [] for field in fields}
        self.last_seq = 0
        self._names: dict[str, str] = {}  # one string object per partition name
        self._superseded = False  # a load met a key twice
        # With carried fields: parallel to the first field's sorted list (see `_align`).
        self.aligned: list[Entry] = []
        self.columns: list[list[Any]] = [[] for _field in carries]

    def values_of(self, doc: Doc) -> tuple[str | None, ...]:
        if not self.fields:
            return ()
        return tuple(field_text(doc, field) for field in self.fields)

    def carried_of(self, doc: Doc) -> tuple[Any, ...]:
        if not self.carries:
            return ()
        return tuple(_shared(doc.get(field)) for field in self.carries)

    def _entry(self, partition: str, seq: int, doc: Doc) -> Entry:
        partition = self._names.setdefault(partition, partition)
        return Entry(partition, seq, self.values_of(doc), self.carried_of(doc))

    def load(self, partition: str, docs: Iterable[tuple[str, int, Doc]]) -> Columns:
        """Index one partition's (key, seq, doc) triples; call `finish_loading` after the last.
        Built a column at a time (one pass per field), since start-up indexes every call;
        returns the columns (what `bot.store.snapshot` keeps beside an old month)."""
        rows = list(docs)
        bodies = [row[2] for row in rows]
        columns = Columns(
            keys=[row[0] for row in rows],
            seqs=[row[1] for row in rows],
            values=[_texts([doc.get(field) for doc in bodies]) for field in self.fields],
            carried=[[doc.get(field) for doc in bodies] for field in self.carries],
        )
        self.load_columns(partition, columns)
        return columns

    def load_columns(self, partition: str, columns: Columns) -> None:
        keys, seqs = columns.keys, columns.seqs
        if not keys:
            return
        if not self.entries.keys().isdisjoint(keys):
            # A key in two files: an interrupted move; the later file wins.
            self._superseded = True
        carried = [_shared_all(column) for column in columns.carried]
        partition = self._names.setdefault(partition, partition)
        value_rows = zip(*columns.values, strict=True) if self.fields else repeat(())
        carried_rows = zip(*carried, strict=True) if carried else repeat(())
        entries = map(Entry, repeat(partition), seqs, value_rows, carried_rows)
        self.entries.update(zip(keys, entries, strict=False))  # the repeats have no end
        for field, column in zip(self.fields, columns.values, strict=True):
            items = zip(column, seqs, keys, strict=True)
            if None in column:  # documents without the field are not in its list
                self.sorted[field].extend(
                    (value, seq, key) for value, seq, key in items if value is not None
                )
            else:
                self.sorted[field].extend(items)  # type: ignore[arg-type]
        self.last_seq = max(self.last_seq, *seqs)

    def finish_loading(self) -> None:
        for position, items in enumerate(self.sorted.values()):
            if self._superseded:  # drop the items of documents a later file replaced
                items[:] = [item for item in items if self._current(item, position)]
            items.sort()
        self._superseded = False
        self._align()

    def _current(self, item: IndexItem, position: int) -> bool:
        entry = self.entries.get(item[2])
        return entry is not None and (entry.values[position], entry.seq) == item[:2]

    def _align(self) -> None:
        """Rebuild the columns: for each position of the first field's sorted list, its
        entry and each carried value (what /calls counts, sliced by time without lookups)."""
        if not self.carries:
            return
        self.aligned = [self.entries[key] for _value, _seq, key in self.sorted[self.fields[0]]]
        self.columns = [
            [entry.carried[at] for entry in self.aligned] for at in range(len(self.carries))
        ]

    def set(self, key: str, partition: str, seq: int, doc: Doc) -> None:
        """Record a write that has reached the disk."""
        old = self.entries.get(key)
        if old is not None:
            self._unlist(key, old)
        entry = self.entries[key] = self._entry(partition, seq, doc)
        for field, value in zip(self.fields, entry.values, strict=True):
            if value is not None:
                items = self.sorted[field]
                at = bisect.bisect_left(items, (value, seq, key))
                items.insert(at, (value, seq, key))
                if self.carries and field == self.fields[0]:
                    self.aligned.insert(at, entry)
                    for column, carried in zip(self.columns, entry.carried, strict=True):
                        column.insert(at, carried)
        self.last_seq = max(self.last_seq, seq)

    def remove(self, key: str) -> None:
        """Record a delete that has reached the disk."""
        old = self.entries.pop(key, None)
        if old is not None:
            self._unlist(key, old)

    def _unlist(self, key: str, entry: Entry) -> None:
        for field, value in zip(self.fields, entry.values, strict=True):
            if value is not None:
                items = self.sorted[field]
                at = bisect.bisect_left(items, (value, entry.seq, key))
                if at < len(items) and items[at] == (value, entry.seq, key):
                    del items[at]
                    if self.carries and field == self.fields[0]:
                        del self.aligned[at]
                        for column in self.columns:
                            del column[at]

    def next_seq(self) -> int:
        # Numbers are never reused within a run, even after the newest document is deleted.
        self.last_seq += 1
        return self.last_seq

    def can_answer(self, query: Query) -> bool:
        return query.field in self.sorted and query.sort_field in self.sorted

    def matching_keys(self, query: Query) -> Iterator[str]:
        """Keys matching the query's field conditions, in the query's order (`where` and
        `limit` are the caller's: they need the documents)."""
        items = self.sorted[query.field]
        low, high = query.low, query.high
        if query.equals is not None:
            low = query.equals if low is None or query.equals > low else low
            high = query.equals if high is None or query.equals < high else high
            if query.high is not None and not query.include_high and query.equals >= query.high:
                return iter(())
            inclusive = True
        else:
            inclusive = query.include_high
        start = 0 if low is None else bisect.bisect_left(items, (low, -1, ""))
        if high is None:
            stop = len(items)
        elif inclusive:
            stop = bisect.bisect_left(items, (high, sys.maxsize, ""))
        else:
            stop = bisect.bisect_left(items, (high, -1, ""))
        chosen = items[start:stop]
        if query.sort_field != query.field:
            position = self.fields.index(query.sort_field)
            chosen.sort(key=lambda item: (self.entries[item[2]].values[position] or "", item[1]))
        if query.descending:
            chosen.reverse()
        return (key for _value, _seq, key in chosen)


def _shared(value: Any) -> Any:
    # Equal texts as one object: a category repeats 100,000 times (interned strings are
    # freed once nothing uses them).
    return sys.intern(value) if type(value) is str else value


def _shared_all(values: list[Any]) -> list[Any]:
    try:
        return list(map(sys.intern, values))  # all texts: the usual case, in C
    except TypeError:
        return [sys.intern(value) if type(value) is str else value for value in values]


def _texts(values: list[Any]) -> list[str | None]:
    """`field_text` of each value: what the sorted lists compare."""
    return [
        value if type(value) is str else None if value is None else str(value) for value in values
    ]
