"""The CLI's readable report says why no rewrite is shown, as the Slack reply does."""

from __future__ import annotations

from bot.content import load_content
from bot.rephrase.models import Analysis
from bot.rephrase.report import text_report

DRAFT = "Calm down. It ships Friday."


def _analysis(status: str, rewrite: str = DRAFT, reason: str = "") -> Analysis:
    return Analysis(DRAFT, (), (), rewrite, 0.0, 0.0, rewrite_status=status, rewrite_reason=reason)


def test_withheld_prints_the_reason_not_the_draft() -> None:
    why = "No rewrite for “Calm down”: it would have left out information."
    out = text_report(_analysis("withheld", reason=why), load_content())
    assert "Rewrite: none this time. " + why in out
    assert "Rewrite:\n" not in out


def test_exhausted_prints_the_reason() -> None:
    why = "You've seen every wording I have for this draft."
    out = text_report(_analysis("exhausted", reason=why), load_content())
    assert out.endswith("Rewrite: none this time. " + why)


def test_offered_prints_the_rewrite() -> None:
    out = text_report(_analysis("offered", rewrite="It ships Friday."), load_content())
    assert out.endswith("Rewrite:\nIt ships Friday.")
