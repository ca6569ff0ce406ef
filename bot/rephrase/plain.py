"""Plain-language checks: jargon, over-long sentences and passive evasions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content import JargonTerm
from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.models import Finding

LONG_SENTENCE_WORDS = 40
# One or two terms a customer can look past; this many in one reply is a wall of jargon.
JARGON_WALL = 3
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class JargonPattern:
    term: JargonTerm
    regex: re.Pattern[str]
    folded: str
    # Capitals only: the term as typed must be in the text ("ACH", not every "each").
    exact: bool


def compile_jargon(terms: tuple[JargonTerm, ...]) -> tuple[JargonPattern, ...]:
    # A term already followed by an explanation in brackets, "ONT (the box ...)", is fine.
    # Acronyms match in capitals only, so "LOS" is not "Los Angeles".
    return tuple(
        JargonPattern(
            t,
            re.compile(
                rf"(?<!\w){re.escape(t.term)}(?!\w)(?!\s*\()",
                0 if t.term.isupper() else re.IGNORECASE,
            ),
            t.term.casefold(),
            t.term.isupper(),
        )
        for t in terms
    )


def jargon(patterns: tuple[JargonPattern, ...], text: str) -> list[Finding]:
    folded = text.casefold()
    hits = [
        (p.term, m)
        for p in patterns
        # a cheap test first: most drafts hold no jargon
        if (p.term.term in text if p.exact else p.folded in folded)
        for m in p.regex.finditer(text)
    ]
    hits = _longest_first(hits)
    distinct = {term.term.casefold() for term, _ in hits}
    severity = "medium" if len(distinct) >= JARGON_WALL else "low"
    return [
        Finding(
            kind="jargon",
            severity=severity,
            start=m.start(),
            end=m.end(),
            text=m.group(),
            why=f"Customers may not know '{term.term}'; say what it means: {term.plain}.",
            tip="plain-language",
            suggestions=(f"{m.group()} ({term.plain})", term.plain),
            rule="jargon",
        )
        for term, m in hits
    ]


def _longest_first(
    hits: list[tuple[JargonTerm, re.Match[str]]],
) -> list[tuple[JargonTerm, re.Match[str]]]:
    """Drop a term found inside a longer one ("tier 2" inside "tier 2 team" is one term)."""
    kept: list[tuple[JargonTerm, re.Match[str]]] = []
    for term, m in sorted(hits, key=lambda h: (-(h[1].end() - h[1].start()), h[1].start())):
        if all(m.end() <= k.start() or k.end() <= m.start() for _, k in kept):
            kept.append((term, m))
    return sorted(kept, key=lambda h: h[1].start())


def long_sentences(text: str) -> list[Finding]:
    found: list[Finding] = []
    for start, end in sentence_spans(text):
        if end - start <= 2 * LONG_SENTENCE_WORDS:
            continue  # too short to hold that many words and the spaces between them
        words = len(_WORD.findall(text, start, end))
        if words > LONG_SENTENCE_WORDS:
            found.append(
                Finding(
                    kind="long-sentence",
                    severity="low",
                    start=start,
                    end=end,
                    text=text[start:end],
                    why=f"This sentence has {words} words; over {LONG_SENTENCE_WORDS}, "
                    "readers lose the thread. Split it in two.",
                    tip="plain-language",
                    suggestions=(),
                    rule="long-sentence",
                )
            )
    return found


# Agentless passives that hide who made the mistake; each owns it in the active voice.
# Each runs only when its literal is in the case-folded text: three case-insensitive scans
# of every draft cost more than the rest of these checks. (No literal holds i, s or k:
# IGNORECASE matches each to a non-ASCII letter that case folding need not turn into it.)
_PASSIVES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (literal, re.compile(pattern, re.IGNORECASE), replacement)
    for literal, pattern, replacement in (
        (
            "made",
            r"\b(?:some |a few )?(?:mistakes|errors) (?:were|have been|had been) made\b"
            r"|\ban? (?:mistake|error) (?:was|has been|had been) made\b",
            "we made a mistake",
        ),
        ("dropped", r"\bthe ball was dropped\b", "we dropped the ball"),
        ("ded", r"\bit (?:was|has been) decided\b", "we decided"),
    )
)
_PASSIVE_WHY = "The passive voice hides who made the mistake, which sounds like dodging blame."


def passive_evasions(text: str) -> list[Finding]:
    folded = text.casefold()
    return [
        Finding(
            kind="evasive",
            severity="medium",
            start=m.start(),
            end=m.end(),
            text=m.group(),
            why=_PASSIVE_WHY,
            tip="three-part-apology",
            suggestions=(replacement,),
            rule="passive-evasion",
        )
        for literal, pattern, replacement in _PASSIVES
        if literal in folded
        for m in pattern.finditer(text)
    ]
