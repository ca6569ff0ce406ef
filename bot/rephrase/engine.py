"""The rephrase engine: loaded once (phrasebook, jargon, VADER lexicon), then reused."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from bot.content import Content, load_content
from bot.rephrase import plain, tone
from bot.rephrase.analysis_memo import draft_tokens, one_analysis, sentence_spans
from bot.rephrase.lexical import Token
from bot.rephrase.model import NEVER_GATED, QUOTED, ToneModel, UnitScore, sentence_score
from bot.rephrase.models import Analysis, Finding
from bot.rephrase.nudges import has_way_forward, nudges
from bot.rephrase.phrasebook import gate, phrasebook_findings
from bot.rephrase.politeness import Politeness, ScoreMemo
from bot.rephrase.rewrite import Rewriter

MAX_DRAFT = 4000  # the longest draft Slack surfaces accept; the engine itself has no limit
# Words inside quotation marks are the customer's (or a policy's), not the agent's tone.
MODEL_RULE = "model:"
# Said with regret, a refusal is kind: "Unfortunately, we can't...", "For your security, ..."
_REGRET = re.compile(
    r"\b(?:unfortunately|sadly|regrettably|I'm afraid|I am afraid|I'm sorry|I am sorry"
    r"|for your (?:protection|security|safety)|by law|legally)\b",
    re.IGNORECASE,
)
# A reason, or an alternative offered after it: "so we can't", "but you can ...".
_REASON = re.compile(
    r"\b(?:because|since|for (?:\w+ )?reasons|due to|as (?:it|the|this|that)"
    r"|so we (?:can't|cannot))\b",
    re.IGNORECASE,
)
_ALTERNATIVE = re.compile(
    r"\b(?:but|however|instead|alternatively|what (?:I|we) can|(?:I|we|you) can|(?:I|we)'ll"
    r"|I will|we will|is welcome|are welcome|you're welcome|happy to)\b",
    re.IGNORECASE,
)
_QUOTED = QUOTED


class Engine:
    def __init__(self, content: Content, *, use_model: bool = True) -> None:
        self.content = content
        self._rules = gate(content.rules)
        self._jargon = plain.compile_jargon(content.jargon)
        self._politeness = Politeness()
        self.lexicon = self._politeness.lexicon
        self.model = ToneModel.load(self.lexicon) if use_model else None
        self._rewriter = Rewriter(self.findings, self.model)

    def findings(self, text: str) -> tuple[Finding, ...]:
        with one_analysis():  # the checks below share the draft's sentences
            return self._findings(text)

    def _findings(self, text: str) -> tuple[Finding, ...]:
        toks = draft_tokens(text)  # once, for the phrasebook, the model and the score
        quotes = [m.span() for m in _QUOTED.finditer(text)]  # once, for both too
        found = self.rule_findings(text, toks, quotes)
        if self.model is not None:
            model_found, scores = self.model.assess(text, toks, quotes)
            gate = self.model.thresholds.get("rule_gate", 0.0)
            found = _gate_rules(found, scores, gate, self.model.gated_rules)
            found = _add_model(found, model_found)
        return tuple(sorted(found, key=lambda f: (f.start, -f.end, -f.rank)))

    def rule_findings(
        self,
        text: str,
        toks: Sequence[Token] | None = None,
        quotes: Sequence[tuple[int, int]] | None = None,
    ) -> list[Finding]:
        """The phrasebook's and the tone checks' findings, without the trained model.
        `toks` and `quotes` (every QUOTED span): when the caller has them already."""
        found = [
            *phrasebook_findings(self._rules, text, toks),
            *tone.shouting(text),
            *tone.profanity(text),
            *plain.jargon(self._jargon, text),
            *plain.long_sentences(text),
            *plain.passive_evasions(text),
        ]
        if quotes is None:
            quotes = [m.span() for m in _QUOTED.finditer(text)]
        found = [f for f in found if not any(a <= f.start and f.end <= b for a, b in quotes)]
        return _soften_refusals(text, _drop_repeats(found))

    def score(self, text: str, findings: tuple[Finding, ...] | None = None) -> float:
        return self._politeness.score(text, self.findings(text) if findings is None else findings)

    def analyse(
        self, draft: str, customer_message: str | None = None, *, variant: int = 0
    ) -> Analysis:
        with one_analysis():  # detection, score, rewrite and nudges share the sentences
            return self._analyse(draft, customer_message, variant)

    def _analyse(self, draft: str, customer_message: str | None, variant: int) -> Analysis:
        findings = self.findings(draft)
        outcome = self._rewriter.outcome(draft, findings, variant)
        memo = ScoreMemo()
        score = self._politeness.score(draft, findings, memo)
        rewrite_score = (
            score
            if outcome.text == draft
            else self._politeness.score(
                outcome.text,
                self.findings(outcome.text) if outcome.findings is None else outcome.findings,
                memo,
            )
        )
        return Analysis(
            draft=draft,
            findings=findings,
            nudges=nudges(draft, customer_message),
            rewrite=outcome.text,
            score=score,
            rewrite_score=rewrite_score,
            rewrite_status=outcome.status,
            rewrite_reason=outcome.reason,
            more_wordings=outcome.more,
        )


def _gate_rules(
    found: list[Finding], scores: Sequence[UnitScore], gate: float, gated: frozenset[str]
) -> list[Finding]:
    """A medium or high finding of a rule that also fired on polite drafts in training
    becomes a low hint in a sentence the model scores under the gate: "Obviously, we'll
    refund you" or "please do NOT share your PIN" is kind."""
    if gate <= 0 or not gated:
        return found
    return [
        _replace_severity(f, "low")
        if f.serious
        and f.rule in gated
        and f.rule not in NEVER_GATED
        and sentence_score(f.start, scores) < gate
        else f
        for f in found
    ]


def _add_model(found: list[Finding], model: list[Finding]) -> list[Finding]:
    """Model findings where no rule already flags the same words as seriously (a rule's
    span and fix are more precise than the model's)."""
    extra = [
        m
        for m in model
        if not any(
            (f.serious or f.rank >= m.rank) and f.start < m.end and m.start < f.end for f in found
        )
    ]
    return [*found, *extra]


def _drop_repeats(found: list[Finding]) -> list[Finding]:
    """One finding per phrase: a rule's hit inside a wider hit of the same kind is a repeat.

    "You're wrong about" and "You're wrong" are two rules but one problem; listing both
    would tell the agent to fix the same words twice.
    """
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), -f.rank, f.start)):
        if not any(
            k.kind == f.kind and k.rank >= f.rank and k.start <= f.start and f.end <= k.end
            for k in kept
        ):
            kept.append(f)
    return kept


def _soften_refusals(text: str, found: list[Finding]) -> list[Finding]:
    """A "we can't" said with regret, or followed by what you CAN do, is fine."""
    if not any(f.kind == "absolute-no" and f.serious for f in found):
        return found
    spans = sentence_spans(text)
    softened: list[Finding] = []
    for finding in found:
        if finding.kind == "absolute-no" and finding.serious:
            index = next(
                (i for i, (a, b) in enumerate(spans) if a <= finding.start < b), len(spans) - 1
            )
            start, end = spans[index] if spans else (0, len(text))
            after = text[finding.end :]
            if (
                _REGRET.search(text, start, end)
                or _REASON.search(text, start, end)
                or _ALTERNATIVE.search(after)
                or has_way_forward(after)
            ):
                finding = _replace_severity(finding, "low")
        softened.append(finding)
    return softened


def _replace_severity(finding: Finding, severity: str) -> Finding:
    return replace(finding, severity=severity)


_lock = threading.Lock()
_default: Engine | None = None


def default_engine() -> Engine:
    """The built-in content plus BOT_CONTENT_DIR, if set; no Slack settings needed."""
    global _default
    with _lock:
        if _default is None:
            extra = os.environ.get("BOT_CONTENT_DIR")
            _default = Engine(load_content(Path(extra) if extra else None))
        return _default


def analyse(draft: str, customer_message: str | None = None) -> Analysis:
    return default_engine().analyse(draft, customer_message)
