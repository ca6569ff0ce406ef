"""One TinyDB file: a whole small collection, or one month of a large one.

The file holds `{collection: {doc_id: document}}`, TinyDB's own format. A document whose key
is not its doc_id (a channel ID, a claim name) carries the key in a "_key" field on disk
only; in memory documents are frozen and key-free, so reads hand them out as they are.

Writes are copy-on-write: the new table is built beside the current one, written atomically,
and only then put in its place, so a failed write (a full disk) changes nothing in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import orjson

from bot.store.atomic import read_json, write_atomically
from bot.store.frozen import freeze_doc
from bot.store.interface import Doc, StoreFileError

KEY_FIELD = "_key"

Table = dict[str, Doc]  # doc_id (a number, as text) -> frozen document


class PartitionFile:
    def __init__(self, path: Path, collection: str, *, resident: bool) -> None:
        self.path = path
        self.collection = collection
        self.resident = resident  # kept in memory between operations
        self._table: Table | None = None
        self._keys: dict[str, str] = {}  # doc_id -> key, only where they differ

    def read(self) -> Iterator[tuple[str, int, Doc]]:
        """(key, seq, doc) for every document, loading the file if it is not in memory. A
        non-resident partition is not kept: the caller holds what it needs."""
        table, keys = self._load() if self._table is None else (self._table, self._keys)
        if self.resident:
            self._table, self._keys = table, keys
        for doc_id, doc in table.items():
            yield keys.get(doc_id, doc_id), int(doc_id), doc

    def read_for_index(self) -> Iterator[tuple[str, int, Doc]]:
        """Like `read`, but documents of a partition not kept in memory come as parsed, not
        frozen (cheaper): for building the index at start-up, never to hand out."""
        if self.resident or self._table is not None:
            yield from self.read()
            return
        for doc_id, doc in read_json(self.path).get(self.collection, {}).items():
            yield str(doc.get(KEY_FIELD, doc_id)), int(doc_id), doc

    def table(self) -> tuple[Table, dict[str, str]]:
        if self._table is not None:
            return self._table, self._keys
        table, keys = self._load()
        if self.resident:
            self._table, self._keys = table, keys
        return table, keys

    def get(self, seq: int) -> Doc | None:
        table, _keys = self.table()
        return table.get(str(seq))

    def write(self, changes: dict[int, tuple[str, Doc] | None]) -> None:
        """Apply {seq: (key, frozen doc) or None to delete} and write the file; memory
        changes only once the file is safely replaced."""
        table, keys = self.table()
        table, keys = dict(table), dict(keys)
        for seq, change in changes.items():
            doc_id = str(seq)
            if change is None:
                table.pop(doc_id, None)
                keys.pop(doc_id, None)
            else:
                key, doc = change
                table[doc_id] = doc
                if key == doc_id:
                    keys.pop(doc_id, None)
                else:
                    keys[doc_id] = key
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, self._encode(table, keys))
        if self.resident:
            self._table, self._keys = table, keys

    def _encode(self, table: Table, keys: dict[str, str]) -> bytes:
        if keys:  # only documents under a key of their own need a copy with "_key"
            table = {
                doc_id: ({**doc, KEY_FIELD: keys[doc_id]} if doc_id in keys else doc)
                for doc_id, doc in table.items()
            }
        return orjson.dumps({self.collection: table})

    def _load(self) -> tuple[Table, dict[str, str]]:
        raw = read_json(self.path).get(self.collection, {})
        if not isinstance(raw, dict):
            raise StoreFileError(
                f"The data file {self.path} does not hold the {self.collection} table "
                "as an object. It has been left untouched: restore it from the backup."
            )
        return split_keys(raw, self.path)

    def make_resident(self, resident: bool) -> None:
        self.resident = resident
        if not resident:
            self._table, self._keys = None, {}


def split_keys(raw: dict[str, Doc], path: Path) -> tuple[Table, dict[str, str]]:
    """Frozen, key-free documents and the doc_id -> key map of those keyed otherwise."""
    table: Table = {}
    keys: dict[str, str] = {}
    for doc_id, stored in raw.items():
        if not doc_id.isdigit() or not isinstance(stored, dict):
            raise StoreFileError(
                f"The data file {path} has an entry {doc_id!r} that is not a TinyDB document. "
                "It has been left untouched: restore it from the backup."
            )
        key = stored.get(KEY_FIELD)
        if key is not None and str(key) != doc_id:
            keys[doc_id] = str(key)
        table[doc_id] = freeze_doc(stored, without=KEY_FIELD)
    return table, keys
