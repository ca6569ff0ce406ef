"""Detection over word forms, the trained model's findings, and the shouting fix."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rephrase import Engine
from bot.rephrase.lexical import lemma, tokens
from bot.rephrase.politeness import Politeness


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("told", "tell"),
        ("telling", "tell"),
        ("tells", "tell"),
        ("everybody", "everyone"),
        ("doesn't", "don't"),
        ("stopping", "stop"),
        ("escalated", "escalate"),
        ("making", "make"),
        ("tried", "try"),
        ("policies", "policy"),
        ("clearly", "clearly"),
        ("nothing", "nothing"),
    ],
)
def test_lemmas(word: str, expected: str) -> None:
    assert lemma(word) == expected


def test_tokens_keep_offsets_and_hide_codes() -> None:
    text = "I’ve told you TWICE: order #A-4821 🙄!!"
    toks = tokens(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert [t.lower for t in toks] == ["i've", "told", "you", "twice", "order", "<num>", "🙄", "!"]


def test_the_full_strategy_set() -> None:
    p = Politeness()
    found = set(p.strategies("Hi Ana, thanks! Could you send it? By the way, I think it helps."))
    assert {"greeting", "gratitude", "counterfactual", "by_the_way", "hedges"} <= found
    blunt = set(p.strategies("So why did you do that? In fact, you never read it."))
    assert {"direct_start", "factuality", "second_person"} <= blunt


def _serious(engine: Engine, text: str) -> list[str]:
    return [f.rule for f in engine.findings(text) if f.serious]


@pytest.mark.parametrize(
    "text",
    [
        "Please do NOT unplug the router.",
        "NO. We will not refund it.",
        "I have ALREADY answered this.",
    ],
)
def test_capital_everyday_words_are_shouting(engine: Engine, text: str) -> None:
    assert any(f.kind == "shouting" and f.serious for f in engine.findings(text))


@pytest.mark.parametrize(
    "text",
    [
        "Use code SAVE20 or WELCOME at checkout.",
        "Your order ORD-99812 ships today.",
        "See https://example.com/HELP/FAQ?ref=SPRING for details.",
        "The charge from 'SQ *BLUE DOOR' is a coffee shop.",
        "Your COVID booster is on Friday.",
    ],
)
def test_codes_ids_and_urls_are_not_shouting(engine: Engine, text: str) -> None:
    assert [f for f in engine.findings(text) if f.kind == "shouting"] == []


def test_a_model_finding_is_explained(engine: Engine) -> None:
    text = (
        "Hi Sam, thanks for your message. I checked the order and it left our warehouse "
        "on Monday. Honestly, anyone who bothered to read the tracking page would know "
        "that already. The courier expects to deliver it by Thursday, and I'll keep an eye "
        "on it for you. Have a good day."
    )
    found = [f for f in engine.findings(text) if f.serious]
    assert found, "a rude sentence buried in a polite reply is found"
    tips = {t.id for t in engine.content.tips}
    for f in found:
        assert f.why and f.tip in tips and f.suggestions
        assert text[f.start : f.end] == f.text
        assert 60 < f.start < 200  # it points into the buried sentence, not the greeting


texts = st.text(
    alphabet=st.characters(codec="utf-8"),
    max_size=300,  # utf-8 has no lone surrogates
) | st.lists(
    st.sampled_from(
        ["You", "never", "read", "Obviously", "NOT", "🙄", "!!!", "thanks", ".", "\n", "'q'"]
    ),
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_detection_never_crashes_and_spans_lie_inside(text: str) -> None:
    from bot.rephrase import default_engine

    for f in default_engine().findings(text):
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.severity in ("low", "medium", "high")
