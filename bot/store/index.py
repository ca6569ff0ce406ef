"""In-memory indexes of one collection, rebuilt from its files on load.

`entries` maps every key to where its document lives (partition, sequence number) and the
values of the indexed fields, so a lookup by key or a range query never opens a file it does
not need. Each indexed field keeps a sorted list of (value, seq, key): a range is two binary
searches, and a document without the field is simply not in that field's list.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from bot.store.interface import Doc, Query, field_text

IndexItem = tuple[str, int, str]  # (field value, sequence number, key)


class Entry(NamedTuple):
    partition: str
    seq: int
    values: tuple[str | None, ...]  # one per indexed field, in the layout's order


class CollectionIndex:
    def __init__(self, fields: tuple[str, ...]) -> None:
        self.fields = fields
        self.entries: dict[str, Entry] = {}
        self.sorted: dict[str, list[IndexItem]] = {field: [] for field in fields}
        self.last_seq = 0
        self._names: dict[str, str] = {}  # one string object per partition name

    def values_of(self, doc: Doc) -> tuple[str | None, ...]:
        if not self.fields:
            return ()
        return tuple(field_text(doc, field) for field in self.fields)

    def load(self, partition: str, docs: Iterable[tuple[str, int, Doc]]) -> None:
        """Index one partition's (key, seq, doc) triples; call `finish_loading` after the last."""
        partition = self._names.setdefault(partition, partition)
        for key, seq, doc in docs:
            old = self.entries.get(key)
            if old is not None:  # a key in two files: an interrupted move; the later file wins
                self._unlist(key, old)
            values = self.values_of(doc)
            self.entries[key] = Entry(partition, seq, values)
            for field, value in zip(self.fields, values, strict=True):
                if value is not None:
                    self.sorted[field].append((value, seq, key))
            self.last_seq = max(self.last_seq, seq)

    def finish_loading(self) -> None:
        for items in self.sorted.values():
            items.sort()

    def set(self, key: str, partition: str, seq: int, doc: Doc) -> None:
        """Record a write that has reached the disk."""
        old = self.entries.get(key)
        if old is not None:
            self._unlist(key, old)
        values = self.values_of(doc)
        self.entries[key] = Entry(self._names.setdefault(partition, partition), seq, values)
        for field, value in zip(self.fields, values, strict=True):
            if value is not None:
                bisect.insort(self.sorted[field], (value, seq, key))
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
