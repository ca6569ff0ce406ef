"""The draft model's score raises only the top unit (model.py, DRAFT_MIX): it says the reply
holds rudeness, not where, so a factual sentence beside a rude one keeps its own score."""

from __future__ import annotations

import pytest

from bot.rephrase import Engine
from bot.rephrase import model as tone

TEXTS = [
    "You're wrong, calm down. Your parcel left the depot at 9.",
    "Thanks for waiting. As I already said, the refund takes 5 days. It left on Monday.",
    "Your new card is on its way. It should arrive by Friday.",
    "Read the email. The fee stays. Nothing else to say.",
]


def _scores(model: tone.ToneModel, text: str) -> list[float]:
    return [s[2] for s in model.scored_units(text)[0]]


@pytest.mark.parametrize("text", TEXTS)
def test_only_the_top_unit_is_raised(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    assert engine.model is not None
    lifted = _scores(engine.model, text)
    monkeypatch.setattr(tone, "DRAFT_MIX", 0.0)
    own = _scores(engine.model, text)
    top = max(own)
    for before, after in zip(own, lifted, strict=True):
        assert after >= before if before >= top else after == before


def test_a_fact_beside_a_rude_sentence_gets_no_finding(engine: Engine) -> None:
    assert engine.model is not None
    text = TEXTS[0]
    fact = text.index("Your parcel")
    scores = engine.model.assess(text)[1]
    low = engine.model.thresholds["low"]
    (score,) = [p for a, _, p in scores if a == fact]
    assert score < low
    assert [f.text for f in engine.model.findings(text) if f.start >= fact] == []
