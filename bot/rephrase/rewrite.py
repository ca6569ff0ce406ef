"""The rewrite: each sentence with a serious finding reworded as a whole, then checked.

For every such sentence, candidate rewordings are generated in order of preference: a
clause template, dropping the rude words, dropping the rude clause, dropping a sentence that
carries nothing but the attitude, and last the finding's own suggestions. A candidate is
kept only if it keeps every protected literal, breaks no meaning guard, passes the fluency
check and has no serious finding left. Sentences without a finding are copied byte for
byte. When some sentence has no candidate left, the rewrite is withheld with the reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from bot.content.segment import sentence_spans, split_sentences
from bot.rephrase import fluency, frame, guards, literals, sendable
from bot.rephrase.candidates import WORD, candidates, only_attitude
from bot.rephrase.incremental import ContextDetector
from bot.rephrase.model import ToneModel
from bot.rephrase.models import Finding

Detect = Callable[[str], tuple[Finding, ...]]
MODEL_RULE = "model:"  # findings of the trained model (see engine.py)
MAX_TRIED = 10  # candidate rewordings tried per sentence
MAX_KEPT = 4  # good rewordings kept per sentence
MAX_VARIANTS = 6  # distinct wordings offered for one draft
_TRAILING_SPACE = re.compile(r"[ \t]+(?=\n|$)")


@dataclass(frozen=True)
class Outcome:
    """The rewrite to show, or the draft with the reason none is offered."""

    status: str  # "unchanged" | "offered" | "withheld" | "exhausted"
    text: str
    reason: str = ""
    more: bool = False  # another, different wording can still be shown
    findings: tuple[Finding, ...] | None = None  # the offered text's own, already found


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
class _Unit:
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


class Rewriter:
    def __init__(self, detect: Detect, model: ToneModel | None = None) -> None:
        self._detect = detect
        self._model = model
        self._seen: dict[str, tuple[Finding, ...]] = {}
        self._rude: sendable.Probability = _never_rude
        self._gate = ""
        self._context = ContextDetector(detect, "", ())
        self._suspects: frozenset[str] = frozenset()
        self._limits = sendable.DEFAULT_LIMITS

    def detect(self, text: str) -> tuple[Finding, ...]:
        """Detection, remembered for one draft: wordings share their sentences."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._detect(text)
        return found

    def outcome(self, draft: str, findings: tuple[Finding, ...], variant: int = 0) -> Outcome:
        shouted = [(f.start, f.end) for f in findings if f.kind == "shouting"]
        protected = _protected(draft, findings, shouted) if findings else []
        # A finding inside a literal (a code, a quote, a URL) is not the agent's tone.
        picked = [f for f in chosen(findings) if not _on_literal(f, protected)]
        if not picked:
            return Outcome("unchanged", draft)
        self._seen, self._gate = {}, ""
        self._context = ContextDetector(self._detect, draft, findings)
        if self._model is not None:
            self._rude = sendable.sentence_probability(self._model, {})
            self._limits = sendable.limits(self._model)
        self._suspects = _suspects(draft, findings)
        picked = sorted(
            [*picked, *_attitude_only(draft, picked, self._suspects, protected)], key=_start
        )
        units = _units(draft, picked)
        for unit in units:
            unit.source = self._good(draft, unit, protected)
        # The wording after the one shown is only checked cheaply (detection in context is
        # the costly part); a click runs every check, and says so if none is left.
        wordings = itertools.islice(self._wordings(draft, units, protected, variant), variant + 2)
        seen = list(wordings)
        if variant < len(seen):
            text = seen[variant]
            more = variant + 1 < len(seen)
            return Outcome("offered", text, more=more, findings=self._context.findings(text))
        if seen:
            return Outcome("exhausted", draft, "You've seen every wording I have for this draft.")
        if self._gate:
            why = f"The best rewrite I found is not ready to send: {self._gate}."
            return Outcome("withheld", draft, why + " The suggestions above show what to change.")
        return Outcome("withheld", draft, _reason(units))

    def _wordings(
        self, draft: str, units: list[_Unit], protected: list[literals.Literal], verify: int
    ) -> Iterator[str]:
        """Distinct whole rewrites: every sentence's best wording, then one sentence at a
        time moved to its next wording, so the count stays linear in the sentences."""
        shown: set[str] = set()
        for ranks in _one_at_a_time(len(units), MAX_KEPT):
            pieces = [unit.get(rank) for unit, rank in zip(units, ranks, strict=True)]
            if any(p is None for p in pieces):
                if ranks == (0,) * len(units):
                    return  # some sentence has no good wording at all
                continue
            text = _assemble(draft, units, [p or "" for p in pieces])
            if text in shown or not _whole_ok(draft, text, protected):
                continue
            gate = sendable.problem(draft, text, self._rude, self._suspects, self._limits)
            warm = frame.framed(text) if gate and gate.endswith(sendable.CURT) else None
            if warm is not None and not guards.broken_guards(draft, warm):
                text, gate = (
                    warm,
                    sendable.problem(draft, warm, self._rude, self._suspects, self._limits),
                )
            if gate or text in shown:
                self._gate = self._gate or gate or ""
                continue
            if len(shown) <= verify and any(f.serious for f in self._context.findings(text)):
                continue  # read in context, still harsh
            shown.add(text)
            yield text
            if len(shown) >= MAX_VARIANTS:
                return

    def _good(self, draft: str, unit: _Unit, protected: list[literals.Literal]) -> Iterator[str]:
        old = draft[unit.start : unit.end]
        inside = [lit for lit in protected if unit.start <= lit.start and lit.end <= unit.end]
        local = [_shift(f, -unit.start) for f in unit.findings if f.start >= unit.start]
        for candidate in itertools.islice(candidates(old, local), MAX_TRIED):
            problem = self._problem(old, candidate, inside)
            if problem is None:
                yield candidate
            else:
                unit.failure = max(unit.failure, problem, key=lambda p: p[0])

    def _problem(
        self, old: str, new: str, inside: list[literals.Literal]
    ) -> tuple[int, str] | None:
        """What is wrong with a candidate, ranked: a meaning guard outranks a literal, etc."""
        broken = guards.broken_guards(old, new)
        if broken:
            return 3, broken[0].reason
        lost = literals.missing(inside, new)
        if lost:
            return 2, f"it would have lost or changed “{lost[0]}”"
        if not new:
            return None
        failed = fluency.failed_checks(new, old)
        if failed:
            return 1, failed[0].reason
        gate = sendable.problem(
            old, new, self._rude, None, self._limits
        )  # cheaper than detection: first
        if gate and not gate.endswith(sendable.CURT):  # a warm frame may still fix curtness
            return 0, "every wording I tried still read as incomplete"
        if any(f.serious for f in self.detect(new)):
            return 0, "every wording I tried still sounded harsh"
        return None


def _protected(
    draft: str, findings: tuple[Finding, ...], shouted: list[tuple[int, int]]
) -> list[literals.Literal]:
    """Literals of the sentences the rewrite may touch: those with any finding (the rest
    is copied byte for byte, so its literals cannot be lost)."""
    spans = [
        (a, b) for a, b in sentence_spans(draft) if any(f.start < b and a < f.end for f in findings)
    ]
    return literals.find_in(draft, spans, shouted)


def _never_rude(sentence: str) -> sendable.Tone:
    return 0.0, ""


def _start(finding: Finding) -> int:
    return finding.start


def _suspects(draft: str, findings: tuple[Finding, ...]) -> frozenset[str]:
    """The draft's sentences the trained model flagged, at any severity."""
    model = [f for f in findings if f.rule.startswith(MODEL_RULE)]
    return frozenset(
        draft[a:b]
        for a, b in sentence_spans(draft)
        if any(f.start < b and a < f.end for f in model)
    )


def _attitude_only(
    draft: str,
    picked: list[Finding],
    suspects: frozenset[str],
    protected: list[literals.Literal] | None = None,
) -> list[Finding]:
    """Sentences the model flagged only lightly that carry nothing but attitude ("Is that
    clear now?"): the sendable gate may refuse them, so the rewrite may drop them too."""
    extra = []
    for start, end in sentence_spans(draft):
        sentence = draft[start:end]
        if any(f.start < end and start < f.end for f in picked):
            continue
        keeps = re.search(r"\d", sentence) or literals.overlaps(protected or [], start, end)
        if sentence in suspects and not keeps and only_attitude(sentence, []):
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
                    rule="sendable:attitude",
                )
            )
    return extra


def _on_literal(finding: Finding, protected: list[literals.Literal]) -> bool:
    """A finding on a code or quote is not the agent's tone, unless its fix keeps the words
    (a jargon term explained in brackets)."""
    if not literals.covers(protected, finding.start, finding.end):
        return False
    return not any(finding.text in s for s in finding.suggestions)


def _units(draft: str, picked: list[Finding]) -> list[_Unit]:
    units: list[_Unit] = []
    for start, end in sentence_spans(draft):
        mine = [f for f in picked if f.start < end and start < f.end]
        if not mine:
            continue
        if units and units[-1].end > start:  # a finding spans the sentence break
            units[-1].end = max(end, units[-1].end)
            units[-1].findings += [f for f in mine if f not in units[-1].findings]
            continue
        units.append(_Unit(start, max(end, *(f.end for f in mine)), mine))
    return units


def _shift(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)


def _one_at_a_time(parts: int, depth: int) -> Iterator[tuple[int, ...]]:
    yield (0,) * parts
    for rank in range(1, depth):
        for i in range(parts):
            yield tuple(rank if j == i else 0 for j in range(parts))


def _assemble(draft: str, units: list[_Unit], pieces: list[str]) -> str:
    out, pos = "", 0
    for unit, piece in zip(units, pieces, strict=True):
        start, end = unit.start, unit.end
        if not piece:
            start, end = _dropped(draft, start, end)
            out += draft[pos:start]
        else:
            out += draft[pos:start] + piece
        pos = max(pos, end)
    out += draft[pos:]
    return _TRAILING_SPACE.sub("", out) if not _TRAILING_SPACE.search(draft) else out


def _dropped(draft: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete with a dropped sentence: its trailing spaces, or leading ones."""
    after = len(draft) - len(draft[end:].lstrip(" \t"))
    if after < len(draft) and draft[after] != "\n":
        return start, after
    line_start = draft.rfind("\n", 0, start) + 1
    before = len(draft[:start].rstrip(" \t"))
    if before == line_start or before == 0:  # the sentence is its own line: drop the line
        return line_start, after + (1 if after < len(draft) else 0)
    return before, end


def _whole_ok(draft: str, text: str, protected: list[literals.Literal]) -> bool:
    if text == draft or not _says_something(text):
        return False
    if literals.missing(protected, text) or guards.broken_guards(draft, text):
        return False
    return not fluency.doubled(text, draft)  # two seams can meet across sentences


def _says_something(text: str) -> bool:
    """At least one sentence of two words with a verb: not "Aww." or "Mhm. Yep." """
    return any(len(WORD.findall(s)) >= 2 and fluency.has_verb(s) for s in split_sentences(text))


def _reason(units: list[_Unit]) -> str:
    if all(unit.get(0) == "" for unit in units):
        return (
            "Without the words that could land badly there is nothing left to send; "
            "start from the suggestions above."
        )
    for unit in units:
        if unit.get(0) is None:
            words = unit.findings[0].text
            shown = words if len(words) <= 60 else words[:57] + "…"
            why = unit.failure[1] or "I found no wording that keeps its meaning"
            return f"No rewrite for “{shown}”: {why}. The suggestions above show what to change."
    return "No rewrite passed every check; the suggestions above show what to change."
