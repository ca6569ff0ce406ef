"""A small rule-based sentence splitter for article text (stdlib only).

It must never fail on arbitrary input: it only ever cuts the text into consecutive
pieces, so every non-space character ends up in exactly one sentence.
"""

from __future__ import annotations

import re

# Lowercased, without the final dot: "e.g." -> "e.g".
ABBREVIATIONS = frozenset(
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr",
        "inc", "ltd", "co", "corp", "no", "nos", "approx", "dept", "est", "fig", "a.m",
        "p.m", "u.s", "u.k", "ca", "cf", "al", "min", "max", "tel", "ext", "ave", "rd",
    }
)  # fmt: skip

# A run of terminators, then closing quotes or brackets, then whitespace or the end.
_TERMINATOR = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s|$)")
_LINE_BREAK = re.compile(r"\n")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_TOKEN_WINDOW = 64


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in text, in order, whitespace trimmed."""
    cuts = {m.end() for m in _LINE_BREAK.finditer(text)}
    cuts.update(m.end() for m in _TERMINATOR.finditer(text) if _ends_sentence(text, m))
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*sorted(cuts), len(text)]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            left = start + (len(piece) - len(piece.lstrip()))
            spans.append((left, left + len(stripped)))
        start = cut
    return spans


def split_sentences(text: str) -> list[str]:
    """The sentences of text, each a substring of it, in order."""
    return [text[a:b] for a, b in sentence_spans(text)]


def token_before(text: str, end: int) -> str:
    r"""The run of word characters and dots that ends at `end` (or just before a line break
    there), at most _TOKEN_WINDOW back: what re.search(r"([\w.]+)$", text[end - 64 : end])
    finds, read backwards. Searching from 0 made splitting quadratic in the text's length,
    and even the 64-character window costs a regex attempt at each of its offsets."""
    stop = end - 1 if end and text[end - 1] == "\n" else end
    floor = max(0, end - _TOKEN_WINDOW)
    start = stop
    while start > floor and ((c := text[start - 1]).isalnum() or c in "_."):
        start -= 1
    return text[start:stop]


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    marks = match.group().rstrip("\"'\u201d\u2019)]")
    following = _NEXT_CHAR.match(text, match.end())
    next_char = following.group(1) if following else ""
    if next_char.islower():
        return False  # "approx. five", "right… no": the sentence carries on
    if marks != ".":
        return True  # "!", "?", "..." followed by a capital or the end
    token = token_before(text, match.start()).lower()
    if token in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha():
        return False  # an initial, as in "J. Smith"
    if token.isdigit():
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start() - len(token)].rstrip()
        if not before or before[-1] in ".!?:\u2026":
            return False  # "1. Take a deep breath": a list number, not a sentence
    return True
