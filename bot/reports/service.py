"""The managers' reports as one object the listeners call: who may ask, what the answer is,
and what goes into the audit. Free of Slack: it returns text and a summary, and the listeners
turn the summary into blocks."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.clock import Clock
from bot.content import Content
from bot.reports.access import AuditEntry, ManagerDirectory, audit
from bot.reports.digest import USAGE as DIGEST_USAGE
from bot.reports.query import SYNTAX, Filter, QueryError, parse_filter
from bot.reports.summary import Summary, Window, matching, summarize, window_for
from bot.reports.wording import summary_text
from bot.store import Store

HELP = (
    f"{SYNTAX}\n\n"
    "*Managers also have:*\n"
    "• `/calls export [filters]`: a spreadsheet (CSV) of the matching calls, in a direct "
    "message\n"
    "• `/calls chart [filters]`: a chart of calls per day by category\n"
    f"{DIGEST_USAGE}"
)


OTHERS_CALLS = "see other people's calls"


@dataclass(frozen=True)
class Reply:
    text: str
    summary: Summary | None = None  # shown as blocks by the listener, with `note` above it
    note: str | None = None
    audit: AuditEntry | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Selection:
    """A manager's filter made concrete, for an export or a chart."""

    filter: Filter
    window: Window
    records: list[CallRecord]  # newest first


class Reports:
    def __init__(
        self, store: Store, clock: Clock, content: Content, directory: ManagerDirectory, zone: str
    ) -> None:
        self.store = store
        self.clock = clock
        self.content = content
        self.log = CallLog(store)
        self.directory = directory
        self.zone = zone

    def is_manager(self, user: str) -> bool:
        return self.directory.is_manager(user)

    def refusal(self, action: str) -> Reply:
        """A polite no that says whom to ask, and what the person can do instead."""
        return Reply(
            f"Sorry, only managers can {action}. If you need this, please ask "
            f"{self.directory.who_to_ask()}. You can always see your own calls: try `/calls 30d`."
        )

    def parse(self, text: str) -> Filter:
        return parse_filter(text, self.content.categories)

    def query(self, user: str, text: str, *, manager: bool, command: str = "query") -> Reply:
        """The answer to `/calls [filters]` (or an App Home button) for `user`."""
        try:
            flt = self.parse(text)
        except QueryError as error:
            return Reply(error.message())
        note = None
        if not manager:
            if flt.agents - {user}:
                return self.refusal(OTHERS_CALLS)
            if not flt.agents:
                note = "You can see only your own calls, so these are yours."
            flt = flt.with_agent(user)
        now = self.clock.now()
        summary = summarize(self.log, flt, now, self.zone)
        entry = None
        if manager:
            entry = AuditEntry(user, now, command, flt.plain(), text, summary.count)
        return Reply(summary_text(summary), summary, note, entry)

    def select(self, text: str) -> Selection:
        """The calls a manager's export or chart covers; QueryError if the filter is bad."""
        flt = self.parse(text)
        window = window_for(flt.period, self.clock.now(), self.zone)
        return Selection(flt, window, matching(self.log, flt, window))

    def audit(self, entry: AuditEntry | None) -> None:
        """Keep a manager's query in the audit trail (agents' own queries have no entry)."""
        if entry is not None:
            audit(self.store, entry)
