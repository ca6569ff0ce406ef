"""The managers' reports as one object the listeners call: who may ask, what the answer is,
and what goes into the audit. Free of Slack: it returns text and plain data, and the
listeners turn that into blocks.

Every answer is worded for its reader: people by name (through the user directory), times
and "today" in the reader's own Slack time zone unless the filter names one (`zone:…`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.calllog.log import CallLog
from bot.calllog.model import CallRecord
from bot.clock import Clock
from bot.content import Content
from bot.people import People
from bot.reports.access import AuditEntry, ManagerDirectory, audit
from bot.reports.agents import AgentReport, agent_report
from bot.reports.digest import USAGE as DIGEST_USAGE
from bot.reports.period import Window
from bot.reports.query import SYNTAX, Filter, QueryError, parse_filter
from bot.reports.summary import Summary, matching, summarize, window_of
from bot.reports.tip_votes import TipReport, tip_report
from bot.reports.wording import Viewpoint, summary_text
from bot.schedule_text import Zone
from bot.store import Store

HELP = (
    f"{SYNTAX}\n\n"
    "*Managers also have:*\n"
    "• `/calls by agent [period] [filters]`: each agent's calls, heat, outcomes, overdue "
    "follow-ups and change, who needs attention first\n"
    "• `/calls tips [period]`: which tips each channel found helpful\n"
    "• `/calls export [filters]`: a spreadsheet (CSV) of the matching calls, in a direct "
    "message\n"
    "• `/calls chart [filters]`: a chart of calls per day by category, beside the period "
    "before (`/calls chart by outcome 30d` for outcomes)\n"
    f"{DIGEST_USAGE}"
)

OTHERS_CALLS = "see other people's calls"


@dataclass(frozen=True)
class Reply:
    text: str
    summary: Summary | None = None  # shown as blocks by the listener, with `note` above it
    note: str | None = None
    audit: AuditEntry | None = field(default=None, compare=False)
    view: Viewpoint | None = None


@dataclass(frozen=True)
class Selection:
    """A manager's filter made concrete, for an export or a chart."""

    filter: Filter
    window: Window
    records: list[CallRecord]  # newest first
    view: Viewpoint


class Reports:
    def __init__(
        self,
        store: Store,
        clock: Clock,
        content: Content,
        directory: ManagerDirectory,
        people: People,
        zone: Zone,
    ) -> None:
        self.store = store
        self.clock = clock
        self.content = content
        self.log = CallLog(store)
        self.directory = directory
        self.people = people
        self.zone = zone

    def is_manager(self, user: str) -> bool:
        return self.directory.is_manager(user)

    def refusal(self, action: str) -> Reply:
        """A polite no that says whom to ask, and what the person can do instead."""
        return Reply(
            f"Sorry, only managers can {action}. If you need this, please ask "
            f"{self.directory.who_to_ask()}. You can always see your own calls: try `/calls 30d`."
        )

    def zone_of(self, user: str) -> Zone:
        """The reader's own Slack time zone, or the bot's when Slack does not say."""
        return self.people.zone_of(user, self.zone)

    def viewpoint(self, user: str, manager: bool, shown: Iterable[str] = ()) -> Viewpoint:
        """How to word an answer for `user`: their zone, and the names of the people shown."""
        return Viewpoint(self.zone_of(user), self.people.names(shown), manager)

    def parse(self, text: str) -> Filter:
        return parse_filter(text, self.content.categories)

    def query(self, user: str, text: str, *, manager: bool, command: str = "query") -> Reply:
        """The answer to `/calls [filters]` (or a button that asks it) for `user`."""
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
        summary = summarize(self.log, flt, now, self.zone_of(user))
        shown = {record.agent for record in summary.recent} | set(flt.agents)
        entry = None
        if manager:
            entry = AuditEntry(user, now, command, flt.plain(), text, summary.count)
        view = self.viewpoint(user, manager, shown)
        return Reply(summary_text(summary), summary, note, entry, view)

    def select(self, user: str, text: str) -> Selection:
        """The calls a manager's export or chart covers; QueryError if the filter is bad."""
        flt = self.parse(text)
        window = window_of(flt, self.clock.now(), self.zone_of(user))
        records = matching(self.log, flt, window)
        view = self.viewpoint(user, True, {record.agent for record in records})
        return Selection(flt, window, records, view)

    def by_agent(self, user: str, text: str) -> tuple[AgentReport, Viewpoint, AuditEntry]:
        """A manager's per-agent view; QueryError if the filter is bad."""
        flt = self.parse(text)
        now = self.clock.now()
        report = agent_report(self.log, flt, window_of(flt, now, self.zone_of(user)), now)
        view = self.viewpoint(user, True, (row.agent for row in report.rows))
        entry = AuditEntry(user, now, "by agent", flt.plain(), text, report.calls)
        return report, view, entry

    def tips(self, user: str, text: str) -> tuple[TipReport, Viewpoint, AuditEntry]:
        """Which tips each channel found helpful; QueryError if the period is bad."""
        flt = self.parse(text)
        if flt != Filter(period=flt.period, zone=flt.zone):
            raise QueryError(["`/calls tips` takes a period only, such as `/calls tips 30d`"])
        now = self.clock.now()
        report = tip_report(self.store, self.content, window_of(flt, now, self.zone_of(user)))
        entry = AuditEntry(user, now, "tips", flt.plain(), text, report.votes)
        return report, self.viewpoint(user, True), entry

    def audit(self, entry: AuditEntry | None) -> None:
        """Keep a manager's query in the audit trail (agents' own queries have no entry)."""
        if entry is not None:
            audit(self.store, entry)
