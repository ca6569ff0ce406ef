from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from bench.conftest import Seeder, sample_call


@pytest.mark.parametrize("stored", [10_000, 100_000])
def test_add_one_record(benchmark: BenchmarkFixture, seeded_store: Seeder, stored: int) -> None:
    store = seeded_store("calls", [sample_call(n) for n in range(stored)])
    benchmark.pedantic(lambda: store.add("calls", sample_call(0)), rounds=10, iterations=1)


def test_get_by_key_with_100k(benchmark: BenchmarkFixture, seeded_store: Seeder) -> None:
    store = seeded_store("calls", [sample_call(n) for n in range(100_000)])
    benchmark(lambda: store.get("calls", "54321"))
