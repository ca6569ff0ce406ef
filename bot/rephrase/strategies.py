"""The politeness strategies of Danescu-Niculescu-Mizil et al. (ACL 2013), over tokens.

Table 3 of "A computational approach to politeness" lists the strategies people perceive,
made computable on Brown and Levinson's theory; each is detected here from a sentence's
tokens. Positive and negative words come from VADER's lexicon (valence of at least 1.5
either way), already loaded by the politeness score. The sign of each weight follows the
paper's finding (polite or impolite); the sizes are ours.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from bot.rephrase.lexical import Token
from bot.rephrase.lexical import words as _words

GREETINGS = frozenset({"hi", "hello", "hey", "dear", "morning", "afternoon", "evening"})
DEFERENCE = frozenset(
    {"great", "good", "nice", "interesting", "cool", "excellent", "awesome", "fair", "glad"}
)
APOLOGY = frozenset({"sorry", "apologise", "apologize", "apology", "apologies", "oops"})
APOLOGY_PAIRS = frozenset({("excuse", "me"), ("forgive", "me"), ("i", "regret")})
GRATITUDE = frozenset({"thank", "thanks", "appreciate", "grateful", "thx", "ty"})


# The paper's hedge list (from Hyland's metadiscourse markers), as lemmas.
HEDGES = _words(
    """
    think believe suggest guess assume seem appear probably possibly perhaps maybe might
    could would somewhat apparently likely unlikely presumably suppose suspect tend
    generally usually typically often sometimes almost mostly roughly around about
    fairly quite rather relatively largely mainly may hope wonder feel estimate indicate
    possible probable
    """
)
FACTUALITY = frozenset({"actually", "really", "honestly", "surely", "clearly", "obviously"})
FACT_PAIRS = frozenset(
    {("in", "fact"), ("the", "truth"), ("the", "point"), ("the", "reality"), ("the", "fact")}
)
DIRECT_START = frozenset({"so", "then", "and", "but", "or"})
QUESTION_WORDS = frozenset({"what", "why", "who", "how", "where", "when"})
FIRST_SINGULAR = frozenset({"i", "my", "mine", "me", "myself", "i'm", "i've", "i'll", "i'd"})
FIRST_PLURAL = frozenset({"we", "our", "us", "ours", "we're", "we've", "we'll", "we'd"})
SECOND = frozenset({"you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd"})
COUNTERFACTUAL = frozenset({"could", "would"})
INDICATIVE = frozenset({"can", "will"})

# (strategy, weight): positive strategies raise the score, negative ones lower it.
WEIGHTS: Mapping[str, float] = {
    "gratitude": 0.35,
    "deference": 0.15,
    "greeting": 0.15,
    "positive": 0.1,
    "negative": -0.15,
    "apologising": 0.3,
    "please": 0.15,
    "please_start": -0.05,
    "by_the_way": 0.05,
    "direct_question": -0.15,
    "direct_start": -0.05,
    "counterfactual": 0.2,
    "indicative": 0.1,
    "first_person_start": 0.05,
    "first_person_plural": 0.05,
    "first_person": 0.05,
    "second_person": 0.0,
    "second_person_start": -0.15,
    "hedges": 0.1,
    "factuality": -0.1,
}
STRATEGIES = tuple(WEIGHTS)
POLAR = 1.5


def sentence_strategies(
    toks: Sequence[Token], lexicon: Mapping[str, float], found: set[str]
) -> None:
    """Add to `found` the strategies one sentence's tokens use."""
    words = [t.lower for t in toks if t.lower[0].isalpha()]
    if not words:
        return
    first = words[0]
    pairs = set(pairwise(words))
    if first in GREETINGS or ("good" in words[:1] and words[1:2] in (["morning"], ["evening"])):
        found.add("greeting")
    if first in DEFERENCE:
        found.add("deference")
    if first == "please":
        found.add("please_start")
    elif "please" in words:
        found.add("please")
    if first in DIRECT_START:
        found.add("direct_start")
    if first in FIRST_SINGULAR:
        found.add("first_person_start")
    if first in SECOND:
        found.add("second_person_start")
    if first in QUESTION_WORDS and toks[-1].lower == "?":
        found.add("direct_question")
    if first in COUNTERFACTUAL and words[1:2] == ["you"]:
        found.add("counterfactual")
    if first in INDICATIVE and words[1:2] == ["you"]:
        found.add("indicative")
    if (("by", "the") in pairs and "way" in words) or "btw" in words:
        found.add("by_the_way")
    if pairs & FACT_PAIRS:
        found.add("factuality")
    if pairs & APOLOGY_PAIRS:
        found.add("apologising")
    # _word_strategies inlined: a call per token costs more than its checks.
    get = lexicon.get
    for token in toks:
        word, lemma = token.lower, token.lemma
        if word in GRATITUDE or lemma in GRATITUDE:
            found.add("gratitude")
        elif word in APOLOGY or lemma in APOLOGY:
            found.add("apologising")
        elif lemma in HEDGES:
            found.add("hedges")
        elif word in FACTUALITY:
            found.add("factuality")
        valence = get(word, 0.0)
        if valence >= POLAR:
            found.add("positive")
        elif valence <= -POLAR:
            found.add("negative")
    for word in words[1:]:
        if word in FIRST_SINGULAR:
            found.add("first_person")
        elif word in SECOND:
            found.add("second_person")
    if any(w in FIRST_PLURAL for w in words):
        found.add("first_person_plural")


# Where the paper's definitions reach further than sentence_strategies: "could/would you"
# and "can/will you" anywhere in a sentence, a question word among its first two words, any
# word beginning "thank", and Hyland's hedges the list above lacks ("should" left out: in a
# support reply it directs). The trained model's features use sentence_strategies as it was
# fitted, so only the politeness score adds these until the model is retrained.
PAPER_HEDGES = _words(
    """
    doubt claim argue essentially approximately apparent plausible plausibly presumable
    uncertain unclear broadly frequently postulate ought
    """
)
HEDGE_PHRASES = (
    ("in", "my", "opinion"),
    ("in", "my", "view"),
    ("in", "our", "opinion"),
    ("in", "our", "view"),
    ("to", "my", "knowledge"),
    ("from", "my", "perspective"),
    ("on", "the", "whole"),
    ("in", "most", "cases"),
)
COUNTERFACTUAL_PAIRS = frozenset({("could", "you"), ("would", "you")})
INDICATIVE_PAIRS = frozenset({("can", "you"), ("will", "you")})


# The pairs and phrases above as text, for a search in a sentence's words joined by spaces
# (no word holds a space, so " could you " is found exactly where the pair is).
_COUNTERFACTUAL_TEXT = tuple(f" {a} {b} " for a, b in COUNTERFACTUAL_PAIRS)
_INDICATIVE_TEXT = tuple(f" {a} {b} " for a, b in INDICATIVE_PAIRS)
_HEDGE_TEXT = tuple(" " + " ".join(phrase) + " " for phrase in HEDGE_PHRASES)


def paper_strategies(toks: Sequence[Token], found: set[str]) -> None:
    """Add to `found` what the paper's wider definitions catch in one sentence's tokens."""
    words = [t.lower for t in toks if t.lower[0].isalpha()]
    if not words:
        return
    joined = " " + " ".join(words) + " "
    if any(pair in joined for pair in _COUNTERFACTUAL_TEXT):
        found.add("counterfactual")
    if any(pair in joined for pair in _INDICATIVE_TEXT):
        found.add("indicative")
    if toks[-1].lower == "?" and any(w in QUESTION_WORDS for w in words[:2]):
        found.add("direct_question")
    if " thank" in joined:  # a word that begins "thank"
        found.add("gratitude")
    lemmas = [t.lemma for t in toks]
    if not PAPER_HEDGES.isdisjoint(lemmas) or any(p in joined for p in _HEDGE_TEXT):
        found.add("hedges")
