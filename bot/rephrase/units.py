"""Which parts of a draft the rewrite rewords, and how the rewrite is put back together.

A unit is one sentence with a serious finding (or a run of sentences a finding spans), with
its good rewordings found lazily. Everything outside the units is copied byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from bot.rephrase import literals, recasts, sendable
from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.candidates import WORD, only_attitude
from bot.rephrase.model import ToneModel
from bot.rephrase.models import Finding

MODEL_RULE = "model:"  # findings of the trained model (see engine.py)
ATTITUDE_RULE = "sendable:attitude"  # a flagged sentence with no content (see attitude_only)
RECAST_RULE = "sendable:recast"  # a sentence a recast rewrites, though not flagged seriously
MAX_KEPT = 4  # good rewordings kept per sentence
Spans = list[tuple[int, int]]
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|$)")
# Right after capitals, a code or number with at most a stop, colon or "#" between: a label.
_LABEL_NEXT = re.compile(r"[.:#]?[ \t]*[.:#]?[ \t]*#?[A-Za-z]{0,4}[-_]?\d")


def chosen(findings: tuple[Finding, ...]) -> list[Finding]:
    """The serious findings to fix: on overlap, the more severe (then longer) one wins."""
    picked: list[Finding] = []
    ranked = sorted(
        (f for f in findings if f.serious),
        key=lambda f: (-f.rank, -(f.end - f.start), f.start),
    )
    for finding in ranked:
        if all(finding.end <= p.start or p.end <= finding.start for p in picked):
            picked.append(finding)
    return sorted(picked, key=lambda f: f.start)


@dataclass
class Unit:
    """One sentence (or run of sentences a finding spans) and its good rewordings."""

    start: int
    end: int
    findings: list[Finding]
    good: list[str] = field(default_factory=list)
    failure: tuple[int, str] = (-1, "")
    source: Iterator[str] | None = None

    def get(self, index: int) -> str | None:
        while len(self.good) <= index and self.source is not None:
            nxt = next(self.source, None)
            if nxt is None or len(self.good) >= MAX_KEPT:
                self.source = None
            elif nxt not in self.good:
                self.good.append(nxt)
        return self.good[index] if index < len(self.good) else None


def protected(
    draft: str,
    findings: tuple[Finding, ...],
    shouted: Spans,
    spans: Spans | None = None,
    read: literals.BySentence | None = None,
) -> list[literals.Literal]:
    """Literals of the sentences the rewrite may touch: those with any finding (the rest
    is copied byte for byte, so its literals cannot be lost). `read`: the draft's literals
    found so far, when the caller keeps them."""
    touched = [
        (a, b)
        for a, b in (sentence_spans(draft) if spans is None else spans)
        if any(f.start < b and a < f.end for f in findings)
    ]
    return (read or literals.BySentence(draft, shouted)).of(touched)


def suspects(draft: str, findings: tuple[Finding, ...], spans: Spans) -> frozenset[str]:
    """The draft's sentences the trained model flagged, at any severity."""
    model = [f for f in findings if f.rule.startswith(MODEL_RULE)]
    return frozenset(draft[a:b] for a, b in spans if any(f.start < b and a < f.end for f in model))


def attitude_only(
    draft: str,
    picked: list[Finding],
    suspects: frozenset[str],
    read: literals.BySentence | None = None,
    spans: Spans | None = None,
) -> list[Finding]:
    """Sentences the model flagged only lightly that carry nothing but attitude ("Is that
    clear now?"): the sendable gate may refuse them, so the rewrite may drop them too.
    `read`: the draft's literals (a sentence with one, or a number, carries content)."""
    extra = []
    read = read or literals.BySentence(draft)
    for start, end in sentence_spans(draft) if spans is None else spans:
        sentence = draft[start:end]
        if sentence not in suspects or any(f.start < end and start < f.end for f in picked):
            continue
        if not (only_attitude(sentence, []) or recasts.whole_sentence(sentence)):
            continue
        if re.search(r"\d", sentence) or literals.overlaps(read.of([(start, end)]), start, end):
            continue
        extra.append(
            Finding(
                kind="attitude",
                severity="medium",
                start=start,
                end=end,
                text=sentence,
                why="It adds attitude and no information.",
                tip="Leave it out.",
                suggestions=("",),
                rule=ATTITUDE_RULE,
            )
        )
    return extra


def recastable(
    draft: str, picked: list[Finding], findings: tuple[Finding, ...], spans: Spans
) -> list[Finding]:
    """Sentences of a draft being rewritten that a recast fits, though no serious finding
    is on them: a lead-in the model only calls low ("I told you twice already, the refund
    takes 5 days."), or a sentence of attitude no finding marks at all ("Is that clear
    now?", "Let me spell it out for you: …") in a draft rude elsewhere. Their own findings'
    kinds choose the recast; a sentence without any takes the draft's. Only the recast
    rewords such a sentence (candidates.py gives it no edits of its own)."""
    if not picked:
        return []
    everywhere = frozenset(f.kind for f in findings)
    spare = [(a, b) for a, b in spans if not any(f.start < b and a < f.end for f in picked)]
    found = (recast_at(draft, a, b, findings, everywhere) for a, b in spare)
    return [f for f in found if f is not None]


def recast_at(
    draft: str, start: int, end: int, findings: tuple[Finding, ...], everywhere: frozenset[str]
) -> Finding | None:
    """The finding for one sentence a recast fits (see recastable), or None."""
    own = frozenset(f.kind for f in findings if f.start < end and start < f.end)
    kinds = recasts.fitting_kinds(draft[start:end], own or everywhere)
    if not kinds:
        return None
    return Finding(
        kind=min(kinds),
        severity="medium",
        start=start,
        end=end,
        text=draft[start:end],
        why="A recast says it without the attitude.",
        tip="",
        suggestions=(),
        rule=RECAST_RULE,
    )


def in_order(
    base: list[Unit], spans: Spans, recast: Callable[[int, int], Unit | None]
) -> Iterator[Unit]:
    """The units of `base` and, between them, a unit for each other sentence `recast` makes
    one of, in the draft's order: built only as far as they are read, so a draft withheld
    at its first sentence never looks for recasts further on."""
    at = 0
    covered = -1  # where the last unit handed out ends
    for start, end in spans:
        while at < len(base) and base[at].start < end:
            covered = max(covered, base[at].end)
            yield base[at]
            at += 1
        if start < covered or any(u.start < end and start < u.end for u in base[at:]):
            continue
        unit = recast(start, end)
        if unit is not None:
            yield unit
    yield from base[at:]


def weak(draft: str, finding: Finding, spans: Spans, model: ToneModel | None) -> bool:
    """A finding no rewrite can act on: the model's on a span without a word (an emoji it
    read as condescending: deleting it changes no tone), or one word in capitals in a
    sentence the model reads as kind once that word is in lower case (emphasis: "the storm
    means ALL ferries are suspended"; lowering one word is no rewrite), or capitals naming the
    code right after them ("POLICY NO. HX-2024-77812"). A word in capitals that is a sentence
    of its own ("NO.") is shouting, not emphasis."""
    if finding.rule.startswith(MODEL_RULE):
        return not WORD.search(finding.text)
    if finding.rule != "capitals":
        return False
    start, end = next(((a, b) for a, b in spans if a <= finding.start < b), (0, len(draft)))
    if "!!" in draft[start:end]:
        return False  # capitals with "!!" are shouting, whatever they name
    if _LABEL_NEXT.match(draft, finding.end):
        return True  # the label of a code: "quote POLICY NO. HX-2024-77812"
    if model is None or len(WORD.findall(finding.text)) != 1:
        return False
    before, after = draft[start : finding.start].rstrip(), draft[finding.end : end].lstrip()
    alone = (not before or before[-1] in ".!?") and (not after or after[0] in ".!?")
    if alone or len(WORD.findall(draft[start:end])) < 4:
        return False
    a, b = finding.start, finding.end  # the sentence read with that word in lower case
    calm = draft[start:a] + draft[a:b].lower() + draft[b:end]
    probability = sendable.sentence_probability(model, {})(calm)[0]
    return probability < model.thresholds["low"]


def on_literal(finding: Finding, protected: list[literals.Literal]) -> bool:
    """A finding on a code or quote is not the agent's tone, unless its fix keeps the words
    (a jargon term explained in brackets)."""
    if not literals.covers(protected, finding.start, finding.end):
        return False
    return not any(finding.text in s for s in finding.suggestions)


def units(draft: str, picked: list[Finding], spans: Spans) -> list[Unit]:
    units: list[Unit] = []
    for start, end in spans:
        mine = [f for f in picked if f.start < end and start < f.end]
        if not mine:
            continue
        if units and units[-1].end > start:  # a finding spans the sentence break
            units[-1].end = max(end, units[-1].end)
            units[-1].findings += [f for f in mine if f not in units[-1].findings]
            continue
        units.append(Unit(start, max(end, *(f.end for f in mine)), mine))
    return units


def shift(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)


def one_at_a_time(parts: int, depth: int) -> Iterator[tuple[int, ...]]:
    yield (0,) * parts
    for rank in range(1, depth):
        for i in range(parts):
            yield tuple(rank if j == i else 0 for j in range(parts))


def assemble(draft: str, units: list[Unit], pieces: list[str]) -> str:
    out, pos = "", 0
    for unit, piece in zip(units, pieces, strict=True):
        start, end = unit.start, unit.end
        if not piece:
            start, end = dropped_span(draft, start, end)
            out += draft[pos:start]
        else:
            out += draft[pos:start] + piece
        pos = max(pos, end)
    out += draft[pos:]
    return _TRAILING_SPACE.sub("", out) if not _TRAILING_SPACE.search(draft) else out


def dropped_span(draft: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete with a dropped sentence: its trailing spaces, or leading ones."""
    after = len(draft) - len(draft[end:].lstrip(" \t"))
    if after < len(draft) and draft[after] != "\n":
        return start, after
    line_start = draft.rfind("\n", 0, start) + 1
    before = len(draft[:start].rstrip(" \t"))
    if before == line_start or before == 0:  # the sentence is its own line: drop the line
        return line_start, after + (1 if after < len(draft) else 0)
    return before, end
