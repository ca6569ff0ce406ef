"""The engine never crashes, and its offsets and rewrites hold for any text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.rephrase import Engine

PHRASES = [
    "You're wrong",
    "calm down",
    "I SAID",
    "not our problem",
    "damn",
    "OBVIOUSLY",
    "!!!",
    "Mistakes were made",
    "It\u2019s not my fault",
    "SLA ETA ONT",
    "\u201cquoted\u201d",
    "\n\n",
    "Sigh.",
    "No way,",
    "If you'd read the letter, you'd know",
]
texts = st.lists(st.one_of(st.text(max_size=40), st.sampled_from(PHRASES)), max_size=30).map(
    " ".join
)
SLOW_OK = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SLOW_OK
@given(text=texts)
def test_offsets_point_at_the_finding_text(engine: Engine, text: str) -> None:
    analysis = engine.analyse(text)
    for finding in analysis.findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start : finding.end] == finding.text
    assert -1 <= analysis.score <= 1
    assert -1 <= analysis.rewrite_score <= 1


@SLOW_OK
@given(text=texts)
def test_no_serious_findings_means_no_change(engine: Engine, text: str) -> None:
    analysis = engine.analyse(text)
    if not analysis.serious:
        assert analysis.rewrite == text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=3000, max_size=4000))
def test_long_unicode_text(engine: Engine, text: str) -> None:
    engine.analyse(text, customer_message=text[:200])


def test_empty_text(engine: Engine) -> None:
    analysis = engine.analyse("")
    assert (analysis.findings, analysis.nudges, analysis.rewrite) == ((), (), "")
