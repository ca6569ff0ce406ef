"""The managers' App Home panel: the last 7 days at a glance and buttons for common queries.

Managers only: agents' own follow-ups and recent calls are the call log's panel.
"""

from __future__ import annotations

from bot.reports.query import Filter, LastDays
from bot.reports.summary import summarize
from bot.services import Services
from handlers.blocks import Block
from handlers.reports.blocks import home_panel


def manager_panel(services: Services, user: str) -> list[Block]:
    if not services.managers.is_manager(user):
        return []
    summary = summarize(
        services.reports.log,
        Filter(period=LastDays(7)),
        services.clock.now(),
        services.settings.timezone,
    )
    return home_panel(summary)
