"""Demo data: a store filled with realistic difficult calls, tip schedules and report audit
entries, for newcomers trying the managers' reports and for benchmarks and load tests.

Deterministic for a given seed and `now`. Written in bulk (`Store.add_many`): the embedded
store writes each month's file once, PostgreSQL inserts in one transaction, so 100,000
calls take seconds, not the hours one atomic write per call would.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from bot.calllog.log import COLLECTION as CALLS
from bot.calllog.model import CONTACTS, HEAT_RANGE, OUTCOMES
from bot.recurring import WEEKDAYS, Recurrence
from bot.reports.access import AUDIT
from bot.store import Doc, Store
from bot.tips.schedules import SCHEDULES, ChannelSchedule, to_doc

TEAM = "T0DEMO"
AGENTS = 40
MANAGERS = ("U0MANAGER1", "U0MANAGER2")
BATCH = 20_000  # calls per add_many: bounds the memory a load holds at once
ZONES = ("America/Chicago", "Europe/London", "Asia/Kolkata", "America/New_York", "UTC")
# Weights: most difficult calls are resolved; few stay unresolved.
OUTCOME_WEIGHTS = (50, 20, 18, 12)
HEATS = tuple(HEAT_RANGE)
HEAT_WEIGHTS = (10, 25, 35, 20, 10)
OPENERS = (
    "Customer was upset that",
    "Caller said",
    "Long call:",
    "Repeat contact;",
    "Customer threatened to cancel because",
    "Escalated by the customer, who felt",
)
PROBLEMS = (
    "they were charged twice for the same order",
    "the parcel was marked delivered but never arrived",
    "the refund promised last week has not shown up",
    "their account was locked after a password reset",
    "the replacement arrived damaged",
    "the invoice shows the wrong address",
    "the courier missed two delivery slots",
    "the subscription renewed after they cancelled it",
    "the app keeps logging them out",
    "the discount code was refused at checkout",
)
ACTIONS = (
    "I acknowledged the frustration and summarised the problem back.",
    "Offered a callback once billing confirms.",
    "Explained the next steps and the timeline in writing.",
    "Apologised for the delay and escalated to the courier team.",
    "Asked for a supervisor review; customer calmer by the end.",
    "Gave two options and let the customer choose.",
)
FILTERS = ("30d", "7d", "30d category:billing", "90d heat:4+", "30d outcome:escalated")
COMMANDS = ("query", "export", "chart", "digest", "home")


@dataclass(frozen=True)
class DemoCounts:
    calls: int
    schedules: int
    audit: int


def demo_calls(
    count: int, days: int, now: datetime, categories: Sequence[str], seed: int = 14
) -> list[Doc]:
    """`count` calls spread evenly over the `days` before `now`, oldest first, in working
    hours (UTC 08:00-18:00); a fifth of promised callbacks are still open."""
    rng = random.Random(seed)
    start = now - timedelta(days=max(days, 1))
    span = (now - start).total_seconds()
    docs = []
    for n in range(count):
        day = start + timedelta(seconds=span * n / max(count, 1))
        created = day.replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(
            seconds=rng.randrange(10 * 3600)
        )
        created = min(created, now - timedelta(minutes=1)).astimezone(UTC)
        docs.append(_call(rng, created, now, categories))
    return docs


def _call(rng: random.Random, created: datetime, now: datetime, categories: Sequence[str]) -> Doc:
    """A stored call document, as `CallRecord.to_doc` writes it (built directly: `asdict`
    would take most of a 100,000-call load; a test checks the two agree)."""
    outcome = rng.choices(OUTCOMES, OUTCOME_WEIGHTS)[0]
    due = done = None
    if outcome == "callback promised":
        due = created + timedelta(hours=rng.choice((2, 4, 24, 48)))
        if due < now and rng.random() < 0.8:
            done = due - timedelta(minutes=rng.randrange(1, 90))
    notes = f"{rng.choice(OPENERS)} {rng.choice(PROBLEMS)}. {rng.choice(ACTIONS)}"
    return {
        "team": TEAM,
        "agent": f"U0AGENT{rng.randrange(AGENTS):03d}",
        "created_at": created.isoformat(),
        "category": rng.choice(categories),
        "heat": rng.choices(HEATS, HEAT_WEIGHTS)[0],
        "outcome": outcome,
        "notes": notes,
        "contact": rng.choice(CONTACTS),
        "reference": f"ORD-{rng.randrange(10**6):06d}" if rng.random() < 0.6 else None,
        "steps": [f"general:{step}" for step in range(1, rng.randint(1, 4))],
        "follow_up_due": due.isoformat() if due else None,
        "follow_up_done_at": done.isoformat() if done else None,
        "updated_at": None,
        "masked": False,
        "masked_kinds": [],
    }


def demo_schedules(count: int, now: datetime) -> list[ChannelSchedule]:
    return [
        ChannelSchedule(
            f"C0DEMO{n:05d}",
            Recurrence(time(9 + n % 8, 0), ZONES[n % len(ZONES)], WEEKDAYS),
            MANAGERS[n % len(MANAGERS)],
            now - timedelta(days=30),
        )
        for n in range(count)
    ]


def demo_audit(count: int, days: int, now: datetime, seed: int = 14) -> list[Doc]:
    rng = random.Random(seed + 1)
    step = timedelta(days=max(days, 1)) / max(count, 1)
    start = now - timedelta(days=max(days, 1))
    return [
        {
            "user": rng.choice(MANAGERS),
            "at": (start + step * n).isoformat(),
            "command": (command := rng.choice(COMMANDS)),
            "filter": (shown := rng.choice(FILTERS)),
            "text": shown if command == "query" else command,
            "matched": rng.randrange(500),
        }
        for n in range(count)
    ]


def fill(
    store: Store,
    *,
    calls: int,
    days: int,
    channels: int,
    now: datetime,
    categories: Sequence[str],
    seed: int = 14,
) -> DemoCounts:
    """Add the demo calls, schedules and audit entries to `store`; return what was added."""
    docs = demo_calls(calls, days, now, categories, seed)
    for first in range(0, len(docs), BATCH):
        store.add_many(CALLS, docs[first : first + BATCH])
    schedules = demo_schedules(channels, now)
    for schedule in schedules:
        store.put(SCHEDULES, schedule.channel, to_doc(schedule))
    audit = demo_audit(max(days, 1) * 2, days, now, seed)
    store.add_many(AUDIT, audit)
    return DemoCounts(len(docs), len(schedules), len(audit))
