"""Retention: calls older than BOT_RETENTION_DAYS are purged once a day, and on demand."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time, timedelta

from bot.calllog.log import CallLog
from bot.calllog.reminders import Reminders
from bot.schedule_text import Zone
from bot.store import Store

log = logging.getLogger(__name__)

RUNS = "call_retention_runs"


def purge_before(store: Store, cutoff: datetime) -> int:
    """Delete calls created before `cutoff`, and the reminders that belonged to them."""
    calls = CallLog(store)
    purged = calls.purge_before(cutoff)
    reminders = Reminders(store)
    reminders.forget_missing(lambda call_id: calls.get(call_id) is not None)
    reminders.purge_claims_before(cutoff)
    return purged


def purge_daily(store: Store, now: datetime, days: int, zone: Zone) -> int | None:
    """Purge once per local day; None when today's purge already ran."""
    today = now.astimezone(zone.info).date()
    if not store.claim(RUNS, today.isoformat(), {"ran_at": now.isoformat()}):
        return None
    cutoff = now - timedelta(days=days)
    purged = purge_before(store, cutoff)
    store.delete_where(RUNS, lambda doc: str(doc["ran_at"]) < cutoff.isoformat())
    log.info(
        "Retention: purged %d call(s) logged before %s (older than %d days)",
        purged,
        cutoff.isoformat(timespec="minutes"),
        days,
    )
    return purged


def start_of(day: date, zone: Zone) -> datetime:
    """Midnight at the start of `day` in the bot's time zone, as UTC."""
    return datetime.combine(day, time(0), tzinfo=zone.info).astimezone(UTC)
