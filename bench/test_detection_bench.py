"""Detection speed: the trained tone model beside the rules, measured in the same run.

Goal (issue 12): a 1,000-character draft in under 2 ms median (minimum under 5 ms), cost
linear in length. `rules` (the phrasebook and tone checks alone) is the baseline;
`model` is the tone model alone; `findings` is everything /rephrase detects.
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bot.content import load_content
from bot.rephrase import corpus, default_engine
from bot.rephrase.engine import Engine

# Train-split drafts, rude and polite in file order, as an agent would paste them.
TEXT = " ".join(d.text for d in corpus.load(splits=("train",)))


@pytest.fixture(scope="module")
def baseline() -> Engine:
    return Engine(load_content(), use_model=False)


@pytest.mark.parametrize("size", [250, 1000, 4000])
@pytest.mark.parametrize("part", ["rules", "model", "findings"])
def test_detect(benchmark: BenchmarkFixture, baseline: Engine, size: int, part: str) -> None:
    engine = default_engine()
    assert engine.model is not None
    detect = {
        "rules": baseline.rule_findings,
        "model": engine.model.findings,
        "findings": engine.findings,
    }[part]
    draft = TEXT[:size]
    detect(draft)  # warm up
    benchmark(detect, draft)
