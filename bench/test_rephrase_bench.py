"""/rephrase speed. Goals: analyse a 1,000-character draft in under 5 ms (median), and load
the phrasebook and engine in under 200 ms.

Drafts are built from the labelled set: "typical" is real replies (good and bad mixed, as
an agent would paste them); "worst" is bad replies only, so nearly every sentence is flagged
and rewritten (the rewrite is analysed again for its score).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bot.content import load_content
from bot.rephrase import Engine, default_engine

ROWS = [
    json.loads(line)
    for line in (Path(__file__).resolve().parents[1] / "tests" / "data" / "rephrase_drafts.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
]
TYPICAL = " ".join(r["draft"] for r in sorted(ROWS, key=lambda r: r["id"][-3:]))
WORST = " ".join(r["draft"] for r in ROWS if r["label"] == "bad")


@pytest.mark.parametrize("size", [200, 1000, 4000])
@pytest.mark.parametrize("kind", ["typical", "worst"])
def test_analyse(benchmark: BenchmarkFixture, size: int, kind: str) -> None:
    engine = default_engine()
    draft = (TYPICAL if kind == "typical" else WORST)[:size]
    engine.analyse(draft)  # warm up
    benchmark(engine.analyse, draft)


def test_load_phrasebook(benchmark: BenchmarkFixture) -> None:
    benchmark.pedantic(load_content, rounds=10, iterations=1)


def test_load_engine(benchmark: BenchmarkFixture) -> None:
    content = load_content()
    benchmark.pedantic(lambda: Engine(content), rounds=10, iterations=1)
