"""The rewrite's cost against detection alone, in the same run, on corpus train-split text.

`findings` is the baseline (detection only); `outcome` is the rewrite given those findings;
`analyse` is the whole answer (detection, rewrite, scores, nudges).
"""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bot.rephrase import default_engine
from bot.rephrase.rewrite_eval import load, split_of

RUDE = " ".join(r["text"] for r in load() if r["label"] == "rude" and split_of(r["id"]) == "train")


@pytest.mark.parametrize("size", [1000, 4000])
@pytest.mark.parametrize("step", ["findings", "outcome", "analyse"])
def test_rewrite_cost(benchmark: BenchmarkFixture, size: int, step: str) -> None:
    engine = default_engine()
    draft = RUDE[:size]
    found = engine.findings(draft)
    run = {
        "findings": lambda: engine.findings(draft),
        "outcome": lambda: engine._rewriter.outcome(draft, found),
        "analyse": lambda: engine.analyse(draft),
    }[step]
    run()
    benchmark(run)
