from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.store import Store, TinyStore
from bot.store.postgres import PgStore


@pytest.fixture(params=["tinydb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Every contract test runs against both backends."""
    if request.param == "tinydb":
        opened: Store = TinyStore(tmp_path / "db.json")
    else:
        opened = PgStore(request.getfixturevalue("postgres_database"))
    yield opened
    opened.close()
