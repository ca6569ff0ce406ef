"""The one-line quick log: `/logcall billing 4 escalated: customer charged twice`.

Grammar: up to three words before a colon, in any order — a category, a heat from 1 to 5 and
an outcome — then the notes after the colon. Case does not matter, and the callback outcome
may be written "callback promised", "callback" or "promised". Whatever is missing is asked for
in the form; whatever is wrong is refused with a message that names it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.blocks import escape
from bot.calls.model import HEAT_RANGE, NOTES_LIMIT, OUTCOMES, CallInput

CALLBACK = "callback promised"
OUTCOME_WORDS: dict[str, str] = {
    **{outcome: outcome for outcome in OUTCOMES},
    "callback": CALLBACK,
    "promised": CALLBACK,
}
EXAMPLE = "/logcall billing 4 escalated: customer charged twice, refund requested"
T = TypeVar("T")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


class QuickLogError(ValueError):
    """The line could not be read; the message says what was wrong and shows an example."""


@dataclass(frozen=True)
class QuickLog:
    category: str | None = None
    heat: int | None = None
    outcome: str | None = None
    notes: str = ""

    @property
    def complete(self) -> bool:
        """Everything a call needs is here; a promised callback still needs its time."""
        return (
            self.category is not None
            and self.heat is not None
            and self.outcome is not None
            and self.outcome != CALLBACK
            and bool(self.notes)
        )

    def as_input(self) -> CallInput | None:
        """The call to record, when the line said everything; None sends the agent to the form."""
        if self.category is None or self.heat is None or self.outcome is None:
            return None
        if not self.complete:
            return None
        return CallInput(self.category, self.heat, self.outcome, self.notes)

    def line(self) -> str:
        """The quick-log text that reads back as this log."""
        head = [str(part) for part in (self.category, self.heat, self.outcome) if part is not None]
        return f"{' '.join(head)}: {self.notes}" if self.notes else " ".join(head)


def parse_quick(text: str, categories: Sequence[str]) -> QuickLog:
    """Read a quick-log line. Raises QuickLogError for a part that is present but wrong.

    Without a colon, a line made only of known words is read as the head ("billing 4"), and
    anything else is taken as the notes, so "/logcall customer was rude" still starts a log.
    """
    head, colon, notes = text.partition(":")
    notes = notes.strip()
    if not colon:
        try:
            parsed = _parse_head(head, categories)
        except QuickLogError:
            if _looks_like_head(head):
                raise
            return _with_notes(QuickLog(), text.strip())
        return parsed
    return _with_notes(_parse_head(head, categories), notes)


def _with_notes(log: QuickLog, notes: str) -> QuickLog:
    if len(notes) > NOTES_LIMIT:
        raise QuickLogError(
            f"The notes are {len(notes):,} characters; the limit is {NOTES_LIMIT:,}. "
            "Shorten them, or type `/logcall` alone to use the form."
        )
    return QuickLog(log.category, log.heat, log.outcome, notes)


def _looks_like_head(head: str) -> bool:
    # A number among the words means the heat was meant, so a wrong one deserves an error.
    return any(_NUMBER.match(word) for word in head.split())


def _parse_head(head: str, categories: Sequence[str]) -> QuickLog:
    words = head.lower().split()
    known = {category.lower(): category for category in categories}
    longest = max((len(c.split()) for c in known), default=1)
    category: str | None = None
    heat: int | None = None
    outcome: str | None = None
    at = 0
    while at < len(words):
        word = words[at]
        if _NUMBER.match(word):
            heat = _once("heat", heat, _heat(word))
            at += 1
            continue
        pair = " ".join(words[at : at + 2])
        if pair == CALLBACK:
            outcome = _once("outcome", outcome, CALLBACK)
            at += 2
            continue
        if word in OUTCOME_WORDS:
            outcome = _once("outcome", outcome, OUTCOME_WORDS[word])
            at += 1
            continue
        size = next((n for n in range(longest, 0, -1) if " ".join(words[at : at + n]) in known), 0)
        if not size:
            raise QuickLogError(_unknown(word, categories))
        category = _once("category", category, known[" ".join(words[at : at + size])])
        at += size
    return QuickLog(category, heat, outcome)


def _heat(word: str) -> int:
    value = int(word) if word.lstrip("+-").isdigit() else None
    if value is None or value not in HEAT_RANGE:
        raise QuickLogError(
            "The heat must be a whole number from 1 (calm) to 5 (furious); "
            f"you wrote `{escape(word)}`. For example: `{EXAMPLE}`"
        )
    return value


def _once(name: str, current: T | None, new: T) -> T:
    if current is not None and current != new:
        raise QuickLogError(
            f"You gave two {name}s ({current} and {new}); give one. For example: `{EXAMPLE}`"
        )
    return new


def _unknown(word: str, categories: Sequence[str]) -> str:
    return (
        f"I don't know `{escape(word)}`. Before the colon, give a category "
        f"({', '.join(categories)}), a heat from 1 to 5 and an outcome "
        f"({', '.join(OUTCOMES)}), then the notes after the colon. For example: `{EXAMPLE}`"
    )
