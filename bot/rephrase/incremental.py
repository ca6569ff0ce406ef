"""Detection on a rewrite, run only where the rewrite changed something.

A rewrite copies most sentences of the draft byte for byte, so the findings of a sentence
whose neighbours are also unchanged are the draft's own, already found. Only runs of
changed sentences are detected again, each read with one sentence of context either side
(the phrasebook, the tone checks and the model all read a sentence at a time). A short
draft is read whole, as the model reads short drafts whole too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.model import SHORT_DRAFT
from bot.rephrase.models import Finding

Detect = Callable[[str], tuple[Finding, ...]]
Spans = list[tuple[int, int]]
Key = tuple[str, str, str]


class ContextDetector:
    """Detection for the wordings of one draft, reusing the draft's findings."""

    def __init__(
        self,
        detect: Detect,
        draft: str,
        findings: tuple[Finding, ...],
        spans: Spans | None = None,
    ) -> None:
        self._detect = detect
        self._draft = (draft, findings, spans)
        self._known: dict[Key, tuple[Finding, ...]] | None = None  # read when first needed
        self._whole: dict[str, tuple[Finding, ...]] = {draft: findings}

    def _known_sentences(self) -> dict[Key, tuple[Finding, ...]]:
        """The draft's findings per sentence in its context (most drafts never need them:
        a withheld rewrite is never read in context)."""
        if self._known is None:
            draft, findings, spans = self._draft
            spans = sentence_spans(draft) if spans is None else spans
            self._known = {}
            for i, (start, end) in enumerate(spans):
                mine = [_shift(f, -start) for f in findings if start <= f.start < end]
                self._known[_key(draft, spans, i)] = tuple(mine)
        return self._known

    def findings(self, text: str) -> tuple[Finding, ...]:
        found = self._whole.get(text)
        if found is None:
            found = self._whole[text] = self._find(text)
        return found

    def _find(self, text: str) -> tuple[Finding, ...]:
        if len(text) <= SHORT_DRAFT:
            return self._detect(text)
        spans = sentence_spans(text)
        out: list[Finding] = []
        todo: list[int] = []
        for i, (start, _) in enumerate(spans):
            known = self._known_sentences().get(_key(text, spans, i))
            if known is None:
                todo.append(i)
            else:
                out += [_shift(f, start) for f in known]
        for first, last in _runs(todo):
            begin = spans[max(first - 1, 0)][0]
            stop = spans[min(last + 1, len(spans) - 1)][1]
            lo, hi = spans[first][0], spans[last][1]
            found = [_shift(f, begin) for f in self._detect(text[begin:stop])]
            out += [f for f in found if lo <= f.start < hi]
        return tuple(sorted(out, key=lambda f: (f.start, -f.end, -f.rank)))


def _key(text: str, spans: Spans, i: int) -> Key:
    before = text[spans[i - 1][0] : spans[i - 1][1]] if i > 0 else ""
    after = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
    return before, text[spans[i][0] : spans[i][1]], after


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive indices as (first, last) pairs."""
    start = prev = -2
    for i in indices:
        if i != prev + 1:
            if start >= 0:
                yield start, prev
            start = i
        prev = i
    if start >= 0:
        yield start, prev


def _shift(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)
