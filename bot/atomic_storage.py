"""A TinyDB storage that keeps the data in memory and replaces the file atomically on write.

TinyDB's own JSONStorage rewrites the file in place, so a crash mid-write can leave broken
JSON behind, and it re-reads the whole file on every query. Here the file is read once; each
write goes to a temporary file that is fsynced and then renamed over the old one, so the file
on disk is always either the previous good version or the new one.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage


class StoreFileError(RuntimeError):
    """The data file cannot be used; the message says which file and what to do."""


class AtomicJSONStorage(Storage):
    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {}
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise StoreFileError(
                f"Cannot read the data file {self.path}: {error.strerror}."
            ) from None
        if not raw.strip():
            return {}
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise StoreFileError(
                f"The data file {self.path} is not valid JSON ({error}). It has been left "
                "untouched: restore it from a backup, or move it aside to start empty."
            ) from None
        if not isinstance(data, dict):
            raise StoreFileError(
                f"The data file {self.path} does not hold a TinyDB database (top level is not an "
                "object). It has been left untouched: move it aside or set BOT_DB_PATH."
            )
        return data

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            self._replace_file(orjson.dumps(data))
        except BaseException:
            # TinyDB edits documents in place before calling write; go back to what is on disk
            # so memory never holds changes the file does not.
            self._data = self._load()
            raise
        self._data = data

    def _replace_file(self, blob: bytes) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            with open(temp, "wb") as handle:
                handle.write(blob)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
        # The rename itself is only durable once the folder entry is on disk.
        folder = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)

    def close(self) -> None:
        pass
