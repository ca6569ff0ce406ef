"""Word-vector weights at run time: one float per word, looked up in a dict.

At training time (bot/rephrase/distil.py) every word of a large vocabulary gets a static
vector from a sentence-transformer (all-MiniLM-L6-v2, the word read alone), and the logistic
regression sees a unit's mean word vector beside its n-grams. Because the classifier is
linear in that mean, its part of the score is the mean, over the unit's words, of one number
per word (the word's vector dotted with the classifier's weights). That number is all the
model file keeps, so words nobody wrote in the corpus still carry the tone their meaning
has ("sweetie", "pathetic", "whatever"), and the bot needs neither torch nor numpy.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import repeat

from bot.rephrase.lexical import Token

Feature = tuple[str, int, int]
PREFIX = "w:"  # the word unigram feature names the tokens' lower-case forms


def is_word(lower: str) -> bool:
    """Words take part in the mean; numbers, codes, quotes, emoji and punctuation do not."""
    return lower[:1].isalpha()


def unit_words(feats: Sequence[Feature]) -> list[tuple[str, int]]:
    """The unit's words (repeats kept) and each one's token index, from its unigram features."""
    return [
        (name[2:], a)
        for name, a, b in feats
        if name[:2] == PREFIX and b == a + 1 and name[2:3].isalpha()  # is_word, inlined
    ]


def indexed_words(toks: Sequence[Token]) -> list[tuple[str, int]]:
    """unit_words from the tokens themselves: each token has one unigram feature."""
    return [(w, i) for i, t in enumerate(toks) if (w := t.lower)[:1].isalpha()]


def token_words(toks: Sequence[Token]) -> list[str]:
    return [w for t in toks if (w := t.lower)[:1].isalpha()]  # is_word, inlined


def mean_weight(words: Sequence[str], table: Mapping[str, float]) -> float:
    """The mean of the words' weights; a word the table lacks counts as zero."""
    if not words:
        return 0.0
    return sum(map(table.get, words, repeat(0.0, len(words)))) / len(words)


def word_credit(
    feats: Sequence[Feature],
    table: Mapping[str, float],
    credit: list[float],
    words: Sequence[tuple[str, int]] | None = None,
) -> None:
    """Adds each word's positive share of the mean to its token: the words that carried it.
    `words` (indexed_words of the unit's tokens) saves reading them from the features."""
    found = unit_words(feats) if words is None else words
    if not found:
        return
    count, get = len(found), table.get
    for word, index in found:
        weight = get(word, 0.0)
        if weight > 0:
            credit[index] += weight / count
