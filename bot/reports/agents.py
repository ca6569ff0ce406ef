"""The per-agent view: each agent's calls, heat, outcomes, overdue follow-ups and change
against the previous period, the agents who need attention first.

One pass over the log, counting inside the store's scan and copying nothing out of it, so it
stays fast on a large log (bench/test_reports_bench.py: 100,000 calls).

"Needs attention" orders by, in turn: follow-ups overdue now (a customer is waiting), calls
that ended escalated or unresolved, hot calls (heat 4 or 5), the rise against the previous
period, and the number of calls. Overdue follow-ups are counted whenever the call was logged,
as the other filters allow: a promise broken last month still needs chasing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.calllog.log import COLLECTION, CallLog
from bot.reports.period import Window
from bot.reports.query import Filter

HOT = 4  # heat from which a call counts as hot
TROUBLE = ("escalated", "unresolved")


@dataclass
class AgentRow:
    agent: str
    calls: int = 0
    previous: int = 0
    heat_total: int = 0
    hot: int = 0
    overdue: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)

    @property
    def change(self) -> int:
        return self.calls - self.previous

    @property
    def average_heat(self) -> float | None:
        return self.heat_total / self.calls if self.calls else None

    @property
    def trouble(self) -> int:
        return sum(self.outcomes[outcome] for outcome in TROUBLE)

    def attention(self) -> tuple[int, int, int, int, int, str]:
        """Sort key: who needs attention first."""
        return (-self.overdue, -self.trouble, -self.hot, -self.change, -self.calls, self.agent)

    def outcomes_most_first(self) -> list[tuple[str, int]]:
        return sorted(self.outcomes.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class AgentReport:
    filter: Filter
    window: Window
    rows: list[AgentRow]  # who needs attention first

    @property
    def calls(self) -> int:
        return sum(row.calls for row in self.rows)

    @property
    def previous(self) -> int:
        return sum(row.previous for row in self.rows)


def _iso(when: datetime) -> str:
    return when.astimezone(UTC).isoformat()


def agent_report(log: CallLog, flt: Filter, window: Window, now: datetime) -> AgentReport:
    since, until, before = _iso(window.since), _iso(window.until), _iso(window.previous.since)
    now_iso = _iso(now)
    everything = flt == Filter(period=flt.period, zone=flt.zone)  # no test per call needed
    # Per agent: [calls, previous, heat total, hot, overdue], and outcomes; plain lists and
    # dicts, since this runs for every call of the log.
    figures: dict[str, list[int]] = {}
    outcomes: dict[str, Counter[str]] = {}

    def count(doc: dict[str, Any]) -> bool:
        # The cheap string tests first: most of a large log is outside both periods.
        created = doc.get("created_at") or ""
        due = doc.get("follow_up_due")
        if not (before <= created < until or due):
            return False
        if not everything and not flt.matches_doc(doc):
            return False
        current = since <= created < until
        earlier = not current and before <= created < since
        late = bool(due) and not doc.get("follow_up_done_at") and _iso_of(due) < now_iso
        if not (current or earlier or late):
            return False
        agent = str(doc.get("agent") or "")
        row = figures.get(agent)
        if row is None:
            row = figures[agent] = [0, 0, 0, 0, 0]
            outcomes[agent] = Counter()
        if current:
            heat = int(doc.get("heat", 0))
            row[0] += 1
            row[2] += heat
            row[3] += heat >= HOT
            outcomes[agent][str(doc.get("outcome"))] += 1
        elif earlier:
            row[1] += 1
        if late:
            row[4] += 1
        return False  # counted here: nothing is copied out of the store

    log.store.scan(COLLECTION, count)
    rows = [
        AgentRow(agent, calls, previous, heat, hot, overdue, outcomes[agent])
        for agent, (calls, previous, heat, hot, overdue) in figures.items()
    ]
    return AgentReport(flt, window, sorted(rows, key=AgentRow.attention))


def _iso_of(value: object) -> str:
    return _iso(datetime.fromisoformat(str(value)))
