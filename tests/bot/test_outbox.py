"""The outbox on both stores: leases, takeover after a crash, what each refusal means.

The Route here stands in for Slack (the edge); everything of ours is real. The same behaviour
through the real app and the fake Slack is in tests/handlers/test_outbox_app.py.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.clock import ManualClock
from bot.leases import RECORDS, SENDING, is_finished
from bot.outbox import LEASE, DueItem, Meaning, Outbox, RateLimited, Refused, Route, Uncertain
from bot.pacing import Pacer
from bot.store import Store
from tests.bot.store.conftest import store as store  # both backends

NOON = datetime(2026, 11, 30, 12, tzinfo=UTC)


class Slack:
    """The edge: records what was sent, and answers with what it is told to."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, object]] = []
        self.told: list[tuple[str, str]] = []
        self.answers: list[Exception] = []

    def send(self, item: DueItem, message: object) -> str:
        if self.answers:
            raise self.answers.pop(0)
        self.sent.append((item.channel, message))
        return f"{len(self.sent)}.0"

    def tell(self, user: str, text: str) -> None:
        self.told.append((user, text))

    @property
    def route(self) -> Route:
        return Route(self.send, self.tell)


def outbox(store: Store, clock: ManualClock, owner: str, waits: list[float]) -> Outbox:
    return Outbox(store, clock.now, owner=owner, pacer=Pacer(sleep=waits.append))


def item(target: str = "C1", paused: list[str] | None = None) -> DueItem:
    def on_pause(refusal: Refused) -> str:
        if paused is not None:
            paused.append(refusal.code)
        return f"paused: {refusal.reason}"

    return DueItem("tip", target, "2026-11-30", target, lambda: "hello", "U1", paused=on_pause)


def test_sent_once_however_often_it_is_delivered(store: Store) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    box = outbox(store, clock, "one", waits)
    assert box.deliver(item(), slack.route) == "sent"
    assert box.deliver(item(), slack.route) == "taken"
    assert outbox(store, clock, "two", waits).deliver(item(), slack.route) == "taken"
    assert slack.sent == [("C1", "hello")]
    assert is_finished(store, "tip", "C1", "2026-11-30")
    assert store.get(RECORDS, "tip:C1:2026-11-30")["ts"] == "1.0"  # type: ignore[index]


def test_a_lease_left_by_a_killed_instance_is_taken_over_after_it_expires(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    dead = outbox(store, clock, "dead", waits)
    # The dead instance took the lease and died before sending.
    assert dead.leases.take("tip:C1:2026-11-30", {}, NOON) is not None
    live = outbox(store, clock, "live", waits)
    assert live.deliver(item(), slack.route) == "taken"  # its lease is still live
    clock.advance(LEASE)
    with caplog.at_level(logging.INFO, logger="bot.leases"):
        assert live.deliver(item(), slack.route) == "sent"
    assert slack.sent == [("C1", "hello")]
    assert "let its lease expire before sending" in caplog.text
    assert "Possible duplicate" not in caplog.text


def test_a_lease_that_expired_while_sending_is_logged_as_a_possible_duplicate(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    dead = outbox(store, clock, "dead", waits)
    lease = dead.leases.take("tip:C1:2026-11-30", {}, NOON)
    assert lease is not None and dead.leases.sending(lease, NOON)
    assert dead.leases.state(lease.key) == SENDING
    clock.advance(LEASE + timedelta(seconds=1))
    with caplog.at_level(logging.WARNING, logger="bot.leases"):
        assert outbox(store, clock, "live", waits).deliver(item(), slack.route) == "sent"
    assert "Possible duplicate post tip:C1:2026-11-30: instance dead" in caplog.text
    # The dead instance cannot record over the new holder's lease.
    assert not dead.leases.finish(lease, "sent", clock.now())


def test_an_old_claim_without_a_state_counts_as_sent(store: Store) -> None:
    store.put(RECORDS, "tip:C1:2026-11-30", {"kind": "tip", "target": "C1", "claimed_at": "x"})
    assert is_finished(store, "tip", "C1", "2026-11-30")
    slack = Slack()
    assert outbox(store, ManualClock(NOON), "one", []).deliver(item(), slack.route) == "taken"


def test_retry_gives_the_post_back_after_a_back_off(store: Store) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    box = outbox(store, clock, "one", waits)
    slack.answers = [Refused("internal_error", Meaning.RETRY, "Slack had an internal error")]
    assert box.deliver(item(), slack.route) == "released"
    assert box.deliver(item(), slack.route) == "taken"  # not before its back-off
    clock.advance(timedelta(seconds=15))
    assert box.deliver(item(), slack.route) == "sent"


def test_a_429_is_waited_out_under_the_same_lease(store: Store) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    slack.answers = [RateLimited(7)]
    assert outbox(store, clock, "one", waits).deliver(item(), slack.route) == "sent"
    assert len(slack.sent) == 1 and len(waits) == 1 and 6.9 < waits[0] <= 7


def test_pause_is_not_retried_and_tells_the_owner(store: Store) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    paused: list[str] = []
    box = outbox(store, clock, "one", waits)
    slack.answers = [Refused("not_in_channel", Meaning.PAUSE, "I'm not a member")]
    assert box.deliver(item(paused=paused), slack.route) == "paused"
    clock.advance(timedelta(hours=1))
    assert box.deliver(item(paused=paused), slack.route) == "taken"
    assert paused == ["not_in_channel"] and slack.told == [("U1", "paused: I'm not a member")]


def test_a_refused_token_pauses_every_post_for_a_while(store: Store) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    box = outbox(store, clock, "one", waits)
    slack.answers = [Refused("token_revoked", Meaning.PAUSE_ALL, "the token was revoked")]
    assert box.deliver(item("C1"), slack.route) == "released"
    assert box.deliver(item("C2"), slack.route) == "halted"
    clock.advance(timedelta(minutes=5))
    assert box.deliver(item("C2"), slack.route) == "sent"
    assert box.deliver(item("C1"), slack.route) == "sent"
    assert slack.told == []  # nobody to tell in Slack: it is logged for the operator


@pytest.mark.parametrize(
    ("answer", "outcome"),
    [
        (Refused("msg_too_long", Meaning.DROP, "too long"), "dropped"),
        (Uncertain("TimeoutError"), "uncertain"),
    ],
)
def test_drop_and_an_ambiguous_failure_are_never_repeated(
    store: Store, answer: Exception, outcome: str
) -> None:
    clock, slack, waits = ManualClock(NOON), Slack(), []
    box = outbox(store, clock, "one", waits)
    slack.answers = [answer]
    assert box.deliver(item(), slack.route) == outcome
    clock.advance(timedelta(hours=1))
    assert box.deliver(item(), slack.route) == "taken" and slack.sent == []


def test_nothing_to_post_any_more_is_dropped_quietly(store: Store) -> None:
    slack = Slack()
    gone = DueItem("hold_nudge", "U1", "t", "C1", lambda: None)
    assert outbox(store, ManualClock(NOON), "one", []).deliver(gone, slack.route) == "dropped"
    assert slack.sent == []


def test_the_pacer_keeps_one_post_a_second_per_channel() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    pacer = Pacer(1.0, sleep=sleep, monotonic=lambda: now[0])
    for channel in ("C1", "C2", "C1", "C1"):
        with pacer.turn(channel):
            pacer.ready(channel)
    assert waits == [1.0, 1.0]  # C2 did not wait; each later C1 post a second after the last
    pacer.hold(5)
    assert pacer.wait_hold() == 5
    with pacer.turn("C3"):
        assert pacer.ready("C3") == 0
