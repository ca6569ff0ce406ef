from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.clock import ManualClock
from bot.content import Tip, load_content
from bot.outbox import DueItem, Meaning, Outbox, Refused, Route
from bot.pacing import Pacer
from bot.recurring import EVERY_DAY, Recurrence
from bot.store import TinyStore
from bot.tips.posting import RECHECK, TipPoster, next_daily_tip
from bot.tips.schedules import ChannelSchedule, Schedules

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)
CONTENT = load_content(None)


class RecordingSlack:
    """Stands in for Slack: records posts, and fails the channels it is told to."""

    def __init__(self) -> None:
        self.posts: list[str] = []
        self.dms: list[tuple[str, str]] = []
        self.fail: dict[str, Exception] = {}

    def send(self, item: DueItem, tip: object) -> str:
        assert isinstance(tip, Tip)
        if item.channel in self.fail:
            raise self.fail.pop(item.channel)
        self.posts.append(item.channel)
        return "1.0"

    def tell(self, user: str, text: str) -> None:
        self.dms.append((user, text))

    @property
    def route(self) -> Route:
        return Route(self.send, self.tell)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[TinyStore]:
    store = TinyStore(tmp_path / "p.json")
    yield store
    store.close()


def schedule(schedules: Schedules, *channels: str) -> None:
    for channel in channels:
        schedules.save(
            ChannelSchedule(
                channel, Recurrence(time(12), "UTC", EVERY_DAY), "U1", NOON - timedelta(days=1)
            )
        )


def poster(store: TinyStore, clock: ManualClock) -> TipPoster:
    box = Outbox(store, clock.now, owner="test", pacer=Pacer(sleep=lambda s: None))
    return TipPoster(store, CONTENT, Schedules(store), box, timedelta(hours=4))


def tick(job: TipPoster, clock: ManualClock, slack: RecordingSlack, when: datetime) -> None:
    clock.set(when)
    job.tick(when, slack.route)
    assert job.outbox.wait_idle(10)


def test_a_busy_minute_is_handed_over_in_one_tick(store: TinyStore) -> None:
    clock, slack = ManualClock(NOON), RecordingSlack()
    job = poster(store, clock)
    channels = [f"C{n:03d}" for n in range(40)]
    schedule(job.schedules, *channels)
    tick(job, clock, slack, NOON)
    assert sorted(slack.posts) == channels  # no pause between posts, no cap per tick
    tick(job, clock, slack, NOON + RECHECK)
    tick(job, clock, slack, NOON + timedelta(hours=1))
    assert len(slack.posts) == len(channels)


def test_a_quiet_tick_looks_at_no_channel(store: TinyStore) -> None:
    clock, slack = ManualClock(NOON), RecordingSlack()
    job = poster(store, clock)
    schedule(job.schedules, "C1", "C2")
    tick(job, clock, slack, NOON - timedelta(hours=1))
    assert job.timetable.ready(NOON - timedelta(minutes=1)) == []
    assert sorted(job.timetable.ready(NOON)) == ["C1", "C2"]


def test_failures_are_handled_per_channel(store: TinyStore) -> None:
    clock, slack = ManualClock(NOON), RecordingSlack()
    job = poster(store, clock)
    schedule(job.schedules, "C1", "C2", "C3", "C4")
    slack.fail = {
        "C1": Refused("not_in_channel", Meaning.PAUSE, "I'm not a member of the channel"),
        "C2": Refused("is_archived", Meaning.PAUSE, "the channel was archived"),
        "C3": Refused("internal_error", Meaning.RETRY, "Slack had an internal error"),
    }
    tick(job, clock, slack, NOON)
    assert slack.posts == ["C4"]
    assert [user for user, _ in slack.dms] == ["U1", "U1"]
    assert job.schedules.get("C2").paused == "the channel was archived"  # type: ignore[union-attr]
    assert "/invite @Service Coach" in dict(slack.dms)["U1"] or any(
        "/invite @Service Coach" in text for _, text in slack.dms
    )
    tick(job, clock, slack, NOON + timedelta(seconds=20))
    assert slack.posts == ["C4", "C3"]  # only the retryable failure is retried


def test_a_failed_send_does_not_use_up_the_tip(store: TinyStore) -> None:
    clock, slack = ManualClock(NOON), RecordingSlack()
    job = poster(store, clock)
    schedule(job.schedules, "C1")
    upcoming = next_daily_tip(store, CONTENT, "C1")
    slack.fail["C1"] = Refused("internal_error", Meaning.RETRY, "Slack had an internal error")
    tick(job, clock, slack, NOON)
    tick(job, clock, slack, NOON + timedelta(seconds=20))
    assert slack.posts == ["C1"]
    assert upcoming is not None and next_daily_tip(store, CONTENT, "C1") != upcoming
