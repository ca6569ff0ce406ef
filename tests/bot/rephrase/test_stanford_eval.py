"""The zero-shot politeness check: its TSV reader, quartile split, accuracy and AUC, and CLI."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase import stanford_eval as se
from tests.process import run_bot

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "stanford" / "sample.tsv"

# What a made-up scorer says about each fixture request: two polite ones, two impolite ones.
SCORES = {
    "Thanks so much, could you please take a look?": 0.5,
    "Hi! Would you mind checking the link?": 0.0,  # at the neutral point: counts as impolite
    "Why did you do that?": -0.2,
    "What on earth is this?": 0.1,
}


def test_reader_undoes_the_escapes_and_keeps_the_order() -> None:
    requests = se.read_tsv(SAMPLE)
    assert [r.id for r in requests] == [str(n) for n in range(1, 9)]
    assert requests[6].text == "A tab\there and a line\nbreak, C:\\temp?"
    assert requests[0].score == 1.9


def test_quartiles_keep_the_top_and_bottom_quarter_by_human_score() -> None:
    polite, impolite = se.quartiles(se.read_tsv(SAMPLE))
    assert [r.id for r in polite] == ["4", "1"]
    assert [r.id for r in impolite] == ["5", "2"]


def test_a_tie_at_the_edge_keeps_the_file_order() -> None:
    tied = [se.Request(str(n), "x", 0.0) for n in range(4)]
    assert se.quartiles(tied) == ([tied[3]], [tied[0]])


def test_accuracy_counts_polite_above_the_threshold_and_impolite_at_or_below() -> None:
    result = se.evaluate("Fixture", se.read_tsv(SAMPLE), SCORES.__getitem__)
    assert (result.sample, result.polite, result.impolite) == (8, 2, 2)
    assert result.correct == 2  # 0.5 and -0.2 right; 0.0 (polite) and 0.1 (impolite) wrong
    assert result.accuracy == 0.5
    assert result.auc == 0.75  # three of the four (polite, impolite) pairs in order


def test_auc_counts_ties_half_and_needs_both_sides() -> None:
    assert se.auc([1.0], [1.0]) == 0.5
    assert se.auc([0.3, 0.2], [0.1]) == 1.0
    assert se.auc([], [0.1]) == 0.0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "first line must be the header"),
        ("id\ttext\tscore\n", "first line must be the header"),
        ("id\trequest\tnormalized_score\n1\tno score\n", ":2: expected 3 tab-separated fields"),
        ("id\trequest\tnormalized_score\n1\tHi\thigh\n", ":2: score 'high' is not a number"),
        ("id\trequest\tnormalized_score\n1\tbad \\q\t1\n", ":2: unknown escape \\q"),
        (
            "id\trequest\tnormalized_score\n1\tends in \\\t1\n",
            ":2: a lone backslash ends the request",
        ),
    ],
)
def test_a_malformed_file_names_the_line_and_the_fault(text: str, message: str) -> None:
    with pytest.raises(se.TsvError) as caught:
        se.parse_tsv(text, "x.tsv")
    assert message in str(caught.value)


@given(
    st.lists(
        st.tuples(
            st.from_regex(r"[0-9]{1,9}", fullmatch=True),
            st.text(min_size=1),
            st.floats(allow_nan=False, allow_infinity=False),
        ),
        max_size=8,
    )
)
def test_any_request_survives_a_write_and_read(rows: list[tuple[str, str, float]]) -> None:
    lines = ["\t".join(se.HEADER)]
    lines += [f"{ident}\t{se.escape(text)}\t{score!r}" for ident, text, score in rows]
    parsed = se.parse_tsv("\n".join(lines) + "\n")
    assert [(r.id, r.text, r.score) for r in parsed] == rows


@given(st.text())
def test_the_reader_fails_only_with_its_own_clear_error(text: str) -> None:
    with contextlib.suppress(se.TsvError):
        se.parse_tsv(text)


def test_the_committed_sample_is_whole() -> None:
    sizes = {name: len(se.read_tsv(se.STANFORD_DIR / file)) for name, file in se.COMMUNITIES}
    assert sizes == {"Wikipedia": 693, "Stack Exchange": 680}


def test_cli_prints_accuracy_and_auc_per_community(tmp_path: Path) -> None:
    result = run_bot("rephrase", "politeness-eval", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[3:]}
    assert set(rows) == {"Wikipedia", "Stack"}
    wikipedia = rows["Wikipedia"].split()
    assert wikipedia[1:3] == ["693", "346"]
    assert wikipedia[3].endswith("%") and 0.5 < float(wikipedia[4]) <= 1.0
