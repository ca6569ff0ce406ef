"""Where the embedded store lives, who may use it, and moving an old single file into it.

`BOT_DB_PATH` names a small manifest file; the data sits in the folder it names, beside it
(`service-coach.json` -> `service-coach.json.d/`). The path is resolved through symlinks
first, and the lock is an exclusive flock on the manifest itself, so a symlink or a hard link
to the same manifest meets the same lock instead of splitting the data.

A `BOT_DB_PATH` that still holds an old single-file database is migrated on start: the new
folder is written beside it under a staging name, the old file is copied to a backup, the
folder is renamed into place, and replacing the old file by the manifest commits it all in
one rename. A kill at any earlier point leaves the old file as it was; the next start redoes
the migration from it.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from collections import defaultdict
from pathlib import Path
from typing import IO, Any

import orjson

from bot.store.atomic import (
    fsync_folder,
    read_json,
    remove_stale_temps,
    temp_name,
    write_atomically,
)
from bot.store.interface import StoreFileError
from bot.store.layout import UNPARTITIONED, Layout, file_name
from bot.store.partitions import KEY_FIELD

log = logging.getLogger(__name__)

MANIFEST_KEY = "service_coach_store"
FORMAT = {"layout": "partitioned", "version": 1}
BACKUP_SUFFIX = ".single-file-backup"


class Opened:
    """A locked store: the folder holding its files, and the lock held until `close`."""

    def __init__(self, folder: Path, lock: IO[bytes]) -> None:
        self.folder = folder
        self._lock = lock

    def close(self) -> None:
        self._lock.close()


def open_folder(path: Path, layout: Layout) -> Opened:
    real = Path(os.path.realpath(path))
    real.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(10):
        handle = _create_manifest(real) if not real.exists() else _lock_existing(real)
        if handle is None:
            continue  # another process created or replaced the file meanwhile: look again
        try:
            opened = _use(real, handle, layout)
        except BaseException:
            handle.close()
            raise
        _remove_leftovers(real, opened.folder)
        return opened
    raise StoreFileError(f"The data file {real} kept changing while opening it; try again.")


def folder_for(real: Path) -> Path:
    return real.with_name(real.name + ".d")


def _use(real: Path, handle: IO[bytes], layout: Layout) -> Opened:
    data = read_json(real)
    manifest = data.get(MANIFEST_KEY)
    if isinstance(manifest, dict):
        folder = real.parent / str(manifest.get("folder", ""))
        if not folder.is_dir():
            raise StoreFileError(
                f"The data folder {folder} named by {real} is missing. Restore it, or point "
                "BOT_DB_PATH at the manifest beside it (a hard link elsewhere cannot find it)."
            )
        return Opened(folder, handle)
    if os.fstat(handle.fileno()).st_nlink > 1:
        raise StoreFileError(
            f"The data file {real} has other hard links: migrating it would leave them holding "
            "an old copy. Keep one name (a symlink is fine), then start again."
        )
    new_handle = migrate(real, data, layout)
    handle.close()  # the old file's lock; the manifest's is held from before it appeared
    return Opened(folder_for(real), new_handle)


def _lock(handle: IO[bytes], real: Path) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise StoreFileError(
            f"Another Service Coach process is already using {real}. Stop it first, or set "
            "BOT_DB_PATH to another file. Several instances need a shared database server."
        ) from None
    return True


def _lock_existing(real: Path) -> IO[bytes] | None:
    try:
        handle = open(real, "rb")  # noqa: SIM115 - the lock lives as long as the store
    except FileNotFoundError:
        return None
    _lock(handle, real)
    try:
        same = os.stat(real).st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        same = False
    if not same:  # replaced (migrated) while we waited for the lock
        handle.close()
        return None
    return handle


def _manifest_blob(real: Path) -> bytes:
    return orjson.dumps({MANIFEST_KEY: {**FORMAT, "folder": folder_for(real).name}})


def _locked_manifest_temp(real: Path) -> tuple[Path, IO[bytes]]:
    """The manifest, written and fsynced under a temporary name, already locked."""
    temp = temp_name(real)
    with open(temp, "wb") as out:
        out.write(_manifest_blob(real))
        out.flush()
        os.fsync(out.fileno())
    handle = open(temp, "rb")  # noqa: SIM115 - the lock lives as long as the store
    _lock(handle, real)
    return temp, handle


def _create_manifest(real: Path) -> IO[bytes] | None:
    folder_for(real).mkdir(exist_ok=True)  # adopted as it is if an earlier start made it
    temp, handle = _locked_manifest_temp(real)
    try:
        os.link(temp, real)  # fails if another process made it first: never overwrite
    except FileExistsError:
        handle.close()
        return None
    finally:
        temp.unlink()
    fsync_folder(real.parent)
    return handle


def migrate(real: Path, data: dict[str, Any], layout: Layout) -> IO[bytes]:
    """Turn the single file `real` (holding `data`) into the folder layout; return the lock
    of the new manifest. Nothing is lost if the process dies anywhere in here."""
    started = time.monotonic()
    staging = real.with_name(real.name + ".d.new")
    shutil.rmtree(staging, ignore_errors=True)  # an interrupted migration's
    staging.mkdir()
    documents = write_partitions(staging, data, layout)
    write_atomically(real.with_name(real.name + BACKUP_SUFFIX), real.read_bytes())
    folder = folder_for(real)
    if folder.exists():
        # Not in use (the manifest would name it): an older attempt's, or data from a store
        # that was rolled back to its backup. Kept aside, never deleted.
        aside = folder.with_name(f"{folder.name}.replaced-{int(time.time())}")
        folder.rename(aside)
        log.warning("Moved the unused data folder %s aside to %s", folder, aside)
    staging.rename(folder)
    fsync_folder(real.parent)
    temp, handle = _locked_manifest_temp(real)
    os.replace(temp, real)  # the commit point
    fsync_folder(real.parent)
    log.info(
        "Migrated %s (%d documents) to the folder %s in %.1f s; the old file is kept as %s",
        real,
        documents,
        folder,
        time.monotonic() - started,
        real.name + BACKUP_SUFFIX,
    )
    return handle


def write_partitions(folder: Path, data: dict[str, Any], layout: Layout) -> int:
    """Write TinyDB tables `data` as one file per collection (per month where the layout
    partitions it), each fsynced. Returns how many documents were written."""
    written = 0
    for collection, table in data.items():
        if not isinstance(table, dict):
            raise StoreFileError(f"The table {collection!r} in the old data file is not an object.")
        spec = layout.get(collection, UNPARTITIONED)
        parts: dict[str, dict[str, Any]] = defaultdict(dict)
        for doc_id, doc in table.items():
            if isinstance(doc, dict) and str(doc.get(KEY_FIELD)) == doc_id:
                doc = {name: value for name, value in doc.items() if name != KEY_FIELD}
            parts[spec.partition_of(doc) if isinstance(doc, dict) else ""][doc_id] = doc
        name = file_name(collection)
        for partition, docs in parts.items():
            path = folder / f"{name}.json" if not partition else folder / name / f"{partition}.json"
            path.parent.mkdir(exist_ok=True)
            write_atomically(path, orjson.dumps({collection: docs}))
            written += len(docs)
        if spec.partition_by is not None and parts:
            fsync_folder(folder / name)
    fsync_folder(folder)
    return written


def _remove_leftovers(real: Path, folder: Path) -> None:
    # Safe now: we hold the lock, so no live process owns any of these.
    removed = remove_stale_temps(real.parent, prefix=f".{real.name}.")
    for sub in [folder, *(entry for entry in folder.iterdir() if entry.is_dir())]:
        removed += remove_stale_temps(sub)
    staging = real.with_name(real.name + ".d.new")
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)
        removed += 1
    if removed:
        log.info("Removed %d temporary file(s) left by an earlier process beside %s", removed, real)
