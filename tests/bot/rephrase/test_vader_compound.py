"""The politeness score's VADER reading gives VADER's own compound, float for float."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SPECIAL_CASES

from bot.content.segment import split_sentences
from bot.rephrase import corpus
from bot.rephrase.vader_compound import CompoundVader

VADER = CompoundVader()
# Words that drive VADER's special cases: boosters, negations, idioms, "but", "least", caps.
WORDS = sorted(
    {*BOOSTER_DICT, *NEGATE, *(w for k in SPECIAL_CASES for w in k.split())}
    | {"no", "or", "nor", "but", "least", "at", "very", "kind", "of", "never", "so", "this"}
    | {"without", "doubt", "good", "bad", "great", "hate", "love", "sorry", "thanks", ":)"}
    | {"\U0001f600", "the", "refund", "order"}
)
WORD = st.sampled_from(WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()]))
PUNCT = st.sampled_from(["", "", ".", "!", "?", ",", "!!"])
SENTENCE = st.lists(st.tuples(WORD, PUNCT), max_size=14).map(
    lambda parts: " ".join(w + p for w, p in parts)
)


def _same(sentence: str) -> None:
    expected = float(VADER.polarity_scores(sentence)["compound"])
    assert repr(VADER.compound(sentence)) == repr(expected), sentence


@given(SENTENCE)
def test_compound_is_vaders_on_generated_sentences(sentence: str) -> None:
    _same(sentence)


@given(st.text(max_size=80))
def test_compound_is_vaders_on_any_text(text: str) -> None:
    _same(text)


def test_compound_is_vaders_without_lexicon_words() -> None:
    # No word in the lexicon: compound stops before VADER's steps, with VADER's 0.0.
    for sentence in ("", "  ", "The refund order.", "THE REFUND order!!", "the :-) order?"):
        _same(sentence)


def test_compound_is_vaders_on_corpus_sentences() -> None:
    drafts = corpus.load(splits=("dev",))
    for draft in drafts[:400]:
        for sentence in split_sentences(draft.text):
            _same(sentence)
