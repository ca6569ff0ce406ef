"""The rewrite: each sentence with a serious finding reworded as a whole, then checked.

For every such sentence, candidate rewordings are generated in order of preference: a
clause template, dropping the rude words, dropping the rude clause, dropping a sentence that
carries nothing but the attitude, and last a finding's suggestion for punctuation. A candidate is
kept only if it keeps every protected literal, breaks no meaning guard, passes the fluency
check and has no serious finding left. Sentences without a finding are copied byte for
byte. When some sentence has no candidate left, the rewrite is withheld with the reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from bot.content.segment import split_sentences
from bot.rephrase import dropped, fluency, frame, guards, literals, sendable, withheld
from bot.rephrase import units as parts
from bot.rephrase.analysis_memo import sentence_spans
from bot.rephrase.candidates import WORD, candidates
from bot.rephrase.incremental import ContextDetector
from bot.rephrase.model import ToneModel
from bot.rephrase.models import Finding

Detect = Callable[[str], tuple[Finding, ...]]
MAX_TRIED = 10  # candidate rewordings tried per sentence
MAX_VARIANTS = 6  # distinct wordings offered for one draft


@dataclass(frozen=True)
class Outcome:
    """The rewrite to show, or the draft with the reason none is offered."""

    status: str  # "unchanged" | "offered" | "withheld" | "exhausted"
    text: str
    reason: str = ""
    more: bool = False  # another, different wording can still be shown
    findings: tuple[Finding, ...] | None = None  # the offered text's own, already found


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
        self._pointed_out: list[tuple[str, Finding]] = []
        self._kinds: list[tuple[int, int, str]] = []  # every finding's, low ones too
        self._shouts: list[Finding] = []  # capitals found, low ones too
        self._unkind: list[tuple[str, bool]] = []  # clauses that stay unkind if kept nearly whole
        self._scare: tuple[str, ...] = ()  # the agent's own words in scare quotes

    def detect(self, text: str) -> tuple[Finding, ...]:
        """Detection, remembered for one draft: wordings share their sentences."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._detect(text)
        return found

    def outcome(self, draft: str, findings: tuple[Finding, ...], variant: int = 0) -> Outcome:
        picked = parts.chosen(findings)
        if not picked:
            return Outcome("unchanged", draft)
        spans = sentence_spans(draft)  # once per draft: every step below reads sentences
        shouted = [(f.start, f.end) for f in findings if f.kind == "shouting"]
        self._suspects = parts.suspects(draft, findings, spans)
        # Literals only where the rewrite may change something, each sentence read once and
        # only when needed: most drafts are withheld at their first sentence.
        read = literals.BySentence(draft, shouted)
        protected = parts.protected(draft, tuple(picked), shouted, spans, read)
        # A finding inside a literal (a code, a quote, a URL) is not the agent's tone.
        picked = [f for f in picked if not parts.on_literal(f, protected)]
        if not picked:
            return Outcome("unchanged", draft)
        weak = [f for f in picked if parts.weak(draft, f, spans, self._model)]
        if len(weak) == len(picked):
            return Outcome("withheld", draft, withheld.WEAK_ONLY.format(words=weak[0].text))
        picked = [f for f in picked if f not in weak]
        self._seen, self._gate = {}, ""
        kept = tuple(f for f in findings if f not in weak)  # a weak finding's words may stay
        self._pointed_out = withheld.pointed_out(draft, kept, spans)
        self._kinds = [(f.start, f.end, f.kind) for f in findings]
        self._shouts = [f for f in findings if f.rule == "capitals" and f not in weak]
        self._unkind = withheld.still_unkind_if_kept(draft, findings, spans)
        self._scare = tuple(withheld.scare_quoted(draft, findings, spans))
        self._context = ContextDetector(self._detect, draft, findings, spans)
        if self._model is not None:
            self._rude = sendable.sentence_probability(self._model, {})
            self._limits = sendable.limits(self._model)
        extra = parts.attitude_only(draft, picked, self._suspects, read, spans)
        base = parts.units(draft, sorted([*picked, *extra], key=_start), spans)
        protected = parts.protected(draft, (*picked, *extra), shouted, spans, read)
        everywhere = frozenset(f.kind for f in findings)
        known = set(protected)

        def recast(start: int, end: int) -> parts.Unit | None:
            """A unit for a sentence a recast fits; its literals are protected too."""
            found = parts.recast_at(draft, start, end, findings, everywhere)
            if found is None:
                return None
            also = parts.protected(draft, (found,), shouted, spans, read)
            protected.extend(lit for lit in also if lit not in known)
            known.update(also)
            return parts.Unit(start, end, [found])

        lazy = parts.in_order(base, spans, recast)
        if all(withheld.lone_adverb(f) for u in base for f in u.findings):
            units = list(lazy)  # deleting an adverb is no rewrite, unless a recast applies
            if len(units) == len(base):
                words = base[0].findings[0].text
                return Outcome("withheld", draft, withheld.ADVERB_ONLY.format(words=words))
            lazy = iter(units)
        units = []
        for unit in lazy:
            unit.source = unit.source or self._good(draft, unit, protected)
            units.append(unit)
            if unit.get(0) is None:  # no wording for this sentence: the rest is not needed
                return Outcome("withheld", draft, withheld.reason(draft, units))
        # Every sentence has a wording: the whole rewrite must keep the literals of every
        # sentence the rewrite may touch, the model's suspects included (which it copies).
        recasts = [f for u in units for f in u.findings if f.rule == parts.RECAST_RULE]
        touched = [f for f in findings if f.serious or f.rule.startswith(parts.MODEL_RULE)]
        protected = parts.protected(draft, (*touched, *recasts), shouted, spans, read)
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
        return Outcome("withheld", draft, withheld.reason(draft, units))

    def _wordings(
        self, draft: str, units: list[parts.Unit], protected: list[literals.Literal], verify: int
    ) -> Iterator[str]:
        """Distinct whole rewrites: every sentence's best wording, then one sentence at a
        time moved to its next wording, so the count stays linear in the sentences."""
        shown: set[str] = set()
        for ranks in parts.one_at_a_time(len(units), parts.MAX_KEPT):
            pieces = _pieces(units, ranks)
            if pieces is None:
                if ranks == (0,) * len(units):
                    return  # some sentence has no good wording at all
                continue
            text = parts.assemble(draft, units, pieces)
            if text in shown or not _whole_ok(draft, text, protected):
                continue
            text = self._finished(draft, text, verify=len(shown) <= verify) or ""
            if not text or text in shown:
                continue
            shown.add(text)
            yield text
            if len(shown) >= MAX_VARIANTS:
                return

    def _finished(self, draft: str, text: str, *, verify: bool) -> str | None:
        """The whole rewrite as it would be shown (framed if it is only cold facts), or None
        with the reason kept. `verify`: also read it in context (the costly part)."""
        gate = sendable.problem(draft, text, self._rude, self._suspects, self._limits)
        gate = withheld.kept_badly(draft, text, self._unkind, self._scare) or gate
        if gate and not gate.endswith(sendable.CURT):
            self._gate = self._gate or gate
            return None
        # The bot's own findings are read on the unframed text: a warm frame around a rude
        # sentence can calm the model's reading of it without making it kind. What the
        # draft's findings pointed out must be gone too, whatever a second reading says.
        left = withheld.still_there(self._pointed_out, text)
        if left is None and verify:
            left = _still_rude(self._context.findings(text))
        if left is not None:
            said = f"“{withheld.short(left.text)}” would still read as {left.kind}"
            self._gate = self._gate or said
            return None
        # One bare refusal, command or clipped line reads curt, framed or not.
        if frame.empty_refusal(text) or frame.command(text) or frame.clipped(text):
            self._gate = self._gate or f"“{withheld.short(text)}” would still read as curt"
            return None
        warm = frame.framed(text) if gate or frame.bare(text) else None
        if warm is not None and not guards.broken_guards(draft, warm):
            # The frame changes the context the model reads a cold sentence in (bad-107).
            harsh = verify and _still_rude(self._context.findings(warm))
            if not harsh:
                text = warm
                gate = sendable.problem(draft, warm, self._rude, self._suspects, self._limits)
        if gate:
            self._gate = self._gate or gate
            return None
        return text

    def _good(
        self, draft: str, unit: parts.Unit, protected: list[literals.Literal]
    ) -> Iterator[str]:
        old = draft[unit.start : unit.end]
        inside = [lit for lit in protected if unit.start <= lit.start and lit.end <= unit.end]
        # Capitals the model let pass as low are calmed too in a sentence being reworded:
        # the gate refuses a changed sentence that still shouts ("ALREADY IN THE MAIL!!!").
        calm = [f for f in self._shouts if unit.start <= f.start and f.end <= unit.end]
        mine = [*unit.findings, *(f for f in calm if f not in unit.findings)]
        local = [parts.shift(f, -unit.start) for f in mine if f.start >= unit.start]
        content = dropped.ContentCheck(old, [(f.start, f.end) for f in local if _precise(f)])
        kinds = frozenset(k for a, b, k in self._kinds if a < unit.end and unit.start < b)
        for candidate in itertools.islice(candidates(old, local, kinds), MAX_TRIED):
            problem = self._problem(old, candidate, inside, content)
            if problem is None:
                yield candidate
            else:
                unit.failure = max(unit.failure, problem, key=lambda p: p[0])

    def _problem(
        self, old: str, new: str, inside: list[literals.Literal], kept: dropped.ContentCheck
    ) -> tuple[int, str] | None:
        """What is wrong with a candidate, ranked: a meaning guard outranks a literal, etc."""
        broken = guards.broken_guards(old, new)
        if broken:
            return 3, broken[0].reason
        content = kept.lost(new)
        if content:
            return 3, f"it would have left out {content}"
        lost = literals.missing(inside, new)
        if lost:
            return 2, f"it would have lost or changed “{lost[0]}”"
        if not new:
            return None
        failed = fluency.failed_checks(new, old)
        if failed:
            return 1, failed[0].reason
        gate = sendable.problem(old, new, self._rude, None, self._limits)  # cheaper: first
        if gate and not gate.endswith(sendable.CURT):  # a warm frame may still fix curtness
            return 0, f"the best wording I found, {gate}"  # "“It's late.” would still …"
        if any(f.serious for f in self.detect(new)):
            return 0, "every wording I tried still sounded harsh"
        return None


def _pieces(units: list[parts.Unit], ranks: tuple[int, ...]) -> list[str] | None:
    """Each sentence's wording at its rank, or None; stops at the first sentence without
    one, so a withheld draft never pays for the sentences after it."""
    pieces: list[str] = []
    for unit, rank in zip(units, ranks, strict=True):
        piece = unit.get(rank)
        if piece is None:
            return None
        pieces.append(piece)
    return pieces


def _never_rude(sentence: str) -> sendable.Tone:
    return 0.0, ""


def _precise(finding: Finding) -> bool:
    """A rule's span is exactly the rude words; a model's is a whole clause, and in a
    shouted span only the capitals are rude, not the words."""
    return not (
        finding.rule.startswith(parts.MODEL_RULE)
        or finding.rule in (parts.ATTITUDE_RULE, parts.RECAST_RULE)
        or finding.kind == "shouting"
    )


def _still_rude(found: tuple[Finding, ...]) -> Finding | None:
    """A finding the bot would itself point out in its own rewrite: anything serious, and
    at low severity anything but coolness or clarity (a cold fact may be sent framed)."""
    return next((f for f in found if f.serious or f.kind not in withheld.TOLERATED_LOW), None)


def _start(finding: Finding) -> int:
    return finding.start


def _whole_ok(draft: str, text: str, protected: list[literals.Literal]) -> bool:
    if text == draft or not _says_something(text):
        return False
    if literals.missing(protected, text) or guards.broken_guards(draft, text):
        return False
    return not fluency.doubled(text, draft)  # two seams can meet across sentences


def _says_something(text: str) -> bool:
    """At least one sentence of two words with a verb that is more than a greeting or a
    sign-off: not "Aww.", "Mhm. Yep." or "Regards, Support." """
    return any(_something(s, len(WORD.findall(s))) for s in split_sentences(text))


def _something(sentence: str, words: int) -> bool:
    formula = words <= 4 and fluency.FORMULA.match(sentence) is not None  # "Kind regards, Jo."
    return words >= 2 and fluency.has_verb(sentence) and not formula
