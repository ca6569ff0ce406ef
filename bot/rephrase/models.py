"""What an analysis returns: findings tied to spans of the draft, nudges, rewrite and scores."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITY_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class Finding:
    """Something in the draft that could land badly, with why and better wordings.

    An empty string among the suggestions means "leave these words out".
    """

    kind: str
    severity: str
    start: int
    end: int
    text: str
    why: str
    tip: str
    suggestions: tuple[str, ...]
    rule: str  # the phrasebook rule id, or the engine check that found it

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    @property
    def serious(self) -> bool:
        """Medium and high findings are rewritten; low ones are only pointed out."""
        return self.rank >= SEVERITY_RANK["medium"]


@dataclass(frozen=True)
class Nudge:
    """Something the draft lacks (thanks, an apology, a next step); always low severity."""

    kind: str
    why: str
    suggestion: str


@dataclass(frozen=True)
class Analysis:
    draft: str
    findings: tuple[Finding, ...]
    nudges: tuple[Nudge, ...]
    rewrite: str
    score: float
    rewrite_score: float
    # "unchanged" (nothing to fix: rewrite is the draft), "offered" (ready to copy),
    # "withheld" (no rewrite passed every check; reason says why) or "exhausted" (every
    # wording was already shown). Only an offered rewrite differs from the draft.
    rewrite_status: str = "unchanged"
    rewrite_reason: str = ""
    more_wordings: bool = False

    @property
    def offered(self) -> bool:
        return self.rewrite_status == "offered"

    @property
    def serious(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.serious)
