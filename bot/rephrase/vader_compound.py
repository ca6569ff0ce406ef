"""VADER's compound score of one sentence, with the sentence's words lower-cased once.

vaderSentiment 3.3.2 lower-cases every word of the sentence again in its negation, idiom and
"but" checks, for each sentiment word: quadratic in a sentence's length, and about half
its time. The steps below are VADER's, in VADER's order (same float operations, same
rounding), reading one lower-cased list; a sentence with an emoji goes to VADER itself,
which first swaps emojis for words. A sentence with no word in the lexicon is 0.0 at once
(every valence is 0), so callers need no cheaper test of their own. Equality with
polarity_scores(...)["compound"] is checked on every corpus sentence and on generated ones
(tests/bot/rephrase).
"""

from __future__ import annotations

import string
from collections.abc import Sequence

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
    normalize,
    scalar_inc_dec,
)

_strip_punc_if_word = SentiText._strip_punc_if_word
_PUNCTUATION = frozenset(string.punctuation)
_NEGATE = frozenset(NEGATE)


class CompoundVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
    def __init__(self) -> None:
        super().__init__()
        self.emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def compound(self, text: str) -> float:
        """polarity_scores(text)["compound"], as a float."""
        if not self.emoji_chars.isdisjoint(text):
            return float(self.polarity_scores(text)["compound"])
        text = text.strip()
        # SentiText's words: a word with no punctuation at either end strips to itself.
        words = [
            w if w[0] not in _PUNCTUATION and w[-1] not in _PUNCTUATION else _strip_punc_if_word(w)
            for w in text.split()
        ]
        lower = [w.lower() for w in words]
        lexicon = self.lexicon
        if lexicon.keys().isdisjoint(lower):
            # Only a lexicon word has a valence: every sentiment is 0, and so is the sum.
            return 0.0
        cap_diff = allcap_differential(words)
        sentiments: list[float] = []
        last = len(words) - 1
        for i, low in enumerate(lower):
            if (
                low in BOOSTER_DICT
                or low not in lexicon  # VADER's valence of such a word is 0
                or (i < last and low == "kind" and lower[i + 1] == "of")
            ):
                sentiments.append(0)
                continue
            sentiments.append(self._valence(words, lower, cap_diff, i))
        _but_check(lower, sentiments)
        if not sentiments:
            return float(round(0.0, 4))
        sum_s = float(sum(sentiments))
        amplifier = self._punctuation_emphasis(text)
        if sum_s > 0:
            sum_s += amplifier
        elif sum_s < 0:
            sum_s -= amplifier
        return float(round(normalize(sum_s), 4))

    def _valence(self, words: list[str], lower: list[str], cap_diff: bool, i: int) -> float:
        """VADER's sentiment_valence for word i."""
        lexicon = self.lexicon
        low = lower[i]
        valence: float = lexicon[low]  # the caller passes lexicon words only
        if low == "no" and i != len(words) - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > 0 and lower[i - 1] == "no")
            or (i > 1 and lower[i - 2] == "no")
            or (i > 2 and lower[i - 3] == "no" and lower[i - 1] in ["or", "nor"])
        ):
            valence = lexicon[low] * N_SCALAR
        if words[i].isupper() and cap_diff:
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(0, 3):
            if i > start_i and lower[i - (start_i + 1)] not in lexicon:
                s = scalar_inc_dec(words[i - (start_i + 1)], valence, cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = _negation_check(valence, lower, start_i, i)
                if start_i == 2:
                    valence = _special_idioms_check(valence, lower, i)
        return float(self._least_check(valence, words, i))


def _but_check(lower: Sequence[str], sentiments: list[float]) -> None:
    """VADER's: halve what comes before "but", add half to what comes after (its
    index-of-first-equal-value quirk kept)."""
    if "but" in lower:
        bi = lower.index("but")
        for sentiment in sentiments:
            si = sentiments.index(sentiment)
            if si < bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 0.5)
            elif si > bi:
                sentiments.pop(si)
                sentiments.insert(si, sentiment * 1.5)


def _negated(word: str) -> bool:
    """VADER's negated([word]): a negation word, or any word with "n't"."""
    low = word.lower()
    return low in _NEGATE or "n't" in low


def _negation_check(valence: float, lower: Sequence[str], start_i: int, i: int) -> float:
    before = lower[i - (start_i + 1)]
    if start_i == 0 and _negated(before):
        valence = valence * N_SCALAR
    if start_i == 1:
        if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
            valence = valence * 1.25
        elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
            pass
        elif _negated(before):
            valence = valence * N_SCALAR
    if start_i == 2:
        if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")) or (
            lower[i - 1] == "so" or lower[i - 1] == "this"
        ):
            valence = valence * 1.25
        elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
            pass
        elif _negated(before):
            valence = valence * N_SCALAR
    return valence


def _special_idioms_check(valence: float, lower: Sequence[str], i: int) -> float:
    onezero = f"{lower[i - 1]} {lower[i]}"
    twoonezero = f"{lower[i - 2]} {lower[i - 1]} {lower[i]}"
    twoone = f"{lower[i - 2]} {lower[i - 1]}"
    threetwoone = f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}"
    threetwo = f"{lower[i - 3]} {lower[i - 2]}"
    for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
        if seq in SPECIAL_CASES:
            valence = SPECIAL_CASES[seq]
            break
    if len(lower) - 1 > i:
        zeroone = f"{lower[i]} {lower[i + 1]}"
        if zeroone in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroone]
    if len(lower) - 1 > i + 1:
        zeroonetwo = f"{lower[i]} {lower[i + 1]} {lower[i + 2]}"
        if zeroonetwo in SPECIAL_CASES:
            valence = SPECIAL_CASES[zeroonetwo]
    for n_gram in (threetwoone, threetwo, twoone):
        if n_gram in BOOSTER_DICT:
            valence = valence + BOOSTER_DICT[n_gram]
    return valence
