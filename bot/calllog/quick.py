"""The one-line quick log: `/logcall billing 4 escalated: customer charged twice`.

Grammar: up to four parts before a colon, in any order — a category, a heat (1 to 5, or the
form's word for it: calm, tense, heated, angry, furious), an outcome and the channel of
contact (phone, email, chat, social, in person; phone when not given) — then the notes after
the colon. Case does not matter, commas between the parts are fine, and the callback outcome
may be written "callback promised", "callback" or "promised". Whatever is missing is asked
for in the form; whatever is wrong is refused with a message that names it. A line that
does not start with parts is taken whole as the notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.calllog.model import CONTACTS, HEAT_LABELS, HEAT_RANGE, NOTES_LIMIT, OUTCOMES, CallInput
from bot.text import escape

CALLBACK = "callback promised"
OUTCOME_WORDS: dict[str, str] = {
    **{outcome: outcome for outcome in OUTCOMES},
    "callback": CALLBACK,
    "promised": CALLBACK,
}
CONTACT_WORDS: dict[str, str] = {
    **{contact: contact for contact in CONTACTS},
    "e-mail": "email",
    "in-person": "in person",
    "social media": "social",
    "call": "phone",
}
HEAT_WORDS: dict[str, int] = {word: heat for heat, word in HEAT_LABELS.items()}
DEFAULT_CONTACT = "phone"
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
    contact: str | None = None  # phone when not given, as in the form

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
        return CallInput(
            self.category, self.heat, self.outcome, self.notes, self.contact or DEFAULT_CONTACT
        )

    def line(self) -> str:
        """The quick-log text that reads back as this log."""
        parts = (self.category, self.heat, self.outcome, self.contact)
        head = [str(part) for part in parts if part is not None]
        return f"{' '.join(head)}: {self.notes}" if self.notes else " ".join(head)


def parse_quick(text: str, categories: Sequence[str]) -> QuickLog:
    """Read a quick-log line. Raises QuickLogError for a part that is present but wrong.

    The words before the colon (or the whole line, without one) are read as the head when
    they are all known, and refused with a message naming the wrong one when most of them
    are known ("biling 4 escalated: …"). Otherwise they were never meant as a head, so the
    whole line is the notes: "/logcall customer called at 10:30 about a refund" still starts
    a log, with the form asking for the rest.
    """
    head, colon, notes = text.partition(":")
    words = _words(head)
    parts, unknown = _read_head(words, categories)
    if unknown and len(unknown) > len(words) - len(unknown):
        return _with_notes(QuickLog(), text.strip())
    if unknown:
        raise QuickLogError(_unknown(unknown[0], categories))
    log = _parts(parts)
    return _with_notes(log, notes.strip()) if colon else log


def _with_notes(log: QuickLog, notes: str) -> QuickLog:
    if len(notes) > NOTES_LIMIT:
        raise QuickLogError(
            f"The notes are {len(notes):,} characters; the limit is {NOTES_LIMIT:,}. "
            "Shorten them, or type `/logcall` alone to use the form."
        )
    return QuickLog(log.category, log.heat, log.outcome, notes, log.contact)


def _words(head: str) -> list[str]:
    # "billing, 4, escalated" reads like "billing 4 escalated"; "3,5" stays one (wrong) heat.
    return [word for word in (w.rstrip(",") for w in head.lower().split()) if word]


Part = tuple[str, str]  # ("category" | "heat" | "outcome" | "contact", the value)


def _read_head(words: list[str], categories: Sequence[str]) -> tuple[list[Part], list[str]]:
    """The parts the words name, and the words that name none (a category may be several
    words long, and "callback promised" is two)."""
    known = {category.lower(): category for category in categories}
    longest = max((len(c.split()) for c in known), default=1)
    parts: list[Part] = []
    unknown: list[str] = []
    at = 0
    while at < len(words):
        word, pair = words[at], " ".join(words[at : at + 2])
        if _NUMBER.match(word):
            parts.append(("heat", word))
            at += 1
        elif word in HEAT_WORDS:
            parts.append(("heat", str(HEAT_WORDS[word])))
            at += 1
        elif pair == CALLBACK:
            parts.append(("outcome", CALLBACK))
            at += 2
        elif word in OUTCOME_WORDS:
            parts.append(("outcome", OUTCOME_WORDS[word]))
            at += 1
        elif pair in CONTACT_WORDS and pair not in known:
            parts.append(("contact", CONTACT_WORDS[pair]))
            at += 2
        elif word in CONTACT_WORDS and word not in known:
            parts.append(("contact", CONTACT_WORDS[word]))
            at += 1
        else:
            size = next(
                (n for n in range(longest, 0, -1) if " ".join(words[at : at + n]) in known), 0
            )
            if size:
                parts.append(("category", known[" ".join(words[at : at + size])]))
                at += size
            else:
                unknown.append(word)
                at += 1
    return parts, unknown


def _parts(parts: list[Part]) -> QuickLog:
    category: str | None = None
    heat: int | None = None
    outcome: str | None = None
    contact: str | None = None
    for name, value in parts:
        if name == "heat":
            heat = _once("heats", heat, _heat(value))
        elif name == "outcome":
            outcome = _once("outcomes", outcome, value)
        elif name == "contact":
            contact = _once("channels of contact", contact, value)
        else:
            category = _once("categories", category, value)
    return QuickLog(category, heat, outcome, contact=contact)


def _heat(word: str) -> int:
    value = int(word) if word.lstrip("+-").isdigit() else None
    if value is None or value not in HEAT_RANGE:
        raise QuickLogError(
            "The heat must be a whole number from 1 (calm) to 5 (furious), or one of "
            f"{', '.join(HEAT_LABELS.values())}; "
            f"you wrote `{escape(word)}`. For example: `{EXAMPLE}`"
        )
    return value


def _once(names: str, current: T | None, new: T) -> T:
    if current is not None and current != new:
        raise QuickLogError(
            f"You gave two {names} ({current} and {new}); give one. For example: `{EXAMPLE}`"
        )
    return new


def _unknown(word: str, categories: Sequence[str]) -> str:
    return (
        f"I don't know `{escape(word)}`. Before the colon, give a category "
        f"({', '.join(categories)}), a heat from 1 to 5 (or "
        f"{', '.join(HEAT_LABELS.values())}), an outcome ({', '.join(OUTCOMES)}) and, if it "
        f"was not by phone, the channel ({', '.join(CONTACTS)}); then the notes after the "
        f"colon. For example: `{EXAMPLE}`"
    )
