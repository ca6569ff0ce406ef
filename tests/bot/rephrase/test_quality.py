"""The labelled drafts: recall on bad ones, false flags on good ones, facts and scores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.rephrase import Analysis, Engine

DRAFTS = Path(__file__).resolve().parents[2] / "data" / "rephrase_drafts.jsonl"
ROWS: list[dict[str, Any]] = [
    json.loads(line) for line in DRAFTS.read_text(encoding="utf-8").splitlines()
]
MAX_FALSE_FLAG_RATE = 0.05


@pytest.fixture(scope="module")
def results(engine: Engine) -> list[tuple[dict[str, Any], Analysis]]:
    return [(row, engine.analyse(row["draft"], row["customer"])) for row in ROWS]


def test_the_set_is_big_enough() -> None:
    assert len(ROWS) >= 150


def test_every_bad_draft_gets_a_medium_or_high_finding(
    results: list[tuple[dict[str, Any], Analysis]],
) -> None:
    missed = [
        row["id"] for row, analysis in results if row["label"] == "bad" and not analysis.serious
    ]
    bad = sum(1 for row in ROWS if row["label"] == "bad")
    print(f"recall: {bad - len(missed)}/{bad}")
    assert missed == []


def test_few_good_drafts_are_flagged(results: list[tuple[dict[str, Any], Analysis]]) -> None:
    flagged = {
        row["id"]: [f.text for f in analysis.serious]
        for row, analysis in results
        if row["label"] == "good" and analysis.serious
    }
    good = sum(1 for row in ROWS if row["label"] == "good")
    print(f"false flags: {len(flagged)}/{good} {flagged}")
    assert len(flagged) <= MAX_FALSE_FLAG_RATE * good, flagged


def test_every_rewrite_keeps_the_facts(results: list[tuple[dict[str, Any], Analysis]]) -> None:
    lost = [
        (row["id"], fact)
        for row, analysis in results
        for fact in row["facts"]
        if fact not in analysis.rewrite
    ]
    assert lost == []


def test_every_rewrite_scores_higher(results: list[tuple[dict[str, Any], Analysis]]) -> None:
    worse = [
        (row["id"], analysis.score, analysis.rewrite_score)
        for row, analysis in results
        if analysis.rewrite != row["draft"] and analysis.rewrite_score <= analysis.score
    ]
    assert worse == []
    for row, analysis in results:
        if row["label"] == "bad":
            assert analysis.rewrite != row["draft"], row["id"]


def test_a_rewrite_has_no_serious_findings_left(
    engine: Engine, results: list[tuple[dict[str, Any], Analysis]]
) -> None:
    left = {
        row["id"]: [f.text for f in engine.findings(analysis.rewrite) if f.serious]
        for row, analysis in results
    }
    assert {k: v for k, v in left.items() if v} == {}
