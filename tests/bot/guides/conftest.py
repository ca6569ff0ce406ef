from __future__ import annotations

import pytest

from bot.content import Content, load_content


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content()
