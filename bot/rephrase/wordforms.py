"""Phrase families over word forms: phrasebook rules as lemma sequences, matched in one pass.

A rule whose regex is a finite set of wordings (literals, alternatives, optional parts) is
expanded into those wordings, and each wording into a sequence of keys: the lemma of each
word ("told", "telling" -> "tell"; "everybody" -> "everyone"), with "you're" split into
"you be" and "I've" into "I have". All sequences go into one trie. The draft is tokenised
once and the trie walked from every token, so the cost is linear in the draft and does not
grow with the number of rules. Between two words of a wording, up to two filler words
(adverbs and determiners: "just", "already", "really", "the") may be inserted, so "I have
already told you twice" and "you'll just have to wait like everybody else" still match.

Rules that need what a trie cannot say (lookarounds, classes such as [^,.], named groups a
suggestion refers to, required punctuation, digits) stay regexes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from re import _constants as sc  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from bot.rephrase.lexical import Token, lemma, lower_form, tokens, words

MAX_WORDINGS = 4000  # a rule expanding into more wordings than this stays a regex
MAX_GAP = 2  # filler words allowed between two words of a wording
_WORD_TEXT = re.compile(r"[A-Za-z' -]*")
# Contractions split into two keys, so "you're wrong" and "you are wrong" are one wording.
_CLITICS = {"'re": "be", "'m": "be", "'ve": "have", "'ll": "will", "'d": "would"}
_S_IS = frozenset({"it", "that", "there", "what", "here", "this", "who", "where", "he", "she"})
# Auxiliaries keep their tense: "I don't know" is curt, "I didn't know" is not.
_EXACT = frozenset({"do", "does", "did", "don't", "doesn't", "didn't"})
FILLERS = words(
    """
    just really already simply actually even still also again now then so very quite
    totally completely absolutely literally honestly seriously basically certainly
    definitely clearly obviously truly all the a an this that these those my our
    """
)


class NotAWording(Exception):
    """The regex cannot be written as a finite list of plain wordings."""


@lru_cache(maxsize=65536)
def keys_of(word: str) -> tuple[str, ...]:
    """The trie keys of one token as typed (one or two keys); words repeat, so memoised."""
    low = lower_form(word)
    for clitic, key in _CLITICS.items():
        if low.endswith(clitic) and len(low) > len(clitic):
            return (lemma(low[: -len(clitic)]), key)
    if low.endswith("'s") and low[:-2] in _S_IS:
        return (low[:-2], "be")
    if low in _EXACT:
        return (low,)
    return (lemma(low),)


def wordings(pattern: str) -> list[str]:
    """Every plain wording a regex matches, or NotAWording."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except re.error as exc:
        raise NotAWording(str(exc)) from exc
    found = _expand(list(parsed))
    texts = sorted({" ".join(w.split()) for w in found})
    if not all(_WORD_TEXT.fullmatch(t) and t for t in texts):
        raise NotAWording("punctuation or digits are required")
    return texts


def _expand(items: list[tuple[object, object]]) -> list[str]:
    out = [""]
    for op, arg in items:
        options = _options(op, arg)
        out = [a + b for a in out for b in options]
        if len(out) > MAX_WORDINGS:
            raise NotAWording("too many wordings")
    return out


def _options(op: object, arg: object) -> list[str]:
    if op is sc.LITERAL:
        assert isinstance(arg, int)
        char = chr(arg)
        return [""] if char in ",." else [char]
    if op is sc.SUBPATTERN:
        assert isinstance(arg, tuple)
        if arg[0] is not None and isinstance(arg[0], int) and arg[0] > 0:
            pass  # a numbered group is harmless; named ones are refused by the caller
        return _expand(list(arg[-1]))
    if op is sc.BRANCH:
        assert isinstance(arg, tuple)
        return [w for branch in arg[1] for w in _expand(list(branch))]
    if op is sc.MAX_REPEAT or op is sc.MIN_REPEAT:
        assert isinstance(arg, tuple)
        low, high, body = arg
        inner = _expand(list(body))
        if low == 0 and high == 1:
            return ["", *inner]
        if low == 0 and all(not w.strip(",.!") for w in inner):
            return [""]  # optional trailing punctuation such as [,.!]*
        raise NotAWording("repetition")
    if op is sc.IN:
        assert isinstance(arg, list)
        chars = [chr(v) for kind, v in arg if kind is sc.LITERAL and isinstance(v, int)]
        if len(chars) == len(arg) and all(c.isalpha() or c in " '" for c in chars):
            return chars
        if all(c in ",.!?" for c in chars) and chars:
            return [""]
        raise NotAWording("character class")
    raise NotAWording(f"{op}")


@dataclass
class _Node:
    next: dict[str, _Node] = field(default_factory=dict)
    ends: list[int] = field(default_factory=list)  # indices of rules a wording ends here


@dataclass(frozen=True, slots=True)
class WordHit:
    rule: int
    start: int
    end: int


class WordTrie:
    """Every expandable rule's wordings as key sequences in one trie."""

    def __init__(self) -> None:
        self._root = _Node()
        self.size = 0

    def add(self, rule: int, wording: str) -> None:
        node = self._root
        for token in tokens(wording):
            for key in keys_of(token.text):
                node = node.next.setdefault(key, _Node())
        if node is not self._root and rule not in node.ends:
            node.ends.append(rule)
            self.size += 1

    def hits(self, text: str, toks: Sequence[Token] | None = None) -> list[WordHit]:
        """The longest match of each rule from each token; same-rule overlaps dropped.
        `toks`: text's tokens, when the caller has them already."""
        toks = tokens(text) if toks is None else toks
        stream = [(key, t.start, t.end) for t in toks for key in keys_of(t.text)]
        best: dict[tuple[int, int], WordHit] = {}
        root = self._root
        for i, (key, start, _) in enumerate(stream):
            node = root.next.get(key)
            if node is None:
                continue
            for rule, end in self._walk(stream, i, node):
                current = best.get((rule, start))
                if current is None or end > current.end:
                    best[(rule, start)] = WordHit(rule, start, end)
        return _non_overlapping(sorted(best.values(), key=lambda h: (h.rule, h.start)))

    def _walk(
        self, stream: list[tuple[str, int, int]], i: int, node: _Node
    ) -> Iterator[tuple[int, int]]:
        end = stream[i][2]
        for rule in node.ends:
            yield rule, end
        if not node.next:
            return
        for j in range(i + 1, min(i + 2 + MAX_GAP, len(stream))):
            child = node.next.get(stream[j][0])
            if child is not None:
                yield from self._walk(stream, j, child)
            if stream[j][0] not in FILLERS and not stream[j][0].endswith("ly"):
                return


def _non_overlapping(found: list[WordHit]) -> list[WordHit]:
    kept: list[WordHit] = []
    for hit in found:
        if kept and kept[-1].rule == hit.rule and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept
