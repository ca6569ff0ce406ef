"""The per-agent view: each agent's calls, heat, outcomes, overdue follow-ups and change
against the previous period, the agents who need attention first.

The store counts (`Store.call_agents`: in SQL on PostgreSQL, over TinyStore's indexes),
copying nothing out of it, so it stays fast on a large log (bench/test_reports_bench.py).

"Needs attention" orders by, in turn: follow-ups overdue now (a customer is waiting), calls
that ended escalated or unresolved, hot calls (heat 4 or 5), the rise against the previous
period, and the number of calls. Overdue follow-ups are counted whenever the call was logged,
as the other filters allow: a promise broken last month still needs chasing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.calllog.log import CallLog
from bot.reports.period import Window
from bot.reports.query import Filter
from bot.reports.summary import call_filter

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
    # Counted by the store (in SQL on PostgreSQL), nothing copied out of it.
    figures = log.store.call_agents(
        call_filter(flt, window), _iso(window.previous.since), _iso(now)
    )
    rows = [
        AgentRow(f.agent, f.calls, f.previous, f.heat_total, f.hot, f.overdue, f.outcomes)
        for f in figures
    ]
    return AgentReport(flt, window, sorted(rows, key=AgentRow.attention))
