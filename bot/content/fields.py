"""Typed, validated access to one TOML table.

TOML gives us plain dicts of objects; these helpers check each field's type and emptiness
and raise ContentError with the file and entry already in the message.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NoReturn

from bot.content.errors import ContentError

ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fail(file: str, problem: str, entry: str | None = None) -> NoReturn:
    """Raise the one-line ContentError: 'file: entry: problem'."""
    where = f"{file}: {entry}: " if entry else f"{file}: "
    raise ContentError(where + problem)


def type_name(value: object) -> str:
    """TOML-flavoured name of a parsed value's type, for error messages."""
    names = {str: "a string", int: "an integer", float: "a number", bool: "a boolean"}
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return names.get(type(value), type(value).__name__)


class Fields:
    """One entry ([[tip]], [[guide.step]], ...) of a content file."""

    def __init__(self, file: str, kind: str, index: int, table: object) -> None:
        self.file = file
        # Until we know the id, refer to the entry by its 1-based position in the file.
        self.label = f"{kind} #{index + 1}"
        if not isinstance(table, Mapping):
            self.fail(f"must be a table, got {type_name(table)}")
        self.table: Mapping[str, object] = table

    def fail(self, problem: str) -> NoReturn:
        fail(self.file, problem, self.label)

    def only(self, allowed: set[str]) -> None:
        """Reject unknown keys: a typo like 'sugestions' must not be silently ignored."""
        unknown = sorted(set(self.table) - allowed)
        if unknown:
            self.fail(f"unknown field '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")

    def ident(self, key: str = "id") -> str:
        """Read a kebab-case id and use it to name the entry from now on."""
        value = self.text(key)
        if not ID_RE.fullmatch(value):
            self.fail(f"{key} '{value}' must be kebab-case (lowercase letters, digits, '-')")
        self.label = f"{self.label.split(' #')[0]} '{value}'"
        return value

    def text(self, key: str, *, max_len: int | None = None) -> str:
        """A required, non-empty string."""
        if key not in self.table:
            self.fail(f"missing required field '{key}'")
        return self._string(key, self.table[key], max_len)

    def opt_text(self, key: str, *, max_len: int | None = None) -> str | None:
        """An optional string; if present it must still be non-empty."""
        if key not in self.table:
            return None
        return self._string(key, self.table[key], max_len)

    def text_list(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty strings; when required, it must have at least one item."""
        if key not in self.table:
            if required:
                self.fail(f"missing required field '{key}'")
            return ()
        value = self.table[key]
        if not isinstance(value, list):
            self.fail(f"{key} must be a list of strings, got {type_name(value)}")
        if required and not value:
            self.fail(f"{key} is empty (needs at least one item)")
        items: list[str] = []
        for pos, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{key}[{pos}] must be a string, got {type_name(item)}")
            if not item.strip():
                self.fail(f"{key}[{pos}] is empty")
            items.append(item)
        return tuple(items)

    def tables(self, key: str) -> list[object]:
        """A required array of tables, e.g. a guide's [[guide.step]] entries."""
        if key not in self.table:
            self.fail(f"missing required field '{key}'")
        value = self.table[key]
        if not isinstance(value, list):
            self.fail(f"{key} must be an array of tables, got {type_name(value)}")
        return list(value)

    def _string(self, key: str, value: object, max_len: int | None) -> str:
        if not isinstance(value, str):
            self.fail(f"{key} must be a string, got {type_name(value)}")
        if not value.strip():
            self.fail(f"{key} is empty")
        if max_len is not None and len(value) > max_len:
            self.fail(f"{key} is {len(value)} characters, longer than the {max_len} allowed")
        return value
