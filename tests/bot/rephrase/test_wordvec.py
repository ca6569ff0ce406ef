"""Per-word weights distilled from word vectors, and thresholds chosen on out-of-fold scores."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rephrase import Engine, corpus
from bot.rephrase.features import unit_features
from bot.rephrase.lexical import tokens
from bot.rephrase.model import carrying_tokens
from bot.rephrase.thresholds import FOLDS, Scored, choose, fold_of, rates
from bot.rephrase.wordvec import indexed_words, mean_weight, token_words, unit_words

texts = st.text(
    alphabet=st.characters(codec="utf-8"),
    max_size=200,  # utf-8 has no lone surrogates
) | st.lists(
    st.sampled_from(["You", "you're", "NEVER", "2x", "🙄", "!!", "don’t", "#A-12", "'q'", "."]),
    max_size=30,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_the_words_of_tokens_and_of_features_agree(text: str) -> None:
    """Run time reads a unit's words from its tokens, training from its features."""
    toks = tokens(text)
    feats = unit_features(toks, {})
    assert token_words(toks) == [w for w, _ in unit_words(feats)]
    assert indexed_words(toks) == unit_words(feats)  # a finding's word credit
    assert all(w[0].isalpha() for w in token_words(toks))


def test_mean_weight_counts_unknown_words_as_zero() -> None:
    table = {"whatever": 0.9, "thanks": -0.6}
    assert mean_weight([], table) == 0.0
    assert mean_weight(["whatever", "zzz"], table) == 0.45
    assert mean_weight(["thanks", "thanks"], table) == -0.6


def test_the_words_that_carried_the_weight_set_the_span() -> None:
    toks = tokens("ok fine whatever you say")
    feats = unit_features(toks, {})
    # No n-gram weight at all: only the word weights decide where the finding points.
    first, last = carrying_tokens(feats, {}, len(toks), {"whatever": 1.0, "fine": 0.2})
    assert (first, last) == (2, 2)


def test_the_shipped_model_has_word_weights_for_unseen_words(engine: Engine) -> None:
    model = engine.model
    assert model is not None
    weights = model.word_weights
    seen = {w for d in corpus.load(splits=("train", "dev")) for w in token_words(tokens(d.text))}
    unseen = [w for w in weights if w not in seen]
    assert len(weights) > 10_000 and len(unseen) > 5_000, "the vectors reach words never labelled"
    assert all(isinstance(v, float) for v in weights.values())


def _scored(rude: list[float], polite: list[float]) -> list[Scored]:
    def draft(n: int, label: str) -> corpus.Draft:
        kind = "blame" if label == "rude" else "polite"
        return corpus.Draft(f"{label}-{n}", "x", label, kind, "paraphrase", False, (), "", "")

    return [Scored(draft(n, "rude"), p, ()) for n, p in enumerate(rude)] + [
        Scored(draft(n, "polite"), p, ()) for n, p in enumerate(polite)
    ]


def test_thresholds_take_the_lowest_score_that_meets_the_targets() -> None:
    scored = _scored(rude=[0.95, 0.9, 0.7, 0.4], polite=[0.1] * 97 + [0.5, 0.6, 0.8])
    chosen, got = choose(scored, max_polite=0.02, max_trap=1.0)
    assert chosen["medium"] == 0.6  # two polite drafts at 0.6 or more would be 2% + 1
    assert got.polite <= 0.02 and got.rude == 0.75
    assert chosen["low"] < chosen["medium"] <= chosen["high"]
    assert rates(scored, 0.99).rude == 0.0


def test_a_rule_gate_is_chosen_when_rules_alone_flag_too_many_polite_drafts() -> None:
    scored = _scored(rude=[0.9, 0.8], polite=[0.1] * 100)
    # Three polite drafts hold a rule's words in sentences the model scores 0.1 or 0.2;
    # one rude draft's rule finding sits in a sentence it scores 0.6.
    polite = [Scored(s.draft, s.probability, (0.2,)) for s in scored[2:5]]
    rude = Scored(scored[0].draft, 0.4, (0.6,))
    scored = [rude, scored[1], *polite, *scored[5:]]
    chosen, got = choose(scored, max_polite=0.02, max_trap=1.0)
    assert chosen["rule_gate"] > 0.2 and got.rude == 1.0 and got.polite == 0.0
    assert rates(scored, 0.5, gate=0.0).polite == 0.03


def test_folds_are_fixed_and_balanced() -> None:
    ids = [f"blame-{n}" for n in range(1000)]
    counts = [sum(1 for i in ids if fold_of(i) == k) for k in range(FOLDS)]
    assert fold_of("blame-1") == fold_of("blame-1")
    assert min(counts) > 150
