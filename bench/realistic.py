"""Realistic data for the store benchmarks: a team logging about 100 difficult calls a day,
so 100,000 calls span about three years, with the schedules of 1,000 channels."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import orjson

from bot.recurring import WEEKDAYS, Recurrence
from bot.schedule_text import Zone
from bot.tips.schedules import ChannelSchedule

NOW = datetime(2026, 5, 20, 15, 0, tzinfo=UTC)
CALLS_PER_DAY = 100
CATEGORIES = ("billing", "shipping", "product", "account", "technical", "other")
OUTCOMES = ("resolved", "escalated", "callback promised", "unresolved")
CONTACTS = ("phone", "email", "chat", "social", "in person")
ZONES = tuple(
    map(Zone, ("America/Chicago", "Europe/London", "Asia/Kolkata", "America/New_York", "UTC"))
)
WORDS = [
    "customer",
    "charged",
    "twice",
    "refund",
    "order",
    "delayed",
    "courier",
    "lost",
    "parcel",
    "angry",
    "manager",
    "asked",
    "supervisor",
    "escalation",
    "promised",
    "callback",
    "account",
    "locked",
    "password",
    "reset",
    "invoice",
    "wrong",
    "address",
    "replacement",
    "warranty",
    "cancelled",
    "subscription",
    "upgrade",
    "discount",
    "apology",
]


def call_doc(rng: random.Random, created: datetime) -> dict[str, Any]:
    outcome = rng.choice(OUTCOMES)
    due = created + timedelta(hours=rng.choice((1, 4, 24))) if outcome == OUTCOMES[2] else None
    return {
        "team": "T0COACH",
        "agent": f"U{rng.randrange(40):08d}",
        "created_at": created.isoformat(),
        "category": rng.choice(CATEGORIES),
        "heat": rng.randint(1, 5),
        "outcome": outcome,
        "notes": " ".join(rng.choices(WORDS, k=rng.randint(8, 60))),
        "contact": rng.choice(CONTACTS),
        "reference": f"ORD-{rng.randrange(10**6):06d}" if rng.random() < 0.6 else None,
        "steps": [f"general:{n}" for n in range(1, rng.randint(1, 4))],
        "follow_up_due": due.isoformat() if due else None,
        "follow_up_done_at": None,
        "updated_at": None,
        "masked": rng.random() < 0.1,
        "masked_kinds": [],
    }


def calls(count: int, seed: int = 14) -> list[dict[str, Any]]:
    """`count` calls, oldest first, CALLS_PER_DAY a day up to NOW, in working hours."""
    rng = random.Random(seed)
    days = count // CALLS_PER_DAY + 1
    start = NOW - timedelta(days=days)
    found = []
    for n in range(count):
        day = start + timedelta(days=n // CALLS_PER_DAY)
        at = day.replace(hour=13) + timedelta(
            seconds=(n % CALLS_PER_DAY) * 300 + rng.randrange(300)
        )
        found.append(call_doc(rng, min(at, NOW - timedelta(minutes=1))))
    return found


def schedules(count: int) -> list[ChannelSchedule]:
    return [
        ChannelSchedule(
            f"C{n:06d}",
            Recurrence(time(9 + n % 8, 0), ZONES[n % len(ZONES)], WEEKDAYS),
            "U0SETTER",
            NOW - timedelta(days=30),
        )
        for n in range(count)
    ]


def write_single_file(path: Path, collections: dict[str, dict[str, dict[str, Any]]]) -> None:
    """A store file as the single-file layout wrote it: {collection: {doc_id: doc + _key}}."""
    tables = {
        name: {str(n): {**doc, "_key": key} for n, (key, doc) in enumerate(docs.items(), 1)}
        for name, docs in collections.items()
    }
    path.write_bytes(orjson.dumps(tables))
