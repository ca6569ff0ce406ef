"""Severity thresholds for `make train`, chosen on out-of-fold scores over train + dev.

Dev alone holds about 75 polite drafts and 75 traps, so "at most 2% flagged" there means
"at most one draft": the threshold would hang on a single text. Cross-validation scores
every train and dev draft with a model that never saw it (five folds by a hash of the id,
fixed), which gives six times as many polite drafts to set the threshold on. The test split
is never read here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from bot.rephrase import corpus

FOLDS = 5
# Targets on the out-of-fold scores: polite drafts at the goal (<= 2%), traps at 8%, above
# their 5% goal and well inside the 15% minimum. Recall is far below its own minimum (85%),
# and the extra three points of traps buy about eleven points of it out of fold (61% -> 73%
# of rude drafts); at 5% the same model flags 61%. The fold models saw a fifth less data
# than the final one, which leaves a little room.
MAX_POLITE = 0.02
MAX_TRAP = 0.08
LOWEST = 0.3  # a medium threshold below this would flag on noise
# A phrasebook or tone rule's finding stays medium or high only when the model gives its
# sentence at least this score ("Obviously, we'll refund you in full" is not condescension);
# the value is chosen with the medium threshold. 0 trusts every rule.
RULE_GATES = (0.0, 0.2, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9)


def fold_of(draft_id: str) -> int:
    """A fixed fold from a hash of the id (a different byte from the split's)."""
    return hashlib.sha256(draft_id.encode("utf-8")).digest()[1] % FOLDS


@dataclass(frozen=True)
class Scored:
    draft: corpus.Draft
    probability: float  # the model's highest unit score
    # The model's score of the sentence of each medium or high rule finding (1.0 for
    # profanity, which is never gated).
    rule_scores: tuple[float, ...]


@dataclass(frozen=True)
class Rates:
    polite: float
    trap: float
    rude: float


def flagged(s: Scored, medium: float, gate: float) -> bool:
    return s.probability >= medium or any(r >= gate for r in s.rule_scores)


def rates(scored: Sequence[Scored], medium: float, gate: float = 0.0) -> Rates:
    def share(pick: str) -> float:
        rows = [s for s in scored if _group(s.draft) == pick]
        return sum(1 for s in rows if flagged(s, medium, gate)) / max(1, len(rows))

    return Rates(share("polite"), share("trap"), share("rude"))


def _group(draft: corpus.Draft) -> str:
    return "rude" if draft.rude else draft.kind


def choose(
    scored: Sequence[Scored], max_polite: float = MAX_POLITE, max_trap: float = MAX_TRAP
) -> tuple[dict[str, float], Rates]:
    """The rule gate and lowest medium threshold that meet the false-flag targets with the
    most rude drafts flagged; high halfway from medium to 1, low at 80% of medium (low
    findings are only hints)."""
    candidates = sorted(
        {round(s.probability, 4) for s in scored if s.probability >= LOWEST} | {0.5, 0.99}
    )
    best: tuple[float, float, float] = (-1.0, 0.99, 0.0)
    for gate in RULE_GATES:
        # False flags only fall as the threshold rises: the lowest that fits, by bisection.
        first, last = 0, len(candidates) - 1
        while first < last:
            mid = (first + last) // 2
            got = rates(scored, candidates[mid], gate)
            if got.polite <= max_polite and got.trap <= max_trap:
                last = mid
            else:
                first = mid + 1
        medium = candidates[first]
        recall = rates(scored, medium, gate).rude
        if recall > best[0]:
            best = (recall, medium, gate)
    _, medium, gate = best
    high = max(medium, min(0.97, medium + (1 - medium) / 2))
    chosen = {
        "low": round(medium * 0.8, 4),
        "medium": medium,
        "high": round(high, 4),
        "rule_gate": gate,
    }
    return chosen, rates(scored, medium, gate)
