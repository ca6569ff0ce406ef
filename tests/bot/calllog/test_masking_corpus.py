"""The masker against the labelled corpus (corpus/masking). Labels were written by hand before
the masker was tuned; the test split is scored here but never used to tune anything."""

from __future__ import annotations

import pytest

from bench.masking_corpus import JSONL, SPLITS, load, parse_sources, render
from bench.masking_eval import SETTINGS, score
from bot.calllog.masking import Masker

NOTES = load()
# The notes' own countries: every national number in them is listed.
LISTED = Masker(SETTINGS[-1])


def test_the_corpus_is_big_enough_and_matches_its_source() -> None:
    assert len(NOTES) >= 400
    assert JSONL.read_text("utf-8") == render(parse_sources())
    assert {note.split for note in NOTES} == set(SPLITS)


@pytest.mark.parametrize("split", SPLITS)
def test_no_sensitive_item_is_left_unmasked(split: str) -> None:
    result = score([n for n in NOTES if n.split == split], LISTED)
    assert result.sensitive > 50
    assert result.unmasked == 0, result.misses


@pytest.mark.parametrize("split", ["train", "dev"])
def test_with_the_default_region_alone_shapes_catch_the_rest(split: str) -> None:
    result = score([n for n in NOTES if n.split == split], Masker(("US",)))
    assert result.unmasked == 0, result.misses


def test_look_alikes_are_kept_on_dev() -> None:
    result = score([n for n in NOTES if n.split == "dev"], LISTED)
    assert result.kept_rate >= 0.95, result.misses
