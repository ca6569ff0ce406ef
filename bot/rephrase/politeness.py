"""A politeness score from -1 to 1: Danescu-Niculescu-Mizil et al.'s strategies plus VADER.

The strategies are the full set "A computational approach to politeness" (ACL 2013) found
people perceive (bot/rephrase/strategies.py), plus acknowledging, ownership and imperatives.
Each is a yes/no feature with a weight; VADER adds the sentiment of the words, and every
serious finding costs.

VADER lower-cases the whole text again for every word, so its cost grows with the square of
the length (2.6 ms at 1,000 characters, 28 ms at 4,000). It is run sentence by sentence,
through CompoundVader (same floats, each sentence lower-cased once), which stops at once
for a sentence with no word in its lexicon.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from bot.rephrase import strategies
from bot.rephrase.analysis_memo import draft_tokens, sentence_spans
from bot.rephrase.lexical import Token, tokens_within
from bot.rephrase.models import Finding
from bot.rephrase.vader_compound import CompoundVader

_I = re.IGNORECASE | re.MULTILINE
# Strategies beyond the paper's that coaches ask for: (name, weight, pattern).
EXTRAS: tuple[tuple[str, float, re.Pattern[str]], ...] = tuple(
    (name, weight, re.compile(pattern, _I))
    for name, weight, pattern in (
        (
            "acknowledging",
            0.2,
            r"\b(?:I understand|I can see|I hear you|I know (?:this|that|how)|that must be)\b",
        ),
        ("ownership", 0.15, r"\b(?:I'll|I will|I've|let me|I can)\b"),
        (
            "imperative",
            -0.15,
            r"(?:^|[.!?]\s+)(?:stop|call|check|go|read|pay|come|ask|try|wait|look|listen|send"
            r"|take|follow|plug|restart|calm|deal|talk|contact|see|note|remember|understand"
            r"|make|do|don't|give|tell|hurry)\s",
        ),
    )
)
WEIGHTS = {**strategies.WEIGHTS, **{name: weight for name, weight, _ in EXTRAS}}
VADER_WEIGHT = 0.6
PENALTY = {"high": 0.5, "medium": 0.3, "low": 0.05}


class Politeness:
    """Holds the VADER analyser (its lexicon is read once)."""

    def __init__(self) -> None:
        self._vader = CompoundVader()
        self.lexicon: dict[str, float] = self._vader.lexicon

    def sentiment(
        self,
        text: str,
        memo: dict[str, float] | None = None,
        spans: list[tuple[int, int]] | None = None,
    ) -> float:
        """Mean VADER compound over sentences, weighted by their length.

        `memo` carries sentence scores from a draft to its rewrite, which repeats most
        sentences word for word; scoring one costs about as much as all the phrasebook's
        rules. It is per analysis, not global, so a benchmark's repeats are not flattered.
        """
        total = weight = 0.0
        memo = {} if memo is None else memo
        for start, end in sentence_spans(text) if spans is None else spans:
            sentence = text[start:end]
            compound = memo.get(sentence)
            if compound is None:
                compound = memo[sentence] = self._vader.compound(sentence)
            total += compound * len(sentence)
            weight += len(sentence)
        return total / weight if weight else 0.0

    def strategies(
        self,
        text: str,
        spans: list[tuple[int, int]] | None = None,
        memo: dict[str, frozenset[str]] | None = None,
    ) -> tuple[str, ...]:
        """The strategies the text uses: the paper's full set, then our extras.

        A sentence's strategies depend on its words alone; `memo` carries them from a
        draft to its rewrite, as `sentiment` does its VADER scores."""
        found: set[str] = set()
        memo = {} if memo is None else memo
        # The text's tokens, split by sentence (no token crosses a sentence's edge), are
        # the ones detection found when the draft has no "\u2019" to straighten; read only
        # when some sentence is not in the memo.
        everything: list[Token] | None = None
        starts: list[int] = []
        for start, end in sentence_spans(text) if spans is None else spans:
            sentence = text[start:end]
            own = memo.get(sentence)
            if own is None:
                if everything is None:
                    everything = draft_tokens(text)
                    starts = [t.start for t in everything]
                own = memo[sentence] = self._sentence(tokens_within(everything, starts, start, end))
            found |= own
        found.update(name for name, _, pattern in EXTRAS if pattern.search(text))
        return tuple(name for name in WEIGHTS if name in found)

    def _sentence(self, toks: list[Token]) -> frozenset[str]:
        found: set[str] = set()
        if toks:
            strategies.sentence_strategies(toks, self.lexicon, found)
            strategies.paper_strategies(toks, found)
        return frozenset(found)

    def score(
        self, text: str, findings: tuple[Finding, ...], memo: ScoreMemo | None = None
    ) -> float:
        if not text.strip():
            return 0.0
        memo = ScoreMemo() if memo is None else memo
        plain = text.replace("\u2019", "'")
        # Straightening "\u2019" moves no sentence edge (both close a quote), so the
        # sentences are found once for the strategies and the sentiment.
        spans = sentence_spans(text)
        raw = sum(WEIGHTS[name] for name in self.strategies(plain, spans, memo.strategies))
        raw += VADER_WEIGHT * self.sentiment(text, memo.compound, spans)
        raw -= sum(PENALTY[f.severity] for f in findings)
        return round(math.tanh(raw), 3)


@dataclass
class ScoreMemo:
    """Per-sentence results of one draft's score, for its rewrite's (see sentiment)."""

    compound: dict[str, float] = field(default_factory=dict)
    strategies: dict[str, frozenset[str]] = field(default_factory=dict)
