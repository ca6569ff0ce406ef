"""Detection quality on the DEV split of the corpus (the test split is for the README only).

The goals come from issue 12. Where the engine is below a goal today, the goal stays here as
an expected failure (so it is visible and turns into a pass when met), and a floor just
under today's figure catches a collapse. Since thresholds are chosen by cross-validation
over train + dev, the shipped model is fitted on dev too: these figures are flattering and
check that nothing broke, not how well it generalises. The README reports the untouched
test split and the out-of-fold figures.
"""

from __future__ import annotations

import pytest

from bot.rephrase import Engine, corpus
from bot.rephrase.eval import Report, evaluate


@pytest.fixture(scope="module")
def dev(engine: Engine) -> Report:
    return evaluate(engine.findings, corpus.load(splits=("dev",)), "dev")


def test_floors_today(dev: Report) -> None:
    # Thresholds now hold traps to the 5% goal (out of fold), where they used to allow 10%;
    # long drafts pay most for that, so their floor sits under the new, lower, figure.
    assert dev.recall.share >= 0.55
    assert dev.paraphrase.share >= 0.48
    assert dev.long_buried.share >= 0.5
    assert dev.polite_flagged.share <= 0.03
    assert dev.traps_flagged.share <= 0.05
    assert dev.span_hits.share >= 0.90


def test_minimum_false_flags(dev: Report) -> None:
    assert dev.polite_flagged.share <= 0.03
    assert dev.traps_flagged.share <= 0.15


@pytest.mark.xfail(reason="below issue 12's recall goals; see the README table", strict=False)
def test_recall_goals(dev: Report) -> None:
    assert dev.recall.share >= 0.85
    assert dev.paraphrase.share >= 0.75
    assert all(rate.share >= 0.8 for rate in dev.per_kind.values()), dev.per_kind


def test_polite_false_flag_goal(dev: Report) -> None:
    assert dev.polite_flagged.share <= 0.02


def test_trap_false_flag_goal(dev: Report) -> None:
    assert dev.traps_flagged.share <= 0.05
