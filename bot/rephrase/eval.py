"""`python -m bot rephrase eval`: how detection does on one split of the labelled corpus.

A rude draft counts as caught when it gets any medium or high finding; a polite draft as
falsely flagged likewise. A span hit is a caught rude draft whose serious findings overlap
a marked span. The default split is test, which nothing is fitted or tuned on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.rephrase import corpus
from bot.rephrase.models import Finding

Detector = Callable[[str], Sequence[Finding]]


@dataclass(frozen=True)
class Rate:
    hits: int
    total: int

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{100 * self.share:.1f}% ({self.hits}/{self.total})"


@dataclass(frozen=True)
class Report:
    split: str
    recall: Rate
    paraphrase: Rate
    textbook: Rate
    long_buried: Rate
    polite_flagged: Rate
    traps_flagged: Rate
    span_hits: Rate
    per_kind: dict[str, Rate]


def _rate(flags: Sequence[bool]) -> Rate:
    return Rate(sum(flags), len(flags))


def evaluate(detect: Detector, drafts: Sequence[corpus.Draft], split: str) -> Report:
    caught: dict[str, bool] = {}
    span_hit: dict[str, bool] = {}
    for draft in drafts:
        serious = [f for f in detect(draft.text) if f.serious]
        caught[draft.id] = bool(serious)
        gold = draft.span_offsets()
        span_hit[draft.id] = any(f.start < b and a < f.end for f in serious for a, b in gold)
    rude = [d for d in drafts if d.rude]

    def rate(pick: Callable[[corpus.Draft], bool]) -> Rate:
        return _rate([caught[d.id] for d in drafts if pick(d)])

    return Report(
        split=split,
        recall=rate(lambda d: d.rude),
        paraphrase=rate(lambda d: d.rude and d.form == "paraphrase"),
        textbook=rate(lambda d: d.rude and d.form == "textbook"),
        long_buried=rate(lambda d: d.rude and d.long),
        polite_flagged=rate(lambda d: d.kind == "polite"),
        traps_flagged=rate(lambda d: d.kind == "trap"),
        span_hits=_rate([span_hit[d.id] for d in rude if caught[d.id]]),
        per_kind={
            kind: rate(lambda d, kind=kind: d.rude and d.kind == kind)  # type: ignore[misc]
            for kind in corpus.RUDE_KINDS
        },
    )


def table(report: Report) -> str:
    """The report as a Markdown table, goals beside the figures."""
    rows = [
        ("Rude drafts flagged (medium/high)", report.recall, ">= 95% (min 85%)"),
        ("- paraphrases", report.paraphrase, ">= 90% (min 75%)"),
        ("- textbook phrases", report.textbook, ""),
        ("- long, rude part buried", report.long_buried, ""),
        ("Polite drafts flagged", report.polite_flagged, "<= 2% (min 3%)"),
        ("Traps flagged", report.traps_flagged, "<= 5% (min 15%)"),
        ("Span hits (caught drafts)", report.span_hits, ""),
        *((f"Kind: {k}", r, ">= 80%") for k, r in report.per_kind.items()),
    ]
    lines = [f"| {report.split} split | result | goal |", "| --- | --- | --- |"]
    lines += [f"| {name} | {rate} | {goal} |" for name, rate, goal in rows]
    return "\n".join(lines)


def main_eval(detect: Detector, split: str = "test") -> str:
    """The table for one split of the corpus, or for the held-out writer's set ("holdout")."""
    drafts = corpus.load_holdout() if split == "holdout" else corpus.load(splits=(split,))
    return table(evaluate(detect, drafts, split))
