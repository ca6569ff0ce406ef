"""The managers' App Home panel: the last 7 days at a glance, the agents who need attention
first, the tips teams found helpful, and buttons for common queries.

Managers only: agents' own follow-ups and recent calls are the call log's panel.
"""

from __future__ import annotations

from bot.services import Services
from handlers.blocks import Block
from handlers.reports.blocks import home_panel


def manager_panel(services: Services, user: str) -> list[Block]:
    reports = services.reports
    if not reports.is_manager(user):
        return []
    summary = reports.query(user, "7d", manager=True).summary
    agents, view, _ = reports.by_agent(user, "7d")
    tips, _, _ = reports.tips(user, "30d")
    assert summary is not None, "7d always parses"
    return home_panel(summary, agents, tips, view)
