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
_WORD_BEFORE = re.compile(r"(\S+)$")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_NEXT_WORD = re.compile(r"\s*([\w']+)")
_TOKEN_WINDOW = 64
# Marks that may open a list line before its number: "- 1.", "> 2.", "• 3.".
_BULLETS = "-*\u2022>"
# A list carried on one line after a sentence ("Breathe. 2. Count.") rarely passes 99.
_LIST_DIGITS = 2
# Words that carry a clock time on ("5 p.m. Friday", "9 a.m. GMT") rather than start anew.
_TIME_CARRIERS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    }
)  # fmt: skip


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
    if token in ("a.m", "p.m"):
        return _time_ends(text, match)
    if token in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and not _contraction_end(text, match.start()):
        return False  # an initial, as in "J. Smith" (but "You didn't. They did." ends)
    return not _list_number(text, match.start())


def _contraction_end(text: str, stop: int) -> bool:
    """The one letter before stop closes a contraction ("didn't", "I'm"), not an initial."""
    return stop >= 2 and text[stop - 2] in "'\u2019"


def _list_number(text: str, stop: int) -> bool:
    """Whether the word ending at stop is a list item's number ("1." in "1. Take a breath").

    The number must be a whole word: the tail of "18:10" or "£4.50" is no list number, though
    the character before it (":" or ".") looks like the end of a lead-in.
    """
    word_match = _WORD_BEFORE.search(text, max(0, stop - _TOKEN_WINDOW), stop)
    word = word_match.group(1) if word_match else ""
    if not word.isdigit() or not word.isascii():
        return False
    line_start = text.rfind("\n", 0, stop) + 1
    before = text[line_start : stop - len(word)].rstrip()
    if not before.strip(_BULLETS + " \t"):
        return True  # "1. Take a deep breath" or "- 2. Count" at the start of a line
    if before[-1] == ":":
        return word == "1"  # "Steps: 1. Breathe." opens a list; "Total: 42." ends a sentence
    return before[-1] in ".!?\u2026" and len(word) <= _LIST_DIGITS  # "Breathe. 2. Count."


def _time_ends(text: str, match: re.Match[str]) -> bool:
    """Whether "a.m."/"p.m." ends the sentence: yes before a capital, unless the next word
    carries the time on ("by 5 p.m. Friday", "at 9 a.m. GMT")."""
    following = _NEXT_WORD.match(text, match.end())
    word = following.group(1) if following else ""
    if not word:
        return True
    if word.lower() in _TIME_CARRIERS:
        return False
    return not (word.isupper() and word.isalpha() and 3 <= len(word) <= 4)  # "GMT", "CEST"
