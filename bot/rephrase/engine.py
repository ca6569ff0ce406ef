"""The rephrase engine: loaded once (phrasebook, jargon, VADER lexicon), then reused."""

from __future__ import annotations

import os
import re
import threading
from dataclasses import replace
from pathlib import Path

from bot.content import Content, load_content
from bot.content.segment import sentence_spans
from bot.rephrase import plain, tone
from bot.rephrase.models import Analysis, Finding
from bot.rephrase.nudges import has_way_forward, nudges
from bot.rephrase.phrasebook import gate, phrasebook_findings
from bot.rephrase.politeness import Politeness
from bot.rephrase.rewrite import chosen, rewrite

REWRITE_PASSES = 3  # enough for a word dropped to uncover one more problem, then stop
MAX_DRAFT = 4000  # the longest draft Slack surfaces accept; the engine itself has no limit
# Words inside quotation marks are the customer's (or a policy's), not the agent's tone.
_QUOTED = re.compile(r"\"[^\"\n]{1,400}\"|\u201c[^\u201d\n]{1,400}\u201d")


class Engine:
    def __init__(self, content: Content) -> None:
        self.content = content
        self._rules = gate(content.rules)
        self._jargon = plain.compile_jargon(content.jargon)
        self._politeness = Politeness()

    def findings(self, text: str) -> tuple[Finding, ...]:
        found = [
            *phrasebook_findings(self._rules, text),
            *tone.shouting(text),
            *tone.profanity(text),
            *plain.jargon(self._jargon, text),
            *plain.long_sentences(text),
            *plain.passive_evasions(text),
        ]
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        found = [f for f in found if not any(a <= f.start and f.end <= b for a, b in quoted)]
        found = _soften_refusals(text, _drop_repeats(found))
        return tuple(sorted(found, key=lambda f: (f.start, -f.end, -f.rank)))

    def score(self, text: str, findings: tuple[Finding, ...] | None = None) -> float:
        return self._politeness.score(text, self.findings(text) if findings is None else findings)

    def analyse(
        self, draft: str, customer_message: str | None = None, *, variant: int = 0
    ) -> Analysis:
        findings = self.findings(draft)
        rewritten, left = self._rewrite(draft, findings, variant)
        memo: dict[str, float] = {}
        score = self._politeness.score(draft, findings, memo)
        rewrite_score = (
            score if rewritten == draft else self._politeness.score(rewritten, left, memo)
        )
        return Analysis(
            draft=draft,
            findings=findings,
            nudges=nudges(draft, customer_message),
            rewrite=rewritten,
            score=score,
            rewrite_score=rewrite_score,
        )

    def _rewrite(
        self, draft: str, findings: tuple[Finding, ...], variant: int
    ) -> tuple[str, tuple[Finding, ...]]:
        """The rewrite and its own findings, rewritten again while a pass uncovers more.

        Dropping a word can expose another problem: without "clearly", "you clearly didn't
        check" becomes "you didn't check", which a rule of its own catches. The findings
        of the last pass are returned so the rewrite's score need not look again.
        """
        text, found = draft, findings
        for _ in range(REWRITE_PASSES):
            if not chosen(found):
                break
            text, before = rewrite(text, found, variant), text
            if text == before:
                break
            found = self.findings(text)
        return text, found


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
    """A "we can't" followed, in its sentence or the next, by what you CAN do is fine."""
    if not any(f.kind == "absolute-no" and f.serious for f in found):
        return found
    spans = sentence_spans(text)
    softened: list[Finding] = []
    for finding in found:
        if finding.kind == "absolute-no" and finding.serious:
            index = next(
                (i for i, (a, b) in enumerate(spans) if a <= finding.start < b), len(spans) - 1
            )
            end = spans[min(index + 1, len(spans) - 1)][1] if spans else len(text)
            if has_way_forward(text[finding.start : end]):
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
