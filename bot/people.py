"""Who a Slack user ID is: their display name and time zone, cached for a while.

The reports show names, not raw IDs, and times in the reader's own zone. Slack knows both
(users.info); asking it on every query would be slow and would soon be rate limited, so each
answer is kept for `FRESH` (a user nobody could find, for `UNKNOWN_FRESH`). The fetch itself is
handed in (`PeopleLookup`) by the Slack edge, so this module stays free of Slack.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.schedule_text import Zone

log = logging.getLogger(__name__)

FRESH = timedelta(hours=1)
UNKNOWN_FRESH = timedelta(minutes=10)


@dataclass(frozen=True)
class Person:
    id: str
    name: str  # what Slack shows: the display name, else the real name, else the handle
    zone: Zone | None = None  # such as Europe/London
    zone_label: str | None = None  # Slack's words for it, such as "Greenwich Mean Time"


# Fetch these users: the ones found (a user Slack does not know is left out), or None when
# Slack could not answer at all (the reason is logged there).
PeopleLookup = Callable[[list[str]], Mapping[str, Person] | None]


@dataclass(frozen=True)
class _Entry:
    person: Person | None  # None: Slack does not know this ID
    fetched_at: datetime


class People:
    """The user directory: `names()` and `person()` answer from the cache, fetching what is
    missing or stale in one lookup. Without a lookup (or when Slack fails) IDs stay IDs."""

    def __init__(self, clock: Clock, fresh: timedelta = FRESH) -> None:
        self.clock = clock
        self.fresh = fresh
        self.lookup: PeopleLookup | None = None
        self._cache: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def use_lookup(self, lookup: PeopleLookup) -> None:
        """Set how to ask Slack, once; the Slack edge does so when it registers."""
        with self._lock:
            if self.lookup is None:
                self.lookup = lookup

    def resolve(self, ids: Iterable[str]) -> dict[str, Person]:
        """The people among `ids` that can be resolved; the rest are left out."""
        wanted = sorted({user for user in ids if user})
        now = self.clock.now()
        with self._lock:
            stale = [user for user in wanted if not self._is_fresh(user, now)]
        if stale and self.lookup is not None:
            found = self.lookup(stale)
            if found is not None:
                with self._lock:
                    for user in stale:
                        self._cache[user] = _Entry(found.get(user), now)
        with self._lock:
            # A failed lookup keeps the last good answer, however old.
            entries = (self._cache.get(user) for user in wanted)
            return {e.person.id: e.person for e in entries if e is not None and e.person}

    def person(self, user: str) -> Person | None:
        return self.resolve([user]).get(user)

    def names(self, ids: Iterable[str]) -> dict[str, str]:
        return {user: person.name for user, person in self.resolve(ids).items()}

    def zone_of(self, user: str, default: Zone) -> Zone:
        """The user's own time zone from Slack, or `default` when Slack does not say."""
        person = self.person(user)
        return person.zone if person is not None and person.zone else default

    def _is_fresh(self, user: str, now: datetime) -> bool:
        entry = self._cache.get(user)
        if entry is None:
            return False
        limit = self.fresh if entry.person is not None else min(self.fresh, UNKNOWN_FRESH)
        return now - entry.fetched_at < limit
