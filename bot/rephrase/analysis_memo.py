"""Sentence spans and tokens found once per analysis.

One /rephrase answer splits the same draft into sentences in the model, the politeness
score, the refusal check, the long-sentence check and the rewrite, and tokenises it for
detection and again for the politeness strategies; each is a full pass. Inside
`one_analysis()` a text's spans and tokens are found once and handed out as copies
(callers may append to them). The memo lives only as long as one analysis, so a
benchmark that repeats one draft is not flattered; outside it nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from bot.content.segment import sentence_spans as _find_spans
from bot.rephrase.lexical import Token, tokens

T = TypeVar("T")
Spans = list[tuple[int, int]]
_memo: ContextVar[dict[str, Spans] | None] = ContextVar("rephrase_spans_memo", default=None)
_tokens: ContextVar[dict[str, list[Token]] | None] = ContextVar("rephrase_tokens", default=None)


def sentence_spans(text: str) -> Spans:
    """bot.content.segment.sentence_spans, memoised within one analysis."""
    return _memoised(_memo, _find_spans, text)


def draft_tokens(text: str) -> list[Token]:
    """lexical.tokens(text), memoised within one analysis."""
    return _memoised(_tokens, tokens, text)


def _memoised(
    memo_var: ContextVar[dict[str, list[T]] | None], find: Callable[[str], list[T]], text: str
) -> list[T]:
    """`find(text)`, found once per analysis; a copy, since callers may append to it."""
    memo = memo_var.get()
    if memo is None:
        return find(text)
    found = memo.get(text)
    if found is None:
        found = memo[text] = find(text)
    return list(found)


@contextmanager
def one_analysis() -> Iterator[None]:
    """Share sentence spans and tokens between the parts of one analysis."""
    if _memo.get() is not None:  # nested: the outer analysis's memo serves
        yield
        return
    spans, toks = _memo.set({}), _tokens.set({})
    try:
        yield
    finally:
        _memo.reset(spans)
        _tokens.reset(toks)
