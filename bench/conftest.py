"""Shared set-up for benchmarks: data files seeded directly, since inserting 100,000 records one
by one would measure the seeding rather than the operation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from bot.store import TinyStore

Seeder = Callable[[str, list[dict[str, Any]]], TinyStore]


@pytest.fixture
def seeded_store(tmp_path: Path) -> Iterator[Seeder]:
    opened: list[TinyStore] = []

    def seed(collection: str, docs: list[dict[str, Any]]) -> TinyStore:
        path = tmp_path / f"{collection}-{len(docs)}.json"
        table = {str(n): {**doc, "_key": str(n)} for n, doc in enumerate(docs, start=1)}
        path.write_bytes(orjson.dumps({collection: table}))
        store = TinyStore(path)
        opened.append(store)
        return store

    yield seed
    for store in opened:
        store.close()


def sample_call(n: int) -> dict[str, Any]:
    return {
        "team": "T0COACH",
        "agent": f"U{n % 40:08d}",
        "created_at": f"2026-{1 + n % 11:02d}-{1 + n % 28:02d}T10:00:00+00:00",
        "contact": "phone",
        "category": ("billing", "shipping", "product", "account", "technical")[n % 5],
        "heat": 1 + n % 5,
        "outcome": ("resolved", "escalated", "callback promised", "unresolved")[n % 4],
        "notes": "Customer was charged twice for order #48213 and asked for a refund. " * 2,
        "reference": f"ORD-{n:06d}",
        "steps": ["general:1", "general:2"],
        "masked": False,
    }
