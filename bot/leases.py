"""The outbox's records: one per post, in the store, holding its lease or saying it was sent.

A record's life: `leased` (an instance took the right to send it) -> `sending` (it is about to
call Slack) -> `sent`. A failure turns it `released` (tried again after a back-off),
`paused` or `dropped` (never tried again), or `uncertain` (Slack may have it; not repeated).
Every change goes through `Store.claim` or `Store.update`, which are atomic on every backend,
and each change checks the lease token first, so an instance whose lease was taken over can
never overwrite the new holder's record.

A lease that expires in `leased` is taken over quietly: the post never reached Slack. One that
expires in `sending` may have been posted just before its instance died: the new holder logs
a possible duplicate. That is the one window left (see README, "Scheduled posts").
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.store import Doc, Store

log = logging.getLogger(__name__)

# The collection keeps the name the old claims had, so a data file upgraded mid-day still
# knows which of today's posts went out (an old claim has no state: it counts as sent).
RECORDS = "post_claims"
LEASED, SENDING, SENT = "leased", "sending", "sent"
RELEASED, PAUSED, DROPPED, UNCERTAIN = "released", "paused", "dropped", "uncertain"
FINAL = frozenset({SENT, PAUSED, DROPPED, UNCERTAIN})


def record_key(kind: str, target: str, slot: str) -> str:
    return f"{kind}:{target}:{slot}"


def is_finished(store: Store, kind: str, target: str, slot: str) -> bool:
    """Whether the post was sent (or stopped for good): a cheap look before any work.
    Only taking the lease decides who sends."""
    doc = store.get(RECORDS, record_key(kind, target, slot))
    return doc is not None and doc.get("state", SENT) in FINAL


@dataclass(frozen=True)
class Lease:
    key: str
    token: str
    attempt: int


class Leases:
    def __init__(self, store: Store, owner: str, length: timedelta) -> None:
        self.store = store
        self.owner = owner
        self.length = length

    def state(self, key: str) -> str | None:
        doc = self.store.get(RECORDS, key)
        return None if doc is None else str(doc.get("state", SENT))

    def take(self, key: str, fields: Doc, now: datetime) -> Lease | None:
        """The lease on `key`, if it is free: new, released and past its back-off, or expired
        unsent. None when another instance holds it or the post is finished."""
        token = uuid.uuid4().hex
        fresh = {
            **fields,
            "state": LEASED,
            "owner": self.owner,
            "lease": token,
            "expires": (now + self.length).isoformat(),
            "claimed_at": now.isoformat(),
            "attempts": 1,
        }
        if self.store.claim(RECORDS, key, fresh):
            return Lease(key, token, 1)
        before: dict[str, Any] = {}

        def take_over(doc: Doc) -> Doc | None:
            state = doc.get("state", SENT)
            free = (state == RELEASED and _at(doc, "retry_at") <= now) or (
                state in (LEASED, SENDING) and _at(doc, "expires") <= now
            )
            if not free:
                return None
            before.update(doc)
            return {**doc, **fresh, "attempts": int(doc.get("attempts", 0)) + 1}

        taken = self.store.update(RECORDS, key, take_over)
        if taken is None or taken.get("lease") != token:
            return None
        if before.get("state") == SENDING:
            log.warning(
                "Possible duplicate post %s: instance %s leased it and started sending at %s, "
                "then its lease expired unsent. If Slack accepted that post before the instance "
                "stopped, this one is a second copy.",
                key,
                before.get("owner"),
                before.get("sending_at"),
            )
        elif before.get("state") == LEASED:
            log.info(
                "Taking over %s: instance %s let its lease expire before sending",
                key,
                before.get("owner"),
            )
        return Lease(key, token, int(taken["attempts"]))

    def sending(self, lease: Lease, now: datetime) -> bool:
        """Mark the post as going to Slack now. False if the lease expired or was taken over:
        then this instance must not send."""
        changed = self._change(
            lease,
            lambda doc: (
                {**doc, "state": SENDING, "sending_at": now.isoformat()}
                if doc.get("state") in (LEASED, SENDING) and _at(doc, "expires") > now
                else None
            ),
        )
        return changed is not None and changed.get("state") == SENDING

    def renew(self, lease: Lease, now: datetime) -> bool:
        """Push the expiry out while waiting on Slack (a long Retry-After)."""
        expires = (now + self.length).isoformat()
        changed = self._change(
            lease,
            lambda doc: {**doc, "expires": expires} if doc.get("state") == SENDING else None,
        )
        return changed is not None and changed.get("expires") == expires

    def finish(self, lease: Lease, state: str, now: datetime, **extra: Any) -> bool:
        """Record the outcome: sent, paused, dropped or uncertain. False if the lease was lost."""
        done = self._change(
            lease, lambda doc: {**doc, **extra, "state": state, "done_at": now.isoformat()}
        )
        if done is None:
            log.warning(
                "The post %s ended %s, but its lease had been taken over by then: "
                "the instance that took it may post it again",
                lease.key,
                state,
            )
        return done is not None

    def release(self, lease: Lease, retry_at: datetime, reason: str) -> None:
        """Give the post back, to be tried again from `retry_at`."""
        self._change(
            lease,
            lambda doc: {
                **doc,
                "state": RELEASED,
                "retry_at": retry_at.isoformat(),
                "code": reason,
            },
        )

    def forget_before(self, cutoff: datetime) -> int:
        """Drop finished records claimed before `cutoff` (their posts can no longer be due)."""
        edge = cutoff.isoformat()
        return self.store.delete_where(
            RECORDS,
            lambda doc: doc.get("state", SENT) in FINAL and str(doc.get("claimed_at", "")) < edge,
        )

    def _change(self, lease: Lease, change: Any) -> Doc | None:
        def guarded(doc: Doc) -> Doc | None:
            return change(doc) if doc.get("lease") == lease.token else None

        changed = self.store.update(RECORDS, lease.key, guarded)
        return changed if changed is not None and changed.get("lease") == lease.token else None


def _at(doc: Doc, field: str) -> datetime:
    value = doc.get(field)
    return datetime.fromisoformat(str(value)) if value else datetime.min.replace(tzinfo=UTC)
