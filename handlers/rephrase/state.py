"""The "Try another wording" button's state: the variant, and the draft or a short key to it.

A button value holds at most 2,000 characters, so a longer draft is kept in the store under
a short random key instead.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.store import Store

VALUE_LIMIT = 2000
COLLECTION = "rephrase_drafts"
# A stored draft is a customer reply: keep it only as long as its button is likely to be used.
KEEP_DRAFTS_FOR = timedelta(days=1)


@dataclass(frozen=True)
class WordingState:
    draft: str
    variant: int


def encode(state: WordingState, store: Store, clock: Clock, user: str) -> str:
    value = json.dumps({"v": state.variant, "d": state.draft}, ensure_ascii=False)
    if len(value) < VALUE_LIMIT:
        return value
    key = secrets.token_urlsafe(9)
    store.put(COLLECTION, key, {"draft": state.draft, "user": user, "at": clock.now().isoformat()})
    return json.dumps({"v": state.variant, "k": key})


def decode(value: str, store: Store) -> WordingState | None:
    """None when the value is unreadable or its stored draft is gone."""
    try:
        data = json.loads(value)
        variant = int(data["v"])
    except (ValueError, KeyError, TypeError):
        return None
    if isinstance(data.get("d"), str):
        return WordingState(data["d"], variant)
    doc = store.get(COLLECTION, str(data.get("k", "")))
    if doc is None or not isinstance(doc.get("draft"), str):
        return None
    return WordingState(doc["draft"], variant)


def forget_old_drafts(store: Store, now: datetime) -> int:
    """Delete stored drafts older than KEEP_DRAFTS_FOR; their buttons then say they expired."""
    edge = (now - KEEP_DRAFTS_FOR).isoformat()
    return store.delete_where(COLLECTION, lambda doc: str(doc.get("at", "")) < edge)
