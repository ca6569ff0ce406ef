"""BOT_PHONE_REGIONS through the running app: a signed /logcall is stored masked."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from bot.calllog.log import CallLog
from bot.clock import ManualClock
from bot.config import Settings
from handlers.console.fakeslack.server import FakeSlack
from tests.harness import Harness


@pytest.fixture
def spanish_team(
    settings: Settings, clock: ManualClock, fake_slack: FakeSlack
) -> Iterator[Harness]:
    harness = Harness(replace(settings, phone_regions=("ES", "GB")), clock, fake_slack)
    yield harness
    harness.close()


def test_a_national_number_of_a_listed_region_is_stored_masked(spanish_team: Harness) -> None:
    # Nine bare digits are read as a phone only by a plan that knows them: Spain's here.
    notes = "Client 612345678 upset; UK office 020 7946 0958; order #48213"
    spanish_team.command("/logcall", f"billing 4 escalated: {notes}")
    assert "Masked before saving: a phone number" in spanish_team.text(
        spanish_team.wait("response_url")
    )
    stored = CallLog(spanish_team.services.store).get("1")
    assert stored is not None
    assert stored.notes == "Client [phone] upset; UK office [phone]; order #48213"
    raw = spanish_team.raw_data()
    assert "612345678" not in raw and "7946" not in raw
