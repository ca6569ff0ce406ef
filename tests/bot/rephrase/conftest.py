from __future__ import annotations

import pytest

from bot.rephrase import Engine, default_engine


@pytest.fixture(scope="session")
def engine() -> Engine:
    return default_engine()
