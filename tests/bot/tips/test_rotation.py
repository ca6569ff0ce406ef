from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.store import TinyStore
from bot.tips.rotation import Rotation, round_order

IDS = [f"tip-{n:02d}" for n in range(10)]


@pytest.fixture
def rotation(tmp_path: Path) -> Iterator[Rotation]:
    store = TinyStore(tmp_path / "r.json")
    yield Rotation(store)
    store.close()


def draw(rotation: Rotation, deck: str, ids: list[str], times: int) -> list[str]:
    return [rotation.take(deck, ids) or "" for _ in range(times)]


def test_a_round_walks_the_whole_catalogue_before_repeating(rotation: Rotation) -> None:
    first = draw(rotation, "channel:C1", IDS, 10)
    assert sorted(first) == IDS
    assert first != IDS  # shuffled
    second = draw(rotation, "channel:C1", IDS, 10)
    assert sorted(second) == IDS
    assert second[0] != first[-1]  # a new round never opens with the tip just shown


def test_the_order_is_deterministic_per_deck(tmp_path: Path) -> None:
    orders = []
    for name in ("a", "b"):
        store = TinyStore(tmp_path / f"{name}.json")
        orders.append(draw(Rotation(store), "channel:C1", IDS, 10))
        store.close()
    assert orders[0] == orders[1]
    assert round_order("channel:C1", 0, IDS) != round_order("channel:C2", 0, IDS)


def test_peek_does_not_use_a_tip_up(rotation: Rotation) -> None:
    assert rotation.peek("d", IDS) == rotation.peek("d", IDS)
    assert rotation.remaining("d", IDS) == 10


def test_new_tips_join_the_current_round(rotation: Rotation) -> None:
    shown = draw(rotation, "d", IDS, 5)
    bigger = [*IDS, "new-1", "new-2"]
    rest = draw(rotation, "d", bigger, 7)
    assert sorted(shown + rest) == sorted(bigger)
    assert rotation.remaining("d", bigger) == len(bigger)  # a new round began


def test_deleted_tips_are_skipped(rotation: Rotation) -> None:
    shown = draw(rotation, "d", IDS, 3)
    smaller = [tip for tip in IDS if tip not in shown][2:]
    rest = draw(rotation, "d", smaller, len(smaller))
    assert sorted(rest) == sorted(smaller)


def test_a_topic_narrows_and_avoid_rules_out(rotation: Rotation) -> None:
    among = IDS[:3]
    picked = {rotation.take("u", IDS, among=among) for _ in range(3)}
    assert picked == set(among)
    assert rotation.take("u", IDS, among=among) in among  # exhausted: a repeat beats nothing
    assert rotation.take("u", IDS, among=["tip-01", "tip-02"], avoid=["tip-01"]) == "tip-02"


def test_an_empty_catalogue_has_no_tip(rotation: Rotation) -> None:
    assert rotation.take("d", []) is None


@given(st.integers(2, 30), st.integers(1, 3))
def test_every_round_is_a_permutation(size: int, rounds: int) -> None:
    ids = [f"t{n}" for n in range(size)]
    seen: list[str] = []
    for number in range(rounds):
        order = round_order("deck", number, ids)
        assert sorted(order) == sorted(ids)
        seen += order
    assert len(seen) == size * rounds
