"""The trained tone model at run time: plain Python over content/rephrase_model.json.

`make train` (bot/rephrase/train.py) fits three logistic regressions with scikit-learn and
saves their largest weights as JSON: one says how likely a unit of the draft (a sentence,
or a short draft whole) is rude, one how likely the draft as a whole holds rudeness (over
every feature any of its sentences has), the third which kind of rudeness it is. A unit's
score is its own probability; the unit with the highest is raised towards the draft's when
that is higher (DRAFT_MIX of the way): the draft-level view sees the tone of the whole reply,
the sentence-level one says where the problem is, and polite context around a buried rude
sentence never lowers its score.
Here the weights are summed over the features, so the bot needs neither scikit-learn nor
numpy. A finding points at the tokens whose features carried the most weight in its
sentence.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.features import Feature, shout_count, unit_features
from bot.rephrase.lexical import Token, tokens, tokens_within
from bot.rephrase.models import Finding
from bot.rephrase.wordvec import (
    indexed_words,
    mean_weight,
    token_words,
    unit_words,
    word_credit,
)

CONTENT = Path(__file__).resolve().parents[2] / "content"
MODEL_FILE = CONTENT / "rephrase_model.json"
KINDS_FILE = CONTENT / "tone_kinds.toml"
SHORT_DRAFT = 240  # characters: a draft this short is also read whole (cold replies)
# How far the top unit's score moves towards the draft model's when that is higher. 0.85:
# out of fold +1.4 points of recall at polite 2% / traps 8% over 0.7 (0.5: -1.6, 1.0: -2.6),
# and about +1 with writers held out (README, detection section).
DRAFT_MIX = 0.85
# Quoted words: double or curly quotes, or single quotes around words (an apostrophe
# inside a word, as in "I've", does not end them).
QUOTED = re.compile(
    r"\"[^\"\n]{1,400}\"|\u201c[^\u201d\n]{1,400}\u201d"
    r"|(?<![\w'])'(?=\S)(?:[^'\n]|(?<=\w)'(?=\w)){1,400}(?<=\S)'(?!\w)"
    r"|\u2018[^\u2019\n]{1,400}\u2019(?!\w)"
)
QUOTE = "<q>"
# A token whose weight is at least this share of the strongest one joins the span.
SPAN_SHARE = 0.4


# start, end, p, tokens, features, feature names
Scored = tuple[int, int, float, list[Token], list[Feature], set[str]]
UnitScore = tuple[int, int, float]  # start, end, p
# Rule findings the model never overrules (see sentence_score): swearing, and the clarity
# checks, which are not about tone.
NEVER_GATED = frozenset({"profanity", "jargon", "long-sentence", "passive-evasion"})


@dataclass(frozen=True)
class KindAdvice:
    label: str
    why: str
    tip: str
    suggestions: tuple[str, ...]


def load_advice(path: Path = KINDS_FILE) -> dict[str, KindAdvice]:
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    return {
        kind: KindAdvice(
            str(v["label"]), str(v["why"]), str(v["tip"]), tuple(map(str, v["suggestions"]))
        )
        for kind, v in doc["kind"].items()
    }


def units(text: str) -> tuple[list[tuple[int, int]], bool]:
    """Sentences, plus (last, and then True) the whole draft when it is short with several
    sentences: coldness and sarcasm can span sentences."""
    spans = sentence_spans(text)
    whole = len(spans) > 1 and len(text) <= SHORT_DRAFT
    if whole:
        spans.append((spans[0][0], spans[-1][1]))
    return spans, whole


def masked_tokens(
    text: str,
    start: int,
    end: int,
    quoted: Sequence[tuple[int, int]],
    whole: tuple[Sequence[Token], Sequence[int]] | None = None,
) -> list[Token]:
    """Tokens of text[start:end]; words inside quotation marks are the customer's, not ours.
    `whole` (the text's tokens and their starts) saves tokenising the sentence again."""
    toks = tokens(text, start, end) if whole is None else tokens_within(*whole, start, end)
    if not quoted:
        return toks
    return [
        Token(t.text, QUOTE, QUOTE, t.start, t.end)
        if any(a <= t.start and t.end <= b for a, b in quoted)
        else t
        for t in toks
    ]


def quoted_spans(
    text: str, quotes: Sequence[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Quotations of three words or more: the customer's words. "Scare quotes" around one
    or two words ('urgent') are the agent's own sarcasm, so they stay visible. `quotes`:
    every QUOTED span of text, when the caller has them already."""
    if quotes is None:
        if not any(q in text for q in "\"'\u201c\u2018"):
            return []
        quotes = [m.span() for m in QUOTED.finditer(text)]
    return [(a, b) for a, b in quotes if text.count(" ", a, b) >= 2]


class ToneModel:
    def __init__(
        self,
        data: Mapping[str, object],
        lexicon: Mapping[str, float],
        advice: Mapping[str, KindAdvice],
    ) -> None:
        self.bias = float(data["bias"])  # type: ignore[arg-type]
        self.weights: dict[str, float] = dict(data["weights"])  # type: ignore[call-overload]
        draft = data["draft"]
        assert isinstance(draft, dict)
        self.draft_bias = float(draft["bias"])
        self.draft_weights: dict[str, float] = dict(draft["weights"])
        kinds = data["kinds"]
        assert isinstance(kinds, dict)
        self.kind_labels: list[str] = list(kinds["labels"])
        self.kind_bias: list[float] = list(kinds["bias"])
        self.kind_weights: dict[str, list[float]] = dict(kinds["weights"])
        self.thresholds: dict[str, float] = dict(data["thresholds"])  # type: ignore[call-overload]
        # Rules that flagged polite drafts in training: the model may overrule them.
        self.gated_rules = frozenset(map(str, data.get("gated_rules", [])))  # type: ignore[call-overload]
        vectors = data.get("word_weights", {})
        assert isinstance(vectors, dict)
        # One float per word for the unit model and one for the draft model (wordvec.py).
        self.word_weights: dict[str, float] = dict(vectors.get("unit", {}))
        self.draft_word_weights: dict[str, float] = dict(vectors.get("draft", {}))
        self.lexicon = lexicon
        self.advice = advice

    @classmethod
    def load(cls, lexicon: Mapping[str, float], path: Path = MODEL_FILE) -> ToneModel:
        return cls(json.loads(path.read_text(encoding="utf-8")), lexicon, load_advice())

    def unit_probability(
        self,
        feats: Sequence[Feature],
        words: Sequence[str] | None = None,
        names: set[str] | None = None,
    ) -> float:
        """How likely one unit is rude; `words` (its tokens' words) and `names` (its feature
        names) save finding them again."""
        if names is None:
            names = feature_names(feats)
        # fsum: exact, so the score does not depend on the set's (hash-seeded) order.
        raw = math.fsum(map(self.weights.get, names, repeat(0.0, len(names))))
        if words is None:
            words = [w for w, _ in unit_words(feats)]
        return _sigmoid(self.bias + raw + mean_weight(words, self.word_weights))

    def draft_probability(self, names: set[str], words: Sequence[str] = ()) -> float:
        """How likely the draft holds rudeness, from every feature any of its units has
        and the mean weight of its words."""
        raw = math.fsum(map(self.draft_weights.get, names, repeat(0.0, len(names))))
        return _sigmoid(self.draft_bias + raw + mean_weight(words, self.draft_word_weights))

    def scored_units(
        self,
        text: str,
        draft_tokens: Sequence[Token] | None = None,
        quotes: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[list[Scored], bool]:
        """Each unit's score (its probability; the top unit's raised towards the draft's),
        tokens and features; True when the last unit is the whole draft. `draft_tokens`
        and `quotes` (every QUOTED span): when the caller has them already."""
        quoted = quoted_spans(text, quotes)
        whole_toks = (
            None if draft_tokens is None else (draft_tokens, [t.start for t in draft_tokens])
        )
        out: list[Scored] = []
        spans, whole = units(text)
        names: set[str] = set()
        words: list[str] = []
        sentence_tokens: list[Token] = []
        for index, (start, end) in enumerate(spans):
            if whole and index == len(spans) - 1:
                toks = list(sentence_tokens)  # the whole short draft: its sentences' tokens
            else:
                toks = masked_tokens(text, start, end, quoted, whole_toks)
                if whole:  # short drafts only, so this stays linear
                    sentence_tokens.extend(toks)
            if not toks:
                continue
            feats = unit_features(toks, self.lexicon, shout_count(text[start:end]))
            unit_names = feature_names(feats)
            names |= unit_names
            unit = token_words(toks)
            if not (whole and index == len(spans) - 1):
                words.extend(unit)
            p = self.unit_probability(feats, unit, unit_names)
            out.append((start, end, p, toks, feats, unit_names))
        draft = self.draft_probability(names, words)
        # Only the unit the model finds rudest is raised towards the draft: the draft's
        # score says the reply holds rudeness, not where, so the factual sentences beside
        # it keep their own (low) scores. The draft's highest score is the same either way.
        top = max((u[2] for u in out), default=0.0)
        lift = DRAFT_MIX * draft
        keep = 1 - DRAFT_MIX
        return [
            (a, b, max(p, keep * p + lift) if p >= top else p, t, f, n) for a, b, p, t, f, n in out
        ], whole

    def probability(self, text: str) -> float:
        """The highest unit score: how likely the draft holds a rude part."""
        return max((s[2] for s in self.scored_units(text)[0]), default=0.0)

    def findings(self, text: str) -> list[Finding]:
        return self.assess(text)[0]

    def assess(
        self,
        text: str,
        draft_tokens: Sequence[Token] | None = None,
        quotes: Sequence[tuple[int, int]] | None = None,
    ) -> tuple[list[Finding], list[UnitScore]]:
        """One finding per rude unit (the whole short draft only when no sentence says
        more), and every unit's span and score (the engine gates rule findings on them)."""
        scored, has_whole = self.scored_units(text, draft_tokens, quotes)
        low = self.thresholds["low"]
        sentences = [
            self._finding(text, prob, toks, feats, names)
            for _, _, prob, toks, feats, names in (scored[:-1] if has_whole else scored)
            if prob >= low
        ]
        if has_whole and scored and scored[-1][2] >= low:
            whole = self._finding(text, *scored[-1][2:])
            if all(f.rank < whole.rank for f in sentences):
                sentences.append(whole)
        return sentences, [s[:3] for s in scored]

    def severity(self, prob: float) -> str:
        t = self.thresholds
        return "high" if prob >= t["high"] else "medium" if prob >= t["medium"] else "low"

    def kind(self, feats: Sequence[Feature], names: set[str] | None = None) -> str:
        """The likeliest kind of rudeness; `names` (the feature names) saves finding them."""
        found = map(self.kind_weights.get, feature_names(feats) if names is None else names)
        rows = [row for row in found if row is not None]
        scores = list(self.kind_bias)
        if rows:
            columns = zip(*rows, strict=True)
            scores = [b + math.fsum(col) for b, col in zip(scores, columns, strict=True)]
        return self.kind_labels[max(range(len(scores)), key=scores.__getitem__)]

    def _finding(
        self, text: str, prob: float, toks: list[Token], feats: list[Feature], names: set[str]
    ) -> Finding:
        kind = self.kind(feats, names)
        advice = self.advice[kind]
        first, last = carrying_tokens(
            feats, self.weights, len(toks), self.word_weights, indexed_words(toks)
        )
        start, end = toks[first].start, toks[last].end
        return Finding(
            kind=advice.label,
            severity=self.severity(prob),
            start=start,
            end=end,
            text=text[start:end],
            why=advice.why,
            tip=advice.tip,
            suggestions=advice.suggestions,
            rule=f"model:{kind}",
        )


_NAME = itemgetter(0)


def feature_names(feats: Sequence[Feature]) -> set[str]:
    """The distinct names of a unit's features (each counts once in a model's sum)."""
    return set(map(_NAME, feats))


def sentence_score(at: int, scores: Sequence[UnitScore]) -> float:
    """The model's highest score for a unit holding offset `at`: what gates a rule finding
    there (a rule's words in a sentence the model finds polite are a false alarm)."""
    return max((p for a, b, p in scores if a <= at < b), default=0.0)


def _sigmoid(raw: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, raw))))


def carrying_tokens(
    feats: Sequence[Feature],
    weights: Mapping[str, float],
    count: int,
    word_weights: Mapping[str, float] | None = None,
    words: Sequence[tuple[str, int]] | None = None,
) -> tuple[int, int]:
    """The first and last token whose share of the positive weight (its features' and its
    word's own) is high enough."""
    credit = [0.0] * count
    if word_weights:
        word_credit(feats, word_weights, credit, words)
    seen: set[str] = set()
    get = weights.get
    for name, a, b in feats:
        weight = get(name, 0.0)
        if weight <= 0 or name in seen:
            continue
        seen.add(name)
        if b == a + 1:  # one token (half the features): its share is the weight itself
            credit[a] += weight
            continue
        share = weight / (b - a)
        if b == a + 2:  # a bigram (most of the rest)
            credit[a] += share
            credit[a + 1] += share
        else:  # the same additions, a slice at a time
            credit[a:b] = [c + share for c in credit[a:b]]
    top = max(credit)
    if top <= 0:
        return 0, count - 1
    strong = [i for i, c in enumerate(credit) if c >= SPAN_SHARE * top]
    return strong[0], strong[-1]
