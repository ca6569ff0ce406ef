from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.content import Tip, load_content
from bot.recurring import EVERY_DAY, Recurrence
from bot.store import TinyStore
from bot.tips.posting import MAX_POSTS_PER_TICK, SPACING_SECONDS, TipPoster
from bot.tips.schedules import ChannelSchedule, Schedules
from bot.tips.sender import ChannelGone, NotInChannel

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)
CONTENT = load_content(None)


class RecordingSender:
    """Stands in for Slack: records posts, and fails the channels it is told to."""

    def __init__(self) -> None:
        self.posts: list[str] = []
        self.dms: list[tuple[str, str]] = []
        self.fail: dict[str, Exception] = {}

    def post_tip(self, channel: str, tip: Tip) -> None:
        if channel in self.fail:
            raise self.fail.pop(channel)
        self.posts.append(channel)

    def direct_message(self, user: str, text: str) -> None:
        self.dms.append((user, text))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TinyStore]:
    store = TinyStore(tmp_path / "p.json")
    yield store
    store.close()


def schedule(store: TinyStore, *channels: str) -> None:
    for channel in channels:
        Schedules(store).save(
            ChannelSchedule(
                channel, Recurrence(time(12), "UTC", EVERY_DAY), "U1", NOON - timedelta(days=1)
            )
        )


def poster(store: TinyStore, sender: RecordingSender, waits: list[float]) -> TipPoster:
    return TipPoster(store, CONTENT, sender, timedelta(hours=4), wait=waits.append)


def test_a_busy_minute_is_spaced_and_spread_over_ticks(store: TinyStore) -> None:
    channels = [f"C{n:03d}" for n in range(MAX_POSTS_PER_TICK + 5)]
    schedule(store, *channels)
    sender, waits = RecordingSender(), []
    job = poster(store, sender, waits)
    job.tick(NOON)
    assert len(sender.posts) == MAX_POSTS_PER_TICK
    assert waits == [SPACING_SECONDS] * (MAX_POSTS_PER_TICK - 1)
    job.tick(NOON + timedelta(seconds=20))
    job.tick(NOON + timedelta(seconds=40))
    assert sorted(sender.posts) == channels


def test_failures_are_handled_per_channel(store: TinyStore) -> None:
    schedule(store, "C1", "C2", "C3", "C4")
    sender, waits = RecordingSender(), []
    sender.fail = {
        "C1": NotInChannel("C1", "not_in_channel"),
        "C2": ChannelGone("C2", "is_archived"),
        "C3": RuntimeError("boom"),
    }
    job = poster(store, sender, waits)
    job.tick(NOON)
    assert sender.posts == ["C4"]
    assert [user for user, _ in sender.dms] == ["U1", "U1"]
    assert Schedules(store).get("C2").paused == "the channel was archived"  # type: ignore[union-attr]
    job.tick(NOON + timedelta(seconds=20))
    assert sender.posts == ["C4", "C3"]  # only the unexpected failure is retried


def test_a_failed_send_does_not_use_up_the_tip(store: TinyStore) -> None:
    schedule(store, "C1")
    sender, waits = RecordingSender(), []
    job = poster(store, sender, waits)
    upcoming = job.rotation.peek("channel:C1", [t.id for t in CONTENT.tips])
    sender.fail["C1"] = RuntimeError("boom")
    job.tick(NOON)
    assert job.post_now("C1") == CONTENT.tip(upcoming or "")
