"""Atomic JSON files: every write goes to a temporary file that is fsynced and then renamed
over the old one, so the file on disk is always either the previous good version or the new
one. A process killed mid-write can leave its temporary file behind; `remove_stale_temps`
clears those on the next start.

`AtomicJSONStorage` wraps the same writes as a TinyDB storage, so any partition file can be
opened with TinyDB itself (for a look by hand, or a tool).
"""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from bot.store.interface import StoreFileError

__all__ = [
    "AtomicJSONStorage",
    "StoreFileError",
    "read_json",
    "remove_stale_temps",
    "write_atomically",
]

TEMP_SUFFIX = ".tmp"


def read_json(path: Path) -> dict[str, Any]:
    """A JSON object from `path` ({} for a missing or empty file); StoreFileError otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise StoreFileError(f"Cannot read the data file {path}: {error.strerror}.") from None
    if not raw.strip():
        return {}
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise StoreFileError(
            f"The data file {path} is not valid JSON ({error}). It has been left "
            "untouched: restore it from a backup, or move it aside to start empty."
        ) from None
    if not isinstance(data, dict):
        raise StoreFileError(
            f"The data file {path} does not hold a TinyDB database (top level is not an "
            "object). It has been left untouched: move it aside or set BOT_DB_PATH."
        )
    return data


def temp_name(path: Path) -> Path:
    # Process and thread in the name: two writers of one folder never share a temporary file.
    return path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}{TEMP_SUFFIX}")


def write_atomically(path: Path, blob: bytes) -> None:
    """Replace `path` with `blob`: temporary file, fsync, rename, fsync of the folder."""
    temp = temp_name(path)
    try:
        with open(temp, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    # A rename or a new file is only durable once the folder entry is on disk.
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def remove_stale_temps(folder: Path, prefix: str = ".") -> int:
    """Delete temporary files that earlier processes left in `folder` (not below it). Only
    safe while holding the store's lock: a live writer's file would go too."""
    removed = 0
    if not folder.is_dir():
        return 0
    for entry in folder.iterdir():
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX) and entry.is_file():
            with contextlib.suppress(FileNotFoundError):
                entry.unlink()
                removed += 1
    return removed


class AtomicJSONStorage(Storage):
    """A TinyDB storage on `write_atomically`, holding the data in memory between writes."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = read_json(self.path)

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, orjson.dumps(data))
        except BaseException:
            # TinyDB edits documents in place before calling write; go back to what is on disk
            # so memory never holds changes the file does not.
            self._data = read_json(self.path)
            raise
        self._data = data

    def close(self) -> None:
        pass
