"""The blind reading of offered rewrites (corpus/rewrite_review/independent.jsonl): well formed,
and over the issue's minimum of 60% good. A record of one reading at one commit, so it is not
compared with what is offered today (test_rewrite_review.py does that for the dev file)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.rephrase.rewrite_eval import split_of

REVIEW = Path(__file__).resolve().parents[3] / "corpus" / "rewrite_review" / "independent.jsonl"
ROWS = [json.loads(line) for line in REVIEW.read_text(encoding="utf-8").splitlines() if line]
FLOOR = 0.6  # the minimum; its goal is 0.8


def test_each_row_is_a_judged_dev_or_test_rewrite() -> None:
    assert ROWS
    for row in ROWS:
        assert row["split"] == split_of(row["id"]) in ("dev", "test")
        assert row["judgement"] in ("good", "awkward", "wrong")
        assert row["draft"] != row["rewrite"]
        assert row["note"]
    assert len({row["id"] for row in ROWS}) == len(ROWS)


def test_the_blind_reading_is_over_the_minimum() -> None:
    good = sum(row["judgement"] == "good" for row in ROWS)
    print(f"read blind: {good}/{len(ROWS)} good")
    assert good / len(ROWS) >= FLOOR
