"""A rubric for offered rewrites that neither wrote them nor let them through.

It does not use the rewriter's templates, literals, guards, fluency check or sendable gate.
A rewrite passes when: no sentence scores at or above the detection model's own "medium"
threshold; VADER finds no sentence harsher than the draft's harshest; and none of a list of
plain-reading faults, written here and nowhere else, shows: a stock rude phrase left in, a
bare vocative or one-word sentence, doubled punctuation, a lower-case sentence start the
draft did not have, or two clauses spliced with a comma.
"""

from __future__ import annotations

import re

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.content.segment import split_sentences
from bot.rephrase.features import shout_count, unit_features
from bot.rephrase.model import ToneModel, masked_tokens

_I = re.IGNORECASE
LEFT_RUDE = re.compile(
    r"\b(?:obviously|as I (?:already )?said|like I said|per my (?:last|earlier|previous)"
    r"|calm down|common sense|not my (?:problem|department|job)|not our (?:fault|problem)"
    r"|rules are rules|I shouldn't have to|spell it out|for the last time|already told you"
    r"|you should(?:'ve| have)|that simple|whatever|clear now|very busy|no rush"
    r"|just the messenger|read (?:the|my) (?:email|message)|I don't have all day"
    r"|seriously|honestly|how many times|again\?)",
    _I,
)
_BARE = re.compile(r"^\W*(?:sir|madam|ma'am|mate|period|twice|again|seriously|whatever|ok)\W*$", _I)
_DOUBLE_MARK = re.compile(r"[!?]{2,}")
_SPLICED = re.compile(
    r"\w, (?:I'm|I am|we're|we are|we aren't|I can't|we can't|it's|that's|you're|please)\b", _I
)


def sentence_tone(model: ToneModel, sentence: str) -> float:
    toks = masked_tokens(sentence, 0, len(sentence), [])
    if not toks:
        return 0.0
    return model.unit_probability(unit_features(toks, model.lexicon, shout_count(sentence)))


def faults(
    draft: str, rewrite: str, model: ToneModel, vader: SentimentIntensityAnalyzer
) -> list[str]:
    """What a careful reader would object to in the rewrite (empty: a good reply)."""
    out: list[str] = []
    sentences = split_sentences(rewrite)
    medium = model.thresholds["medium"]
    if any(sentence_tone(model, s) >= medium for s in sentences):
        out.append("a sentence the tone model calls rude")
    if _harshest(vader, rewrite) < _harshest(vader, draft) - 0.05:
        out.append("a sentence harsher than the draft's harshest")
    for name, pattern in (("stock rude phrase", LEFT_RUDE), ("comma splice", _SPLICED)):
        if pattern.search(rewrite):
            out.append(name)
    if any(_BARE.match(s) for s in sentences):
        out.append("a bare word for a sentence")
    if _DOUBLE_MARK.search(rewrite):
        out.append("doubled punctuation")
    if _lower_starts(rewrite) > _lower_starts(draft):
        out.append("a lower-case sentence start")
    return out


def _harshest(vader: SentimentIntensityAnalyzer, text: str) -> float:
    scores = [float(vader.polarity_scores(s)["compound"]) for s in split_sentences(text)]
    return min(scores, default=0.0)


def _lower_starts(text: str) -> int:
    return sum(1 for s in split_sentences(text) if s[:1].islower())
