"""Sentence-level recasts, by kind of finding: what a coach would do with a rude sentence.

A rude sentence is usually information wrapped in attitude. Each recast names one common
wrapping and what to write instead, keeping the information:

- a lead-in about the conversation ("As I already explained, …", "I told you twice, …",
  "For the third time, …", "Obviously, …") goes, or becomes "To recap, …";
- a sentence that is only attitude ("Calm down, sir.", "Is that clear now?", "I've told you
  this before.") goes, or becomes an empathy opener;
- a lecture pointing at a source ("Read the policy next time.") becomes a pointer to it
  ("You'll find the details in the policy.");
- blame for not reading ("You should have read the email we sent.", "You didn't read the
  instructions") becomes where the information is ("The details are in the email we sent.");
- a closing tag that only shuts the door (", full stop", ", end of story") goes.

The words a recast removes are attitude by construction, so the content-kept guard
(dropped.py) excuses them, as it does a phrasebook rule's words; the source a lecture points
at (the group `x`) is never excused. A recast is only a candidate: every literal, meaning,
content, fluency and tone check still runs on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.recast_leads import LEAD_RECASTS
from bot.rephrase.recast_sentences import SENTENCE_RECASTS
from bot.rephrase.recast_table import (
    ATTITUDE_KINDS,
    CLAUSE_RECASTS,
    INTENSIFIER,
    TRAILING_ADVERB,
    Recast,
)

_FACT = re.compile(r"\d")
_RELATIVE = re.compile(r"\s*(?:which|who|whom|whose|and|but|or)\b", re.IGNORECASE)
# Where a whole-sentence recast or a lead-in may start (see _fits): only there is it tried,
# so a sentence costs a few anchored matches instead of a scan per recast.
_SENTENCE_START = re.compile(r"(?:^|[.!?\n])\s*")
_CLAUSE_START = re.compile(r"(?:^|[,;:.!?\u2014(])\s*")
# A clause recast writes a statement of its own ("the details are in X"): under a word that
# makes its clause part of another it says something else ("No worries that you didn't read
# the confirmation" -> "No worries that the details are in the confirmation"; rewrite8).
_SUBORDINATED = re.compile(
    r"\b(?:that|if|whether|because|since|although|though|unless|when|why|how)\s*$", re.I
)
RECASTS = CLAUSE_RECASTS + LEAD_RECASTS + SENTENCE_RECASTS
_WHOLE = tuple(r for r in RECASTS if r.whole)
_SIMPLIFIERS = tuple(r for r in RECASTS if r.fact_after)
Span = tuple[int, int]
Edit = tuple[int, int, str]


def edits(sentence: str, kinds: frozenset[str]) -> Iterator[list[Edit]]:
    """Edit sets for the sentence, most preferred first: each match's options alone, then
        every match's first option together (a sentence may carry a lead-in and blame), then
    the edge words stripped, alone and with every match's first option."""
    starts = _Starts(sentence)
    found = [
        (recast, m)
        for recast in RECASTS
        if recast.kinds & kinds
        for m in _found(recast, sentence, starts)
    ]
    firsts = [_edit(recast, sentence, m, recast.replacements[0]) for recast, m in found]
    stripped = [(m.start(), m.end(), "") for m in INTENSIFIER.finditer(sentence)]
    if not kinds & ATTITUDE_KINDS:
        stripped = []
    free = [e for e in stripped if all(e[1] <= a or b <= e[0] for a, b, _ in firsts)]
    if len(firsts) + len(free) > 1 and firsts:
        yield firsts + free  # every edge at once: "That's just how it works, end of story."
    for recast, m in found:
        for out in recast.replacements:
            yield [_edit(recast, sentence, m, out)]
    # Edge words alone are no recast: without them a dig usually still reads as one (see
    # rewrite.ADVERB_ONLY), and the tone check cannot always tell.


def fitting_kinds(sentence: str, kinds: frozenset[str]) -> frozenset[str]:
    """The kinds (among `kinds`) of the first recast that fits the sentence, or none."""
    starts = _Starts(sentence)
    for recast in RECASTS:
        if recast.kinds & kinds and _found(recast, sentence, starts):
            return recast.kinds & kinds
    return frozenset()


def attitude_spans(text: str) -> list[Span]:
    """The words any recast would remove, wherever they stand: the content-kept guard does
    not count them as content. A lecture's source (group x) is left out of the span."""
    spans: list[Span] = []
    starts = _Starts(text)
    for recast in RECASTS:
        for m in _found(recast, text, starts):
            source = m.span("x") if "x" in recast.pattern.groupindex else (-1, -1)
            if source[0] < 0:
                spans.append(m.span())
            else:
                spans += [(m.start(), source[0]), (_source_end(m), m.end())]
    return spans


def whole_sentence(sentence: str) -> bool:
    """The sentence is one a whole-sentence recast rewrites or drops."""
    text = sentence.strip()
    return any(r.pattern.fullmatch(text) for r in _WHOLE)


class _Starts:
    """Where in one text a whole-sentence recast or a lead-in may start, found once."""

    def __init__(self, text: str) -> None:
        self.sentences = [m.end() for m in _SENTENCE_START.finditer(text)]
        self.clauses = [m.end() for m in _CLAUSE_START.finditer(text)]


def _found(recast: Recast, text: str, starts: _Starts | None = None) -> list[re.Match[str]]:
    """The recast's matches that fit where they stand. A whole-sentence recast is tried only
    at sentence starts and a lead-in only at clause starts (anchored, so every fitting start
    is tried); any other recast is searched for."""
    if not (recast.whole or recast.lead_in):
        if recast.cue is not None and not recast.cue.search(text):
            return []
        return [m for m in recast.pattern.finditer(text) if _fits(recast, text, m)]
    starts = starts or _Starts(text)
    out = []
    match = recast.pattern.match
    for at in starts.sentences if recast.whole else starts.clauses:
        m = match(text, at)
        if m is not None and _fits(recast, text, m):
            out.append(m)
    return out


def _fits(recast: Recast, text: str, m: re.Match[str]) -> bool:
    """A whole-sentence recast runs from a sentence start to a sentence end; a lead-in
    starts a clause."""
    if m.end() == m.start():
        return False
    before = text[: m.start()].rstrip()
    if recast.whole:
        after = text[m.end() :].lstrip()
        return (not before or before[-1] in ".!?\n") and (not after or after[0].isupper())
    if recast.lead_in:  # and a main clause follows: not "As I said, which …"
        starts = not before or before[-1] in ",;:.!?\u2014("
        if recast.fact_after and not _FACT.search(_rest_of_sentence(text, m.end())):
            return False
        return starts and not _RELATIVE.match(text, m.end())
    return not _SUBORDINATED.search(before)


def obvious_explanations(draft: str) -> list[str]:
    """What follows a lead-in that announces a simple explanation ("It's really simple:",
    "Let me spell it out for you:") where it carries no fact: kept without its lead-in, it
    still explains the obvious, whichever way the lead-in was cut."""
    out = []
    for recast in _SIMPLIFIERS:
        for m in recast.pattern.finditer(draft):
            rest = _rest_of_sentence(draft, m.end()).strip()
            if rest and not _FACT.search(rest):
                out.append(rest)
    return out


def _rest_of_sentence(text: str, start: int) -> str:
    """From start to the end of its sentence (as the shared splitter cuts it), without the
    marks that end it."""
    end = next((b for _, b in sentence_spans(text) if b > start), len(text))
    return text[start:end].rstrip(".!?\u2026")


def _edit(recast: Recast, sentence: str, m: re.Match[str], out: str) -> Edit:
    if "{x}" in out:
        groups = {k: v or "" for k, v in m.groupdict().items()}
        out = out.format(**{**groups, "x": sentence[m.start("x") : _source_end(m)]})
    before = sentence[: m.start()].rstrip()
    if before and out[:1].isupper() and out[1:2].islower():
        out = out[0].lower() + out[1:]  # mid-sentence: "…, to recap, …"
    start, end = m.span()
    if recast.whole:  # keep the sentence's surrounding whitespace
        end = m.start() + len(m.group().rstrip())
    return start, end, out


def _source_end(m: re.Match[str]) -> int:
    source = m.group("x")
    trimmed = TRAILING_ADVERB.sub("", source)
    return m.start("x") + len(trimmed)
