"""Regex helpers shared by the loader and the phrasebook matcher."""

from __future__ import annotations

import re

# Curly quotes are mapped one-to-one onto straight ones, so offsets into the normalised
# text are also offsets into the original.
_QUOTE_PAIRS = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))

# A \b next to a non-word character demands a word character on the other side, so a
# pattern such as "listen," would never match before a space. These alternations enforce
# a boundary only where the pattern's own edge is a word character.
_START = r"(?:(?<!\w)|(?!\w))"
_END = r"(?:(?!\w)|(?<!\w))"

_SENTENCE_END = re.compile(r"[.!?\n]")


def normalise_quotes(text: str) -> str:
    """Return text with curly quotes straightened (same length as the input)."""
    # Four str.replace calls are many times faster than str.translate on long text.
    for curly, straight in _QUOTE_PAIRS:
        text = text.replace(curly, straight)
    return text


def wrap_pattern(pattern: str) -> str:
    """Wrap a phrasebook pattern in word boundaries that also work at punctuation."""
    return f"{_START}(?:{pattern}){_END}"


def compile_rule(pattern: str) -> re.Pattern[str]:
    """Compile a phrasebook pattern once, case-insensitively, with boundaries added."""
    return re.compile(wrap_pattern(pattern), re.IGNORECASE)


def sentence_around(text: str, start: int, end: int) -> str:
    """Return the sentence of text that contains text[start:end].

    Sentences are cut at . ! ? and line breaks; punctuation inside the match itself
    (e.g. "listen,") does not cut it.
    """
    left = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        left = found.end()
    right_match = _SENTENCE_END.search(text, max(end, start))
    right = right_match.end() if right_match else len(text)
    return text[left:right]
