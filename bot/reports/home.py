"""The managers' App Home panel: the last 7 days at a glance and buttons for common queries.

Managers only: agents' own follow-ups and recent calls are the call log's panel.
"""

from __future__ import annotations

from bot.blocks import Block
from bot.calllog.log import CallLog
from bot.reports.access import directory_of
from bot.reports.blocks import home_panel
from bot.reports.query import Filter, LastDays
from bot.reports.summary import summarize
from bot.services import Services


def manager_panel(services: Services, user: str) -> list[Block]:
    if not directory_of(services).is_manager(user):
        return []
    summary = summarize(
        CallLog(services.store),
        Filter(period=LastDays(7)),
        services.clock.now(),
        services.settings.timezone,
    )
    return home_panel(summary)
