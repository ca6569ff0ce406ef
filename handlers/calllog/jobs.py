"""The call log's ticker jobs: follow-up reminders (through the outbox), and the daily
retention purge (which also forgets the outbox's old records)."""

from __future__ import annotations

from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.agent_time import agent_zone
from bot.calllog.reminders import KIND, Reminder
from bot.calllog.retention import purge_daily
from bot.outbox import DueItem
from bot.scheduler import Job
from bot.services import Services
from handlers.calllog.blocks import reminder_message
from handlers.outbox_sender import posted_ts, slack_route

# A finished post's record is needed only while its window can still be open: a weekly
# digest's day, a tip's day, a reminder until it is stamped sent. Kept a little longer.
RECORDS_KEPT = timedelta(days=8)


def send_reminder(client: WebClient, item: DueItem, message: object) -> str | None:
    assert isinstance(message, dict)
    return posted_ts(client.chat_postMessage(channel=item.channel, **message))


def call_jobs(services: Services, client: WebClient) -> dict[str, Job]:
    """{name: job}."""
    calls = services.calls
    settings = services.settings
    route = slack_route(client, send_reminder)

    def remind(now: datetime) -> None:
        for reminder, record in calls.due_reminders(now):
            if services.outbox.finished(KIND, reminder.call_id, reminder.slot):
                calls.reminders.mark_sent(reminder)  # sent before a stop, not yet stamped
                continue
            services.outbox.submit(_item(services, reminder, record.agent), route)

    def retain(now: datetime) -> None:
        if purge_daily(services.store, now, settings.retention_days, settings.zone) is not None:
            services.outbox.forget_before(now - RECORDS_KEPT)

    return {"call follow-up reminders": remind, "call retention": retain}


def _item(services: Services, reminder: Reminder, agent: str) -> DueItem:
    calls = services.calls

    def compose() -> dict[str, object] | None:
        # Done, deleted or snoozed since it was found: nothing to send for this time.
        record = calls.still_due(reminder)
        if record is None:
            return None
        # In the agent's own zone from Slack, so "tomorrow 09:00" is their morning.
        zone = agent_zone(services.people, agent, services.settings.timezone)
        return reminder_message(record, zone)

    return DueItem(
        kind=KIND,
        target=reminder.call_id,
        slot=reminder.slot,
        channel=agent,  # the agent's DM
        compose=compose,
        urgent=True,
        after_sent=lambda _message: calls.reminders.mark_sent(reminder),
    )
