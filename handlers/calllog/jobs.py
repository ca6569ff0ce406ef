"""The call log's ticker jobs: follow-up reminders, and the daily retention purge."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.agent_time import agent_zone
from bot.calllog.model import CallRecord
from bot.calllog.retention import purge_daily
from bot.services import Services
from handlers.calllog.blocks import reminder_message
from handlers.clients import maybe_sent

Job = Callable[[datetime], None]


def call_jobs(services: Services, post_message: Callable[..., Any]) -> dict[str, Job]:
    """{name: job}. `post_message` is chat.postMessage (called with channel, text, blocks)."""
    calls = services.calls
    settings = services.settings

    def post(channel: str, message: dict[str, Any]) -> None:
        with maybe_sent():
            post_message(channel=channel, **message)

    def remind(now: datetime) -> None:
        def message(record: CallRecord) -> dict[str, Any]:
            # In the agent's own zone from Slack, so "tomorrow 09:00" is their morning.
            return reminder_message(
                record, agent_zone(services.people, record.agent, settings.timezone)
            )

        calls.send_due_reminders(now, post, message)

    def retain(now: datetime) -> None:
        purge_daily(services.store, now, settings.retention_days, settings.zone)

    return {"call follow-up reminders": remind, "call retention": retain}
