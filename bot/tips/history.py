"""Who changed a channel's tips and when: kept so `/tips status` can show it, and a quiet
change by one member can be seen (and undone) by everyone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.store import Doc, Store

CHANGES = "tip_changes"
KEPT = 10  # the newest changes per channel
SHOWN = 3


@dataclass(frozen=True)
class Change:
    user: str
    at: datetime
    what: str  # "turned tips off", "skipped Fri 25 Dec 2026" …


def record(store: Store, channel: str, change: Change) -> None:
    entry = {"user": change.user, "at": change.at.isoformat(), "what": change.what}

    def add(doc: Doc) -> Doc:
        return {"changes": [entry, *doc.get("changes", [])][:KEPT]}

    if store.update(CHANGES, channel, add) is None and not store.claim(
        CHANGES, channel, {"changes": [entry]}
    ):
        store.update(CHANGES, channel, add)  # someone else wrote the first change meanwhile


def recent(store: Store, channel: str, count: int = SHOWN) -> list[Change]:
    doc = store.get(CHANGES, channel) or {}
    return [
        Change(one["user"], datetime.fromisoformat(one["at"]), one["what"])
        for one in doc.get("changes", [])[:count]
    ]
