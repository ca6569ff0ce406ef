"""The storage interface the rest of the bot sees: named collections of JSON documents, each
under a string key, plus range queries on a document field.

Documents handed out are read-only (see `bot.store.frozen`): a backend may share them between
callers instead of copying each one, and nobody can change stored state behind its back.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.store.calls import AgentFigures, CallFigures, CallFilter

Doc = dict[str, Any]
Predicate = Callable[[Doc], bool]


class StoreFileError(RuntimeError):
    """The data cannot be used; the message says which file or database and what to do."""


class StoreUnavailable(RuntimeError):
    """The database did not answer in time (down, restarting, unreachable). `maybe_done` is
    True when a write was sent and its outcome is unknown: it must not simply be repeated."""

    def __init__(self, message: str, *, maybe_done: bool = False) -> None:
        super().__init__(message)
        self.maybe_done = maybe_done


@dataclass(frozen=True)
class Query:
    """Documents whose `field` (compared as stored text, so ISO times sort by time) lies in
    [low, high) — or [low, high] with `include_high` — or equals `equals`. Documents without
    the field never match. Results come ordered by `order_by` (default `field`), then by
    insertion; `where` filters further; `limit` cuts after `where`.

    Backends answer from an index when they keep one on the field (TinyStore: the fields its
    layout names) and by scanning otherwise: same answer, different cost.
    """

    field: str
    low: str | None = None
    high: str | None = None
    include_high: bool = False
    equals: str | None = None
    order_by: str | None = None
    descending: bool = False
    limit: int | None = None
    where: Predicate | None = None

    def matches_value(self, value: str | None) -> bool:
        if value is None:
            return False
        if self.equals is not None and value != self.equals:
            return False
        if self.low is not None and value < self.low:
            return False
        if self.high is not None:
            return value <= self.high if self.include_high else value < self.high
        return True

    @property
    def sort_field(self) -> str:
        return self.order_by or self.field


def field_text(doc: Doc, field: str) -> str | None:
    """A field's value as the text queries compare; None when absent or null."""
    value = doc.get(field)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


class Store(ABC):
    @abstractmethod
    def get(self, collection: str, key: str) -> Doc | None:
        """The document under `key`, or None."""

    @abstractmethod
    def put(self, collection: str, key: str, doc: Doc) -> None:
        """Insert or replace the document under `key`."""

    @abstractmethod
    def add(self, collection: str, doc: Doc) -> str:
        """Insert under a new key (a growing number, as text) and return the key."""

    def add_many(self, collection: str, docs: list[Doc]) -> list[str]:
        """Insert every document under new keys, in order; return the keys. Backends write
        in bulk (a partition file once, one transaction); this version adds one at a time."""
        return [self.add(collection, doc) for doc in docs]

    @abstractmethod
    def claim(self, collection: str, key: str, doc: Doc) -> bool:
        """Insert only if `key` is free. True if this call took it: the basis of exactly-once."""

    @abstractmethod
    def update(self, collection: str, key: str, change: Callable[[Doc], Doc | None]) -> Doc | None:
        """Read, change and write one document atomically. `change` gets a private, mutable
        copy and returns the new document, or None to leave it as it was. Returns the stored
        result, or None when there is no such document."""

    @abstractmethod
    def delete(self, collection: str, key: str) -> bool:
        """Remove the document; True if it existed. If the write fails, it stays."""

    @abstractmethod
    def scan(self, collection: str, where: Predicate | None = None) -> list[tuple[str, Doc]]:
        """(key, document) pairs, in insertion order, optionally filtered."""

    @abstractmethod
    def delete_where(self, collection: str, where: Predicate) -> int:
        """Remove every matching document; return how many."""

    def delete_found(self, collection: str, query: Query) -> int:
        """Remove every document `query` finds; return how many. Backends use their index, so
        a purge of old calls touches only the months it empties (this version: one by one)."""
        return sum(self.delete(collection, key) for key, _doc in self.find(collection, query))

    @abstractmethod
    def count(self, collection: str) -> int:
        """How many documents the collection holds."""

    def find(self, collection: str, query: Query) -> list[tuple[str, Doc]]:
        """(key, document) pairs matching `query`, in its order. This version scans; backends
        override it to use their indexes."""
        return answer_by_scan(self.scan(collection), query)

    # The call log's questions (bot.store.calls). These versions answer in Python over
    # `find` (bot.store.callscan); PgStore answers in SQL.

    def call_figures(
        self, flt: CallFilter, previous_since: str, now: str, recent: int
    ) -> CallFigures:
        """Counts, breakdowns and follow-ups of the calls matching `flt`, how many matched in
        [previous_since, flt.since), and the `recent` newest."""
        from bot.store import callscan

        return callscan.figures(self, flt, previous_since, now, recent)

    def call_rows(self, flt: CallFilter) -> Iterator[tuple[str, Doc]]:
        """The matching calls, newest first, as they are read (an export streams them)."""
        from bot.store import callscan

        return callscan.calls(self, flt)

    def call_agents(self, flt: CallFilter, previous_since: str, now: str) -> list[AgentFigures]:
        """Per agent: calls and heat in the period, calls in the one before, and open
        follow-ups overdue at `now` whenever logged (the filter's period aside)."""
        from bot.store import callscan

        return callscan.agents(self, flt, previous_since, now)

    def ping(self) -> None:  # noqa: B027 - an embedded store is always there
        """Raise StoreUnavailable when the store cannot be reached (readiness probes)."""

    def close(self) -> None:  # noqa: B027 - optional for backends without resources
        """Release files or connections."""


def answer_by_scan(pairs: list[tuple[str, Doc]], query: Query) -> list[tuple[str, Doc]]:
    """The reference answer to a query over (key, doc) pairs given in insertion order."""
    found = [
        (position, key, doc)
        for position, (key, doc) in enumerate(pairs)
        if query.matches_value(field_text(doc, query.field))
        and (query.where is None or query.where(doc))
    ]
    field = query.sort_field
    found.sort(key=lambda item: (field_text(item[2], field) or "", item[0]))
    if query.descending:
        found.reverse()
    chosen = found if query.limit is None else found[: query.limit]
    return [(key, doc) for _position, key, doc in chosen]
