"""The labelled corpus (corpus/rephrase/): well formed, big and varied enough, split by rule."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.rephrase import corpus

ROWS = corpus.read_rows(sorted(corpus.CORPUS_DIR.glob("*.jsonl")))
DRAFTS = corpus.load()


def test_every_line_follows_the_format() -> None:
    wrong = {f"{name}:{line}": corpus.problems(row) for name, line, row in ROWS}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_ids_are_unique_and_named_by_kind() -> None:
    ids = Counter(d.id for d in DRAFTS)
    assert [i for i, n in ids.items() if n > 1] == []
    for d in DRAFTS:
        assert d.id.rsplit("-", 1)[0] == d.kind, d.id


def test_spans_are_exact_substrings() -> None:
    for d in DRAFTS:
        assert all(span in d.text for span in d.spans), d.id
        assert bool(d.spans) == d.rude, d.id


def test_the_counts_the_issue_asks_for() -> None:
    rude = [d for d in DRAFTS if d.rude]
    polite = [d for d in DRAFTS if not d.rude]
    assert len(DRAFTS) >= 2000
    assert {d.kind for d in rude} == set(corpus.RUDE_KINDS)
    assert sum(d.form == "paraphrase" for d in rude) >= len(rude) / 2
    assert sum(d.long for d in rude) >= 150
    assert len(polite) >= 600
    assert sum(d.kind == "trap" for d in polite) >= 200
    counts = Counter(d.kind for d in rude)
    print(dict(counts))
    assert min(counts.values()) >= 60  # every kind is well represented


def test_drafts_span_industries_and_channels() -> None:
    assert {d.industry for d in DRAFTS} == set(corpus.INDUSTRIES)
    assert {d.channel for d in DRAFTS} == set(corpus.CHANNELS)


@pytest.mark.parametrize(("draft_id", "split"), [("blame-007", "test"), ("trap-001", "dev")])
def test_the_split_is_computed_from_the_id(draft_id: str, split: str) -> None:
    assert corpus.split_of(draft_id) == split


def test_every_split_holds_every_kind() -> None:
    for split in corpus.SPLITS:
        kinds = {d.kind for d in DRAFTS if d.split == split}
        assert kinds == {*corpus.RUDE_KINDS, *corpus.POLITE_KINDS}, split


def test_a_bad_line_is_reported_with_what_is_wrong() -> None:
    assert corpus.problems({"id": "x"})[0].startswith("keys")
    row = {
        "id": "blame-999", "text": "You broke it.", "label": "rude", "kind": "blame",
        "form": "textbook", "long": False, "spans": ["broke it!"], "industry": "retail",
        "channel": "chat",
    }  # fmt: skip
    assert corpus.problems(row) == ["span 'broke it!' is not a substring of text"]


def test_the_held_out_set_is_apart_from_the_corpus() -> None:
    """corpus/holdout/ is well formed, never split into train/dev/test, and shares no text."""
    held_out = corpus.load_holdout()
    kinds = Counter(d.kind for d in held_out)
    assert all(kinds[kind] >= 20 for kind in (*corpus.RUDE_KINDS, *corpus.POLITE_KINDS))
    assert not {d.id for d in held_out} & {d.id for d in DRAFTS}
    assert not {d.text for d in held_out} & {d.text for d in DRAFTS}
