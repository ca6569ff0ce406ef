from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.content import Content, load_content
from bot.guides.state import (
    BLOCK_ID_LIMIT,
    VALUE_LIMIT,
    GuideState,
    decode,
)

CONTENT = load_content()
REFS = [f"{g.id}:{n}" for g in CONTENT.guides for n in range(1, len(g.steps) + 1)]


def test_a_walk_records_each_step_once_in_first_visit_order() -> None:
    state = GuideState.start("general").go(1).go(2).go(1).go(0)
    assert state.step == 0
    assert state.visited == ("general:1", "general:2", "general:3")
    switched = state.switch("on-hold").go(1)
    assert switched.visited[-2:] == ("on-hold:1", "on-hold:2")
    assert switched.guide == "on-hold" and switched.visited[:3] == state.visited


def test_encode_decode_round_trip(content: Content) -> None:
    state = GuideState.start("general").go(3).switch("abusive-caller").go(2)
    assert decode(state.encode(), content) == state
    assert decode(state.encode(BLOCK_ID_LIMIT), content) == state


def test_a_walk_through_everything_fits_a_block_id_and_keeps_the_latest_steps(
    content: Content,
) -> None:
    state = GuideState("general", 0, tuple(REFS * 3))
    assert len(state.encode()) <= VALUE_LIMIT
    packed = state.encode(BLOCK_ID_LIMIT)
    assert len(packed) <= BLOCK_ID_LIMIT
    decoded = decode(packed, content)
    assert decoded is not None and decoded.visited == state.visited[-len(decoded.visited) :]


def test_decode_refuses_what_is_not_a_state_and_fits_changed_content(content: Content) -> None:
    for junk in ("", "x", "[]", "{}", '{"g": 1, "s": 0, "v": ""}', '{"g": "general"}'):
        assert decode(junk, content) is None
    assert decode(json.dumps({"g": "gone", "s": 0, "v": ""}), content) is None
    late = decode(json.dumps({"g": "on-hold", "s": 99, "v": "on-hold:1"}), content)
    assert late is not None and late.step == len(content.guide("on-hold").steps) - 1


@given(st.text(max_size=300))
def test_decode_never_raises(value: str) -> None:
    state = decode(value, CONTENT)
    assert state is None or 0 <= state.step < len(CONTENT.guide(state.guide).steps)


@given(
    st.sampled_from([g.id for g in CONTENT.guides]),
    st.integers(min_value=0, max_value=2),  # every guide has at least 3 steps
    st.lists(st.sampled_from(REFS), max_size=200),
)
def test_any_state_round_trips_within_slack_limits(
    guide_id: str, step: int, visited: list[str]
) -> None:
    state = GuideState(guide_id, step, tuple(visited))
    for limit in (VALUE_LIMIT, BLOCK_ID_LIMIT):
        value = state.encode(limit)
        assert len(value) <= limit
        decoded = decode(value, CONTENT)
        assert decoded is not None and decoded.guide == guide_id and decoded.step == step
        # Only the oldest steps are dropped, and only when they do not fit.
        kept = decoded.visited
        assert kept == state.visited[len(state.visited) - len(kept) :]
