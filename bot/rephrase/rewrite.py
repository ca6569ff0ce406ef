"""The rewrite: each medium or high finding replaced by a suggestion, seams tidied.

Text between findings is copied byte for byte, so facts (numbers, dates, names, order
references) survive unchanged. Only the seams are touched: sentence case for a replacement
that now starts a sentence, a dropped word's spare space or comma, and "?" or "." when a
question was replaced by a statement or the other way round.
"""

from __future__ import annotations

import re

from bot.rephrase.models import Finding

_QUESTION_START = re.compile(
    r"(?:why|how|what|who|where|when)\b|(?:do|does|did|are|is|can|could|would|may|shall"
    r"|will|have|must) (?:you|I|we|they|it|this|that)\b",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?"


def chosen(findings: tuple[Finding, ...]) -> list[Finding]:
    """The serious findings to replace: on overlap, the more severe (then longer) one wins."""
    picked: list[Finding] = []
    ranked = sorted(
        (f for f in findings if f.serious and f.suggestions),
        key=lambda f: (-f.rank, -(f.end - f.start), f.start),
    )
    for finding in ranked:
        if all(finding.end <= p.start or p.end <= finding.start for p in picked):
            picked.append(finding)
    return sorted(picked, key=lambda f: f.start)


def suggestion(finding: Finding, variant: int) -> str:
    return finding.suggestions[variant % len(finding.suggestions)]


def rewrite(text: str, findings: tuple[Finding, ...], variant: int = 0) -> str:
    """Replace every chosen finding; `variant` picks the n-th alternative of each."""
    builder = _Builder(text)
    for finding in chosen(findings):
        builder.copy_to(finding.start)
        builder.replace(finding, suggestion(finding, variant))
    builder.copy_to(len(text))
    return builder.out


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.out = ""
        self.pos = 0
        self.capitalise_next = False
        self.fixes: dict[int, str] = {}  # original index -> replacement punctuation

    def copy_to(self, end: int) -> None:
        piece = "".join(self.fixes.get(i, self.text[i]) for i in range(self.pos, end))
        if self.capitalise_next and piece.strip():
            piece = _capitalise(piece)
            self.capitalise_next = False
        self.out += piece
        self.pos = max(self.pos, end)

    def replace(self, finding: Finding, new: str) -> None:
        right = self.text[finding.end :]
        at_start = _at_sentence_start(self.out)
        if not new:
            self._drop(finding, right, at_start)
            return
        if "\u2019" in finding.text and "'" not in finding.text:
            # Keep the draft's curly apostrophes. Words a suggestion copies from the span
            # (\g<name>) then hold only curly ones, so no fact is changed.
            new = new.replace("'", "\u2019")
        if at_start:
            new = _capitalise(new)
        elif finding.text[:1].islower():
            new = _lower_first(new)
        if self.capitalise_next:
            self.capitalise_next = False
        self.out += new
        self.pos = finding.end
        if new[-1] in _SENTENCE_END and right[:1] in ",;:.":
            # "…an alternative?, breakfast was" -> "…an alternative? Breakfast was"
            self.pos += 1
            self.capitalise_next = True
        self._match_question(finding.text, new, finding.end)

    def _drop(self, finding: Finding, right: str, at_start: bool) -> None:
        self.pos = finding.end
        if at_start and right.strip():
            self.pos += len(right) - len(right.lstrip(" \t,;:"))
            self.capitalise_next = True
        elif right[:1] in ",;:.!?" or not right.strip():
            self.out = self.out.rstrip(" \t")
            if self.out.endswith(",") and right[:1] in ".!?;":
                self.out = self.out[:-1]
        elif self.out.endswith((" ", "\t")) and right[:1] in " \t":
            self.pos += 1

    def _match_question(self, old: str, new: str, after: int) -> None:
        was_question = bool(_QUESTION_START.match(old.lstrip()))
        is_question = bool(_QUESTION_START.match(new))
        if was_question == is_question or new[-1] in _SENTENCE_END:
            return
        for i in range(after, len(self.text)):
            char = self.text[i]
            if char in "?." and (i + 1 == len(self.text) or not self.text[i + 1].isalnum()):
                if was_question and char == "?":
                    self.fixes[i] = "."
                elif is_question and char == ".":
                    self.fixes[i] = "?"
                return
            if char in "!\n":
                return


def _at_sentence_start(out: str) -> bool:
    stripped = out.rstrip(" \t")
    return not stripped or stripped[-1] in _SENTENCE_END + "\n"


def _capitalise(text: str) -> str:
    """Upper-case the first letter of the first word, if that word is plain lower case."""
    match = re.search(r"\S+", text)
    if match is None:
        return text
    word = match.group()
    first = re.search(r"[^\W\d_]", word)
    if first is None or first.start() > 0 or not word[0].islower():
        return text
    if any(c.isupper() or c.isdigit() for c in word[1:]):
        return text  # "iPhone", "eBay", "x2": leave alone
    i = match.start()
    return text[:i] + text[i].upper() + text[i + 1 :]


def _lower_first(text: str) -> str:
    """A suggestion written as a sentence, dropped mid-sentence: "May I" -> "may I"."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text
