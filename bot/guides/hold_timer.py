"""Hold timers: one per agent, kept in the store so a restart does not lose them.

The articles' rule is never to leave a customer on hold for more than a minute. "Customer on
hold" starts a timer; once it has run a minute its nudge is due, and the ticker hands it to
the outbox, which sends it once (across ticks, restarts and instances); then the timer is
deleted. "Back with customer" cancels it, and a cancelled timer's nudge is not sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.content import Content
from bot.store import Doc, Store

COLLECTION = "hold_timers"
HOLD_LIMIT = timedelta(seconds=60)
ON_HOLD_GUIDE = "on-hold"
# Used only if a team's content has no on-hold guide with phrases.
FALLBACK_PHRASE = "Thank you so much for holding. Here's where we are."


@dataclass(frozen=True)
class HoldTimer:
    user: str
    started_at: datetime
    channel: str | None  # None when the guide is open in a modal: the nudge goes to the DM

    @property
    def due_at(self) -> datetime:
        return self.started_at + HOLD_LIMIT


class HoldTimers:
    def __init__(self, store: Store) -> None:
        self.store = store

    def start(self, user: str, channel: str | None, now: datetime) -> HoldTimer:
        """Start (or restart) the user's timer."""
        timer = HoldTimer(user, now, channel)
        self.store.put(
            COLLECTION,
            user,
            {"started_at": now.isoformat(), "due_at": timer.due_at.isoformat(), "channel": channel},
        )
        return timer

    def get(self, user: str) -> HoldTimer | None:
        doc = self.store.get(COLLECTION, user)
        if doc is None:
            return None
        return _timer(user, doc)

    def cancel(self, user: str) -> HoldTimer | None:
        """Stop the user's timer; returns it if one was running."""
        timer = self.get(user)
        return timer if timer is not None and self.store.delete(COLLECTION, user) else None

    def due(self, now: datetime) -> list[HoldTimer]:
        """Timers that have run their minute: their nudge is due."""
        return [
            _timer(user, doc)
            for user, doc in self.store.scan(COLLECTION, lambda d: _when(d["due_at"]) <= now)
        ]

    def running(self, timer: HoldTimer) -> bool:
        """Whether `timer` still runs (not cancelled, not restarted)."""
        return self.get(timer.user) == timer

    def finish(self, timer: HoldTimer) -> bool:
        """Delete the timer after its nudge; a hold restarted since is left running."""
        if not self.running(timer):
            return False
        return self.store.delete(COLLECTION, timer.user)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _timer(user: str, doc: Doc) -> HoldTimer:
    return HoldTimer(user, _when(doc["started_at"]), doc.get("channel"))


def return_phrases(content: Content) -> tuple[str, ...]:
    """What to say when going back to the customer: the on-hold guide's phrases after its
    first step (which asks permission to hold), the plain thank-you first."""
    try:
        guide = content.guide(ON_HOLD_GUIDE)
    except KeyError:
        return (FALLBACK_PHRASE,)
    phrases = [step.phrase for step in guide.steps[1:] if step.phrase]
    return tuple(reversed(phrases)) or (FALLBACK_PHRASE,)
