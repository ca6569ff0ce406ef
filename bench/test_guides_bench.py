from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from bot.content import load_content
from bot.guides.hold_timer import HoldTimers
from bot.guides.lookup import find_guide
from bot.guides.state import GuideState, decode
from bot.schedule_text import Zone
from bot.store import open_store
from handlers.guides.cards import step_blocks

CONTENT = load_content()


def test_lookup_a_sentence(benchmark: BenchmarkFixture) -> None:
    found = benchmark(lambda: find_guide(CONTENT, "the customer keeps swearing at me on the phone"))
    assert found is not None
    assert found.id == "abusive-caller"


def test_render_a_step_card(benchmark: BenchmarkFixture) -> None:
    state = GuideState.start("general").go(1).go(2)

    def render() -> object:
        return step_blocks(CONTENT, state, None, Zone("UTC"))

    benchmark(render)


def test_decode_a_button_value(benchmark: BenchmarkFixture) -> None:
    value = GuideState.start("general").go(5).switch("on-hold").go(2).encode()
    benchmark(lambda: decode(value, CONTENT))


def test_hold_ticker_pass_with_1000_running_timers(
    benchmark: BenchmarkFixture, tmp_path: Path
) -> None:
    # The ticker checks every timer each pass; none are due here, so nothing is sent.
    store = open_store(tmp_path / "holds.json")
    timers = HoldTimers(store)
    start = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
    for n in range(1000):
        timers.start(f"U{n:06d}", "C1", start)
    benchmark(lambda: timers.fire_due(start, lambda timer: None))
