"""Who may see what: managers see every call, everyone else only their own.

Managers are the user IDs in BOT_MANAGERS and the members of the BOT_MANAGER_GROUP user
group. The group is looked up through Slack at most once every 10 minutes; the lookup itself
is handed in (`GroupLookup`), so this module stays free of Slack.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.clock import Clock
from bot.config import Settings
from bot.store import Store

log = logging.getLogger(__name__)

GROUP_CACHE = timedelta(minutes=10)
AUDIT = "report_audit"

# Members of a user group, or None when Slack could not say (the reason is logged there).
GroupLookup = Callable[[str], list[str] | None]


class ManagerDirectory:
    def __init__(self, settings: Settings, clock: Clock) -> None:
        self.settings = settings
        self.clock = clock
        self.lookup: GroupLookup | None = None
        self._members: frozenset[str] = frozenset()
        self._fetched_at: datetime | None = None
        self._lock = threading.Lock()

    def use_lookup(self, lookup: GroupLookup) -> None:
        """Set how to read the group, once; the Slack edge does so when it registers."""
        with self._lock:
            if self.lookup is None:
                self.lookup = lookup

    def group_members(self) -> frozenset[str]:
        group = self.settings.manager_group
        if group is None or self.lookup is None:
            return frozenset()
        with self._lock:
            now = self.clock.now()
            fresh = self._fetched_at is not None and now - self._fetched_at < GROUP_CACHE
            if not fresh:
                members = self.lookup(group)
                # A failed lookup keeps the last good list rather than locking managers out.
                if members is not None:
                    self._members = frozenset(members)
                self._fetched_at = now
            return self._members

    def is_manager(self, user: str) -> bool:
        return user in self.settings.managers or user in self.group_members()

    def who_to_ask(self) -> str:
        """Whom a refused user can ask, as mentions (mrkdwn)."""
        names = [f"<@{user}>" for user in sorted(self.settings.managers)]
        if self.settings.manager_group:
            names.append(f"<!subteam^{self.settings.manager_group}>")
        if not names:
            return (
                "your team lead (no managers are set up yet: whoever runs the bot names them "
                "in `BOT_MANAGERS` or `BOT_MANAGER_GROUP`)"
            )
        if len(names) == 1:
            return names[0]
        return ", ".join(names[:-1]) + " or " + names[-1]


@dataclass(frozen=True)
class AuditEntry:
    user: str
    at: datetime
    command: str  # query, export, chart, digest, home
    filter: str  # the canonical filter text, or the digest settings
    text: str  # what the manager typed or pressed
    matched: int | None = None


def audit(store: Store, entry: AuditEntry) -> None:
    store.add(
        AUDIT,
        {
            "user": entry.user,
            "at": entry.at.isoformat(),
            "command": entry.command,
            "filter": entry.filter,
            "text": entry.text,
            "matched": entry.matched,
        },
    )
