"""The outbox: the one way the bot posts on a schedule (daily tips, hold nudges, follow-up
reminders, weekly digests). Slack-free: the Slack side hands it a `Route`.

Words used with one meaning each, here and in every feature:
- an *item* is one post: its kind ("tip"), target (what it is for: a channel, a call) and
  slot (which occurrence: a local date, a reminder time);
- an item is *due* when its time has come and it has not been sent yet. Features find what is
  due and submit it; the outbox decides who sends it and what a failure means;
- a *lease* is one instance's right to send one item, until it expires (see bot/leases.py).

Every item goes through the same loop: take the lease -> compose the message -> take the
channel's turn -> mark it sending -> wait the channel's second -> send -> record it sent.
A refusal means one of four things (`Meaning`), decided by the Slack side's one table of
error codes: retry later, pause (not retried; the feature reacts and its owner is told),
pause everything (the bot's token is refused), or drop. A 429 is waited out (its
Retry-After holds every sending thread) and the post is sent again under the same lease.
"""

from __future__ import annotations

import enum
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.leases import (
    DROPPED,
    FINAL,
    PAUSED,
    RELEASED,
    SENT,
    UNCERTAIN,
    Lease,
    Leases,
    record_key,
)
from bot.pacing import Pacer
from bot.store import Store
from bot.workers import WorkerPool

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # long enough for a send with its retries; short for a takeover
HALT = timedelta(minutes=5)  # how long every post waits after the bot's token was refused
MAX_RATE_LIMITED = 5  # 429s waited out under one lease before the post is given back
WORKERS = 8


class Meaning(enum.Enum):
    RETRY = "retry later"
    PAUSE = "pause and tell the owner"
    PAUSE_ALL = "pause every post until the bot's token works"
    DROP = "drop"


class Refused(Exception):
    """Slack refused the post; `meaning` says what the outbox does about it."""

    def __init__(self, code: str, meaning: Meaning, reason: str) -> None:
        super().__init__(f"Slack answered {code}: {reason}")
        self.code = code
        self.meaning = meaning
        self.reason = reason


class RateLimited(Exception):
    def __init__(self, retry_after: float) -> None:
        super().__init__(f"rate limited; retry after {retry_after:g} s")
        self.retry_after = retry_after


class Uncertain(Exception):
    """The request may have reached Slack (a timeout, a dropped connection): not repeated."""


@dataclass(frozen=True)
class DueItem:
    kind: str
    target: str
    slot: str
    channel: str  # where it is posted: paced per channel
    compose: Callable[[], object | None]  # the message; None when there is nothing to post
    owner: str | None = None  # the person told when it is paused
    urgent: bool = False  # goes ahead of a backlog of tips (a hold nudge, a reminder)
    after_sent: Callable[[object], object] | None = None
    # The feature's reaction to a pause (pause its schedule, …); returns the owner's message.
    paused: Callable[[Refused], str | None] | None = None

    @property
    def key(self) -> str:
        return record_key(self.kind, self.target, self.slot)


@dataclass(frozen=True)
class Route:
    """The Slack side of a feature: how its message is sent, and how a person is told."""

    send: Callable[[DueItem, object], str | None]  # returns the message's ts, if any
    tell: Callable[[str, str], None]  # (user, text): a direct message


class _LeaseLost(Exception):
    pass


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Outbox:
    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        *,
        owner: str | None = None,
        lease: timedelta = LEASE,
        pacer: Pacer | None = None,
        workers: int = WORKERS,
    ) -> None:
        self.clock = clock
        self.leases = Leases(store, owner or process_owner(), lease)
        self.pacer = pacer or Pacer()
        self.pool = WorkerPool(workers)
        self._halted_until: datetime | None = None

    @property
    def owner(self) -> str:
        return self.leases.owner

    def state(self, kind: str, target: str, slot: str) -> str | None:
        """The item's record: None (never tried), leased, sending, released, or final."""
        return self.leases.state(record_key(kind, target, slot))

    def finished(self, kind: str, target: str, slot: str) -> bool:
        """Sent, or stopped for good: no longer due."""
        return self.state(kind, target, slot) in FINAL

    def submit(self, item: DueItem, route: Route) -> bool:
        """Send `item` on a sending thread; False if it is already queued here."""
        return self.pool.submit(
            item.key, lambda: self.deliver(item, route), priority=0 if item.urgent else 1
        )

    def wait_idle(self, timeout: float | None = None) -> bool:
        return self.pool.wait_idle(timeout)

    def forget_before(self, cutoff: datetime) -> int:
        return self.leases.forget_before(cutoff)

    def deliver(self, item: DueItem, route: Route) -> str:
        """The whole loop for one item, on this thread. Returns what became of it."""
        now = self.clock()
        if self._halted_until is not None and now < self._halted_until:
            return "halted"
        lease = self.leases.take(item.key, _fields(item), now)
        if lease is None:
            return "taken"
        try:
            message = item.compose()
        except Exception:
            log.exception("Composing %s failed; it will be tried again", item.key)
            self.leases.release(lease, now + _backoff(lease.attempt), "compose failed")
            return RELEASED
        if message is None:
            self.leases.finish(lease, DROPPED, now, reason="nothing to post any more")
            return DROPPED
        try:
            ts = self._send(item, route, message, lease)
        except _LeaseLost:
            log.warning("Lost the lease on %s while waiting; the new holder sends it", item.key)
            return "lost"
        except Refused as refusal:
            return self._refused(item, route, lease, refusal)
        except Uncertain as error:
            self.leases.finish(lease, UNCERTAIN, self.clock(), reason=str(error))
            log.warning(
                "%s may or may not have reached Slack (%s); it is not sent again, so that it "
                "cannot appear twice",
                item.key,
                error,
            )
            return UNCERTAIN
        self._record_sent(item, lease, message, ts)
        return SENT

    def _send(self, item: DueItem, route: Route, message: object, lease: Lease) -> str | None:
        self.pacer.wait_hold()  # a long Retry-After is waited out while still only leased
        with self.pacer.turn(item.channel):
            if not self.leases.sending(lease, self.clock()):
                raise _LeaseLost
            for _ in range(MAX_RATE_LIMITED):
                self.pacer.ready(item.channel)
                try:
                    return route.send(item, message)
                except RateLimited as limited:
                    # Slack did not take it: safe to send again once the wait is over.
                    log.info("Slack asked to wait %g s before %s", limited.retry_after, item.key)
                    self.pacer.hold(limited.retry_after)
                    if not self.leases.renew(lease, self.clock()):
                        raise _LeaseLost from None
        raise Refused("ratelimited", Meaning.RETRY, f"{MAX_RATE_LIMITED} 429s in a row")

    def _record_sent(self, item: DueItem, lease: Lease, message: object, ts: str | None) -> None:
        try:
            self.leases.finish(lease, SENT, self.clock(), ts=ts)
        except Exception:
            log.exception(
                "Posted %s (ts %s) but could not record it: when its lease expires another "
                "instance may post it again, and will log it as a possible duplicate",
                item.key,
                ts,
            )
            return
        if item.after_sent is not None:
            try:
                item.after_sent(message)
            except Exception:
                log.exception("Posted %s, but the follow-up step failed", item.key)

    def _refused(self, item: DueItem, route: Route, lease: Lease, refusal: Refused) -> str:
        now = self.clock()
        if refusal.meaning is Meaning.RETRY:
            retry_at = now + _backoff(lease.attempt)
            self.leases.release(lease, retry_at, refusal.code)
            log.error(
                "%s failed (%s); it will be tried again from %s",
                item.key,
                refusal,
                retry_at.isoformat(timespec="seconds"),
            )
            return RELEASED
        if refusal.meaning is Meaning.PAUSE_ALL:
            self._halted_until = now + HALT
            self.leases.release(lease, self._halted_until, refusal.code)
            log.error(
                "Every scheduled post is paused for %s: %s. Check SLACK_BOT_TOKEN (reinstall "
                "the app if it was revoked); posts still due are sent once it works again.",
                HALT,
                refusal,
            )
            return RELEASED
        state = PAUSED if refusal.meaning is Meaning.PAUSE else DROPPED
        self.leases.finish(lease, state, now, code=refusal.code, reason=refusal.reason)
        if state == DROPPED:
            log.error("%s is dropped: %s", item.key, refusal)
            return DROPPED
        log.warning("%s is paused: %s", item.key, refusal)
        self._tell_owner(item, route, refusal)
        return PAUSED

    def _tell_owner(self, item: DueItem, route: Route, refusal: Refused) -> None:
        try:
            text = item.paused(refusal) if item.paused is not None else None
            if text and item.owner:
                with self.pacer.turn(item.owner):
                    self.pacer.ready(item.owner)
                    route.tell(item.owner, text)
        except Exception:
            log.exception("Could not tell %s that %s is paused", item.owner, item.key)


def _fields(item: DueItem) -> dict[str, str]:
    return {"kind": item.kind, "target": item.target, "slot": item.slot}


def _backoff(attempt: int) -> timedelta:
    """15 s, 30 s, 1 min … up to 10 min between tries of a post Slack keeps refusing."""
    return timedelta(seconds=min(15 * 2 ** max(attempt - 1, 0), 600))
