"""What the rewrite says when it offers nothing, and what the draft's findings pointed at.

Kept apart from rewrite.py, which decides; these only word the outcome: the one-line reason
a rewrite is withheld, and the words each unkind finding pointed at (which no offered
rewrite may keep).
"""

from __future__ import annotations

from bot.rephrase import units as parts
from bot.rephrase.candidates import CLARITY_KINDS, WORD
from bot.rephrase.models import Finding

# Low findings a rewrite may keep: a fact read as cool, a rule quoted, a term to explain.
TOLERATED_LOW = frozenset({"cold", "rule-quoting", "absolute-no", *CLARITY_KINDS})
ADVERB_ONLY = (
    "Only “{words}” would change, which is no rewrite: read the sentence around it; if it "
    "is kind, the word can simply go, and if not, the suggestions above show what to change."
)
WEAK_ONLY = (
    "Only “{words}” would change, which is no rewrite: if the sentence around it is kind, it "
    "can stay as it is; if not, the suggestions above show what to change."
)


def lone_adverb(finding: Finding) -> bool:
    """ "obviously", "clearly", "honestly": the dig is in the sentence around the word as
    often as in the word (a warm reply that says "obviously" needs nothing; "no rush
    replying, obviously" needs more than the word gone), so deleting it is no rewrite."""
    words = WORD.findall(finding.text)
    return len(words) == 1 and len(words[0]) > 4 and words[0].lower().endswith("ly")


def pointed_out(
    draft: str, findings: tuple[Finding, ...], spans: list[tuple[int, int]]
) -> list[tuple[str, Finding]]:
    """The words each unkind finding of the draft points at: the finding's own text when it
    is two words or more, else its whole sentence (a model's one-word span, "sure", marks
    the sentence rather than the word)."""
    out = []
    for f in findings:
        if f.kind in TOLERATED_LOW or f.kind == "shouting":
            continue
        if len(WORD.findall(f.text)) >= 2:
            out.append((f.text, f))
        else:
            out += [(draft[a:b], f) for a, b in spans if a <= f.start < b]
    return out


def still_there(pointed_out: list[tuple[str, Finding]], text: str) -> Finding | None:
    return next((f for words, f in pointed_out if words in text), None)


def short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def reason(draft: str, units: list[parts.Unit]) -> str:
    if all(unit.get(0) == "" for unit in units):
        return (
            "Without the words that could land badly there is nothing left to send; "
            "start from the suggestions above."
        )
    for unit in units:
        if unit.get(0) is None:
            words = unit.findings[0].text
            if len(WORD.findall(words)) < 2:  # a model's one-word span: name the sentence
                words = draft[unit.start : unit.end].strip()
            shown = short(words)
            why = unit.failure[1] or "I found no wording that keeps its meaning"
            return f"No rewrite for “{shown}”: {why}. The suggestions above show what to change."
    return "No rewrite passed every check; the suggestions above show what to change."
