"""The ingest tool drafts advice-like sentences and drops page debris."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content.ingest import candidate_tips, main_ingest

DEBRIS = re.compile(
    r"comment|posted by|reply|share this|subscribe|flippingbook|gravatar|\{|amazed"
    r"|mailing systems technology",
    re.IGNORECASE,
)

SMALL_ARTICLE = """\
Five Ways to Calm a Caller

Posted by Dana on March 3, 2021
Share this

Always greet the customer by name. Mr. Brown, our manager, says it works e.g. on Mondays.
Our office moved to 12.5 Main St. last year.
  1. Listen before you answer.
  2. Offer a callback if the wait is long.
Make sure you write down the case number.
I remember a caller who shouted for ten minutes.

Reply
3 comments:
Great post! You should write more.
Posted by Sam at 10:02 AM
Never stop blogging!
"""


def test_small_article_keeps_advice_and_drops_chatter() -> None:
    bodies = [c["body"] for c in candidate_tips(SMALL_ARTICLE, "small.txt")]
    assert bodies == [
        "Always greet the customer by name.",
        "Listen before you answer.",
        "Offer a callback if the wait is long.",
        "Make sure you write down the case number.",
    ]


def test_candidates_have_tip_shape() -> None:
    (first, *_) = candidate_tips(SMALL_ARTICLE, "small.txt")
    assert first == {
        "id": "always-greet-the-customer-by",
        "title": "Always greet the customer by name",
        "body": "Always greet the customer by name.",
        "tags": ["to-review"],
        "source": "small.txt",
    }


def test_all_articles(articles: dict[str, str]) -> None:
    for name, text in articles.items():
        candidates = candidate_tips(text, name)
        assert candidates, name
        ids = [c["id"] for c in candidates]
        assert len(ids) == len(set(ids)), name
        for cand in candidates:
            assert not DEBRIS.search(str(cand["body"])), (name, cand["body"])
            assert cand["source"] == name


def test_main_ingest_prints_valid_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "small.txt"
    article.write_text(SMALL_ARTICLE, encoding="utf-8")
    assert main_ingest(article) == 0
    parsed = tomllib.loads(capsys.readouterr().out)
    assert len(parsed["tip"]) == 4
    assert parsed["tip"][0]["source"] == "small.txt"


def test_main_ingest_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main_ingest(tmp_path / "absent.txt") == 1
    assert "absent.txt" in capsys.readouterr().err


@given(st.text())
def test_candidate_tips_never_crash(text: str) -> None:
    for cand in candidate_tips(text, "x.txt"):
        assert cand["body"]
