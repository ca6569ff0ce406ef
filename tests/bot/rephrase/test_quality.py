"""The labelled drafts: recall on bad ones, false flags on good ones, facts and scores.

Two sets. `rephrase_drafts.jsonl` is the development set: the phrasebook was written and
tuned against it, so it must be caught in full. `rephrase_heldout.jsonl` was written fresh
and never tuned against; its recall and false-flag rate are the honest estimate for drafts
the phrasebook has not seen, so it only has floors that catch a collapse. Do not add rules
to make a held-out draft pass: move it into the development set and write new held-out
drafts instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.rephrase import Analysis, Engine

DATA = Path(__file__).resolve().parents[2] / "data"
DEVELOPMENT = DATA / "rephrase_drafts.jsonl"
HELDOUT = DATA / "rephrase_heldout.jsonl"
MAX_FALSE_FLAG_RATE = 0.05
# Held-out floors: the measured figures were 7/12 and 1/12 (see README); these only fail if
# a change makes the engine clearly worse on drafts it was not tuned for.
HELDOUT_MIN_RECALL = 0.5
HELDOUT_MAX_FALSE_FLAG_RATE = 0.10

Results = list[tuple[dict[str, Any], Analysis]]


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


ROWS = _rows(DEVELOPMENT)
HELDOUT_ROWS = _rows(HELDOUT)


def _analyse(engine: Engine, rows: list[dict[str, Any]]) -> Results:
    return [(row, engine.analyse(row["draft"], row["customer"])) for row in rows]


@pytest.fixture(scope="module")
def results(engine: Engine) -> Results:
    return _analyse(engine, ROWS)


@pytest.fixture(scope="module")
def heldout(engine: Engine) -> Results:
    return _analyse(engine, HELDOUT_ROWS)


@pytest.fixture(scope="module", params=["development", "heldout"])
def every_set(request: pytest.FixtureRequest, results: Results, heldout: Results) -> Results:
    return results if request.param == "development" else heldout


def _missed(results: Results) -> list[str]:
    return [row["id"] for row, a in results if row["label"] == "bad" and not a.serious]


def _flagged(results: Results) -> dict[str, list[str]]:
    return {
        row["id"]: [f.text for f in a.serious]
        for row, a in results
        if row["label"] == "good" and a.serious
    }


def _count(results: Results, label: str) -> int:
    return sum(1 for row, _ in results if row["label"] == label)


@pytest.mark.parametrize("args", [[], ["--heldout"]])
def test_the_sets_are_well_formed(args: list[str]) -> None:
    checker = DATA / "check_drafts.py"
    done = subprocess.run(
        [sys.executable, str(checker), *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_set_is_big_enough() -> None:
    assert len(ROWS) >= 150
    assert len(HELDOUT_ROWS) >= 20


def test_every_bad_draft_gets_a_medium_or_high_finding(results: Results) -> None:
    missed = _missed(results)
    bad = _count(results, "bad")
    print(f"development recall: {bad - len(missed)}/{bad}")
    # "We cannot ..." and "you should have ..." also fired on polite corpus drafts, so the
    # model may overrule those rules where it finds the sentence calm (see the README):
    # a few bare refusals here are then low hints.
    assert len(missed) <= 0.05 * bad, missed


def test_few_good_drafts_are_flagged(results: Results) -> None:
    flagged = _flagged(results)
    good = _count(results, "good")
    print(f"development false flags: {len(flagged)}/{good} {flagged}")
    assert len(flagged) <= MAX_FALSE_FLAG_RATE * good, flagged


def test_heldout_recall_and_false_flags(heldout: Results) -> None:
    missed, flagged = _missed(heldout), _flagged(heldout)
    bad, good = _count(heldout, "bad"), _count(heldout, "good")
    print(
        f"held-out recall: {bad - len(missed)}/{bad} (missed {missed}); "
        f"false flags: {len(flagged)}/{good} {flagged}"
    )
    assert bad - len(missed) >= HELDOUT_MIN_RECALL * bad, missed
    assert len(flagged) <= HELDOUT_MAX_FALSE_FLAG_RATE * good, flagged


def test_every_rewrite_keeps_the_facts(every_set: Results) -> None:
    lost = [
        (row["id"], fact)
        for row, analysis in every_set
        for fact in row["facts"]
        if fact not in analysis.rewrite
    ]
    assert lost == []


def test_an_offered_rewrite_has_no_serious_findings_left(
    engine: Engine, every_set: Results
) -> None:
    left = {
        row["id"]: [f.text for f in engine.findings(analysis.rewrite) if f.serious]
        for row, analysis in every_set
        if analysis.offered
    }
    assert {k: v for k, v in left.items() if v} == {}
    for row, analysis in every_set:
        if not analysis.offered:
            assert analysis.rewrite == row["draft"], row["id"]
