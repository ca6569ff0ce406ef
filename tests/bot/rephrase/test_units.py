"""Which sentences the rewrite rewords: recasts on sentences no serious finding covers, and
findings no rewrite can act on (units.py, through the Rewriter)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content.segment import sentence_spans
from bot.rephrase import Engine, units
from bot.rephrase.models import Finding
from bot.rephrase.rewrite import Rewriter


def _finding(draft: str, words: str, kind: str, severity: str, rule: str) -> Finding:
    start = draft.index(words)
    return Finding(kind, severity, start, start + len(words), words, "", "", (), rule)


def test_a_lead_in_is_recast_though_the_model_calls_its_sentence_only_low() -> None:
    draft = "Calm down, sir. I told you twice already, the refund takes 5 days."
    picked = [_finding(draft, "Calm down", "dismissive", "high", "calm-down")]
    low = _finding(
        draft,
        "told you twice already, the refund takes 5 days",
        "impatience",
        "low",
        "model:impatience",
    )
    found = units.recastable(draft, picked, (picked[0], low), sentence_spans(draft))
    assert [f.text for f in found] == ["I told you twice already, the refund takes 5 days."]
    assert found[0].rule == units.RECAST_RULE


def test_the_recast_is_offered_with_the_information_kept(engine: Engine) -> None:
    draft = "Calm down, sir. I told you twice already, the refund takes 5 days."
    analysis = engine.analyse(draft)
    if analysis.offered:  # otherwise withheld: never the lead-in kept
        assert "told you" not in analysis.rewrite
        assert "The refund takes 5 days." in analysis.rewrite


def test_an_unflagged_sentence_of_attitude_is_recast_in_a_draft_rude_elsewhere() -> None:
    draft = "For the last time, the bills are separate. Is that clear now?"
    picked = [_finding(draft, "For the last time", "impatience", "high", "model:impatience")]
    found = units.recastable(draft, picked, tuple(picked), sentence_spans(draft))
    assert [f.text for f in found] == ["Is that clear now?"]
    # A draft nobody flagged is not touched at all.
    assert units.recastable(draft, [], (), sentence_spans(draft)) == []


_FACTS = ["The parcel left on Monday.", "Your refund takes 5 days.", "Check-in is at 3pm."]
_ATTITUDE = [
    "Is that clear now?",
    "Let me spell it out for you: the form is on page 2.",
    "I've told you this before.",
    "As I already explained, the shop closes at 6.",
]


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    facts=st.lists(st.sampled_from(_FACTS), min_size=1, max_size=2),
    attitude=st.sampled_from(_ATTITUDE),
    at=st.integers(0, 2),
)
def test_an_offered_rewrite_keeps_no_sentence_of_attitude(
    engine: Engine, facts: list[str], attitude: str, at: int
) -> None:
    sentences = ["For the third time, you need the order number.", *facts]
    sentences.insert(min(at, len(sentences)), attitude)
    draft = " ".join(sentences)
    analysis = engine.analyse(draft)
    if analysis.offered:
        lead = attitude.split(":")[0].split(",")[0].rstrip(".?")
        assert lead not in analysis.rewrite
        for fact in facts:
            assert fact in analysis.rewrite


def _rewriter(engine: Engine) -> Rewriter:
    return Rewriter(engine.findings, engine.model)


def test_a_model_finding_on_an_emoji_alone_leaves_the_draft_as_it_is(engine: Engine) -> None:
    draft = "We found a phone charger in room 312. Want us to post it to you? 🔌"
    emoji = _finding(draft, "🔌", "condescending", "medium", "model:condescending")
    outcome = _rewriter(engine).outcome(draft, (emoji,))
    assert outcome.text == draft
    assert outcome.status == "withheld" and "🔌" in outcome.reason


def test_one_stressed_word_in_a_kind_sentence_is_emphasis_not_shouting(engine: Engine) -> None:
    draft = "Heads up: the storm means ALL ferries are suspended today. Please stay home."
    stressed = _finding(draft, "ALL", "shouting", "medium", "capitals")
    outcome = _rewriter(engine).outcome(draft, (stressed,))
    assert outcome.text == draft
    shouted = "NO. We don't price match that shop."
    alone = _finding(shouted, "NO", "shouting", "medium", "capitals")
    assert not units.weak(shouted, alone, sentence_spans(shouted), engine.model)


def test_capitals_naming_the_code_after_them_are_a_label(engine: Engine) -> None:
    draft = "Dear Ms Lee, please quote POLICY NO. HX-2024-77812 on any letter."
    label = _finding(draft, "POLICY NO", "shouting", "medium", "capitals")
    assert units.weak(draft, label, sentence_spans(draft), engine.model)
    assert _rewriter(engine).outcome(draft, (label,)).text == draft
    loud = "CALL 0800 555 0199 NOW!!!"  # with "!!" the capitals shout, whatever follows
    call = _finding(loud, "CALL", "shouting", "medium", "capitals")
    assert not units.weak(loud, call, sentence_spans(loud), engine.model)
