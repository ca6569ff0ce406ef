"""Logging a call once: the same call sent again by the same agent within a few minutes (a
retried quick log, a form submitted twice, a message the agent never saw the answer to) is
recognised and not stored a second time.

The key is the agent plus the call's content, normalised (case, spacing), so a retry matches
whatever surface it came from. It is claimed in the store before the call is written, so two
copies arriving at once, even at two instances sharing PostgreSQL, cannot both be stored. A
claim whose call never got written (the process died in between) lapses after a minute.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import orjson

from bot.calllog.model import CallInput
from bot.store import Doc, Store

COLLECTION = "call_log_keys"
REPEAT_WINDOW = timedelta(minutes=5)
ABANDONED_AFTER = timedelta(minutes=1)  # a claim with no call yet: its writer has died
_WAIT_FOR_WRITER = 3.0  # seconds a repeat waits for a copy being written at this moment


@dataclass(frozen=True)
class Claim:
    key: str
    existing: str | None  # the call id already stored for this key, if this is a repeat
    pending: bool = False  # another copy is being written at this very moment


def repeat_key(agent: str, given: CallInput) -> str:
    def norm(text: str | None) -> str:
        return " ".join((text or "").casefold().split())

    content = [
        agent,
        norm(given.category),
        given.heat,
        norm(given.outcome),
        norm(given.notes),
        norm(given.contact),
        norm(given.reference),
        sorted(given.steps),
        given.follow_up_due.isoformat() if given.follow_up_due else None,
    ]
    return hashlib.sha256(orjson.dumps(content)).hexdigest()[:40]


class RepeatGuard:
    def __init__(self, store: Store, now: Callable[[], datetime]) -> None:
        self.store = store
        self.now = now

    def claim(self, key: str) -> Claim:
        """Take `key` for a new call, or say which call already holds it."""
        deadline = time.monotonic() + _WAIT_FOR_WRITER
        while True:
            now = self.now()
            mine = {"at": now.isoformat(), "call_id": None, "writer": uuid.uuid4().hex}
            if self.store.claim(COLLECTION, key, mine):
                return Claim(key, None)
            held = self.store.get(COLLECTION, key) or {}
            at = _when(held.get("at"))
            call_id = held.get("call_id")
            if at is None or now - at > REPEAT_WINDOW:
                if self._take_over(key, mine):  # an old key: this is a new call
                    return Claim(key, None)
                continue
            if call_id:
                return Claim(key, str(call_id))
            if now - at > ABANDONED_AFTER:
                if self._take_over(key, mine):
                    return Claim(key, None)
                continue
            if time.monotonic() >= deadline:
                return Claim(key, None, pending=True)
            time.sleep(0.05)

    def _take_over(self, key: str, mine: Doc) -> bool:
        """Replace a lapsed claim, atomically: of two takers at once, one wins."""
        now = self.now()

        def lapsed(doc: Doc) -> Doc | None:
            at = _when(doc.get("at"))
            old = at is None or now - at > REPEAT_WINDOW
            abandoned = not doc.get("call_id") and at is not None and now - at > ABANDONED_AFTER
            return dict(mine) if old or abandoned else None

        result = self.store.update(COLLECTION, key, lapsed)
        if result is None:  # forgotten meanwhile: claim it afresh
            return self.store.claim(COLLECTION, key, dict(mine))
        return bool(result.get("writer") == mine["writer"])

    def stored(self, key: str, call_id: str) -> None:
        self.store.put(COLLECTION, key, {"at": self.now().isoformat(), "call_id": call_id})

    def release(self, key: str) -> None:
        """The call was not stored after all: a retry must be free to store it."""
        self.store.delete(COLLECTION, key)

    def forget_old(self) -> int:
        edge = (self.now() - REPEAT_WINDOW - ABANDONED_AFTER).isoformat()
        return self.store.delete_where(COLLECTION, lambda doc: str(doc.get("at", "")) < edge)


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
