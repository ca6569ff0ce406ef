"""Index snapshots: beside each old month of a partitioned collection, a small file holding
that month's index columns (`bot.store.index.Columns`: keys, sequence numbers, the indexed
and carried fields; no notes), so start-up reads a tenth of the bytes for the months it does
not keep in memory.

A snapshot names the exact data file it was built from (inode, size, modification and change
times, all changed by every atomic replace), and is used only while that file is still the
one on disk. Anything else (no snapshot, another file, a different layout, a broken or
half-written snapshot) and the month is read in full and its snapshot written afresh, so the
index never disagrees with the data, whatever a crash left behind. The data files stay the
only truth: deleting every snapshot loses nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

import orjson

from bot.store.atomic import write_atomically
from bot.store.index import Columns

log = logging.getLogger(__name__)

SUFFIX = ".index"
VERSION = 1


def path_for(data: Path) -> Path:
    return data.with_suffix(SUFFIX)


def fingerprint(data: Path) -> list[int]:
    info = os.stat(data)
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def read(data: Path, layout: list[list[str]]) -> Columns | None:
    """The columns saved for `data` as it is now on disk, or None if there are none valid."""
    try:
        raw: Any = orjson.loads(path_for(data).read_bytes())
        source = fingerprint(data)
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        return None
    if raw.get("source") != source or raw.get("layout") != layout:
        return None
    try:
        columns = Columns(*raw["columns"])
    except (TypeError, KeyError):
        return None
    count = len(columns.keys)
    shaped = [columns.seqs, *columns.values, *columns.carried]
    if len(columns.values) != len(layout[0]) or len(columns.carried) != len(layout[1]):
        return None
    if any(not isinstance(column, list) or len(column) != count for column in shaped):
        return None
    return columns


def write(data: Path, source: list[int], layout: list[list[str]], columns: Columns) -> None:
    """Save the columns read from `data` when it had `source` as fingerprint. Best effort: a
    snapshot that cannot be written only means a slower next start."""
    blob = orjson.dumps(
        {"version": VERSION, "source": source, "layout": layout, "columns": list(columns)}
    )
    try:
        write_atomically(path_for(data), blob)
    except OSError as error:
        log.warning("Could not save the index snapshot of %s: %s", data, error.strerror)
        with contextlib.suppress(OSError):
            path_for(data).unlink()
