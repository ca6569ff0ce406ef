"""How the rewrite does on the labelled corpus, and the README's before/after pairs.

`python -m bot.rephrase.rewrite_eval [CORPUS_DIR]` prints the figures for the dev and test
splits; `... pairs [CORPUS_DIR]` prints the README pairs: the first ten test-split rude
drafts, by sorted id, that get a rewrite. Nothing here is tuned on: it only reports.

Politeness is scored by VADER per sentence (mean compound), a scorer that neither wrote
the rewrite nor chose between wordings.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from bot.content.segment import split_sentences
from bot.rephrase import dropped, fluency, guards, literals, rewrite_rubric, shapes, undertones
from bot.rephrase.engine import Engine, default_engine
from bot.rephrase.model import ToneModel
from bot.rephrase.models import Analysis

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus" / "rephrase"
PAIRS = 10
_vader: SentimentIntensityAnalyzer | None = None


def split_of(draft_id: str) -> str:
    bucket = hashlib.sha256(draft_id.encode("utf-8")).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def load(directory: Path = CORPUS_DIR) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(directory.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return sorted(rows, key=lambda row: str(row["id"]))


def _analyser() -> SentimentIntensityAnalyzer:
    global _vader
    if _vader is None:
        _vader = SentimentIntensityAnalyzer()
    return _vader


def _model() -> ToneModel:
    model = default_engine().model
    assert model is not None, "the rubric needs the trained tone model"
    return model


def politeness(text: str) -> float:
    """Mean VADER compound over the sentences of text (-1..1)."""
    _analyser()
    assert _vader is not None
    sentences = split_sentences(text) or [text]
    total = sum(float(_vader.polarity_scores(s)["compound"]) for s in sentences)
    return total / len(sentences)


@dataclass
class Figures:
    rude: int = 0
    polite: int = 0
    flagged_rude: int = 0
    offered: int = 0
    withheld: int = 0
    polite_changed: list[str] = field(default_factory=list)
    literal_lost: list[str] = field(default_factory=list)
    guard_broken: list[str] = field(default_factory=list)
    content_lost: list[str] = field(default_factory=list)
    fluency_failed: list[str] = field(default_factory=list)
    politer: int = 0
    rubric_good: int = 0
    rubric_faults: dict[str, int] = field(default_factory=dict)
    vader_before: float = 0.0
    vader_after: float = 0.0
    why_withheld: dict[str, int] = field(default_factory=dict)

    def lines(self, name: str) -> list[str]:
        n = max(self.offered, 1)
        return [
            f"{name}: {self.rude} rude, {self.polite} polite drafts",
            f"  rude drafts with a serious finding: {self.flagged_rude}",
            f"  rewrites offered: {self.offered}; withheld with a reason: {self.withheld}",
            f"  polite drafts unchanged: {self.polite - len(self.polite_changed)}/{self.polite}",
            f"  offered rewrites that lost a literal: {len(self.literal_lost)}",
            f"  offered rewrites that break a meaning guard: {len(self.guard_broken)}",
            f"  offered rewrites that leave out content (refusal, commitment, information): "
            f"{len(self.content_lost)}",
            f"  offered rewrites that fail the fluency check: {len(self.fluency_failed)}",
            f"  VADER per sentence, mean: draft {self.vader_before / n:+.3f} -> rewrite "
            f"{self.vader_after / n:+.3f}; rewrite scored higher or equal: {self.politer}/{n}",
            f"  independent rubric (rewrite_rubric.py): good {self.rubric_good}/{self.offered}"
            f" ({self.rubric_good / n:.0%}); faults {dict(sorted(self.rubric_faults.items()))}",
            "  withheld, by reason: "
            + ", ".join(f"{k} {v}" for k, v in sorted(self.why_withheld.items(), key=_most)),
        ]


def measure(engine: Engine, rows: Iterable[dict[str, Any]]) -> Figures:
    figures = Figures()
    for row in rows:
        analysis = engine.analyse(row["text"])
        if row["label"] == "polite":
            figures.polite += 1
            if analysis.rewrite != row["text"]:
                figures.polite_changed.append(row["id"])
            continue
        figures.rude += 1
        figures.flagged_rude += bool(analysis.serious)
        if analysis.rewrite_status == "withheld":
            figures.withheld += 1
            why = why_withheld(analysis.rewrite_reason)
            figures.why_withheld[why] = figures.why_withheld.get(why, 0) + 1
        if analysis.offered:
            _offered(figures, row["id"], analysis)
    return figures


# The one-line reasons the rewrite gives, grouped (first match wins).
_WHY = (
    (
        "would still read as unkind, curt or shouting",
        (
            "would still",
            "still sounded harsh",
            "scare quotes",
            "a verdict on",
            shapes.ONLY_POINTER,
            shapes.NAMES_NOTHING,
            shapes.MINIMISES,
            shapes.BARE_NO,
            undertones.TALKS_DOWN,
            undertones.THREATENS,
            undertones.DEFLECTS,
            undertones.DISMISSES,
            undertones.BLAMES,
            undertones.ORDERS,
        ),
    ),
    ("would say one thing twice", ("say again what",)),
    ("would send the customer back to an earlier message", ("an earlier message",)),
    ("no wording keeps the meaning", ("no wording that keeps its meaning",)),
    ("would leave out content", ("would have left out",)),
    (
        "would change the meaning (a guard)",
        ("softened", "promised", "added a", "admit", "reassurance", "who did what"),
    ),
    ("would lose a literal", ("lost or changed",)),
    ("only one word would change", ("Only “",)),
    ("nothing left without the rude words", ("nothing left to send", "keeps nothing the draft")),
    (
        "would not read well (fluency)",
        (
            "would have",
            "with a comma",
            "not a full sentence",
            shapes.HANGING,
            shapes.FRAGMENT_QUESTION,
            shapes.RUN_ON,
            shapes.UNASKED,
            shapes.SEAM,
            shapes.WEEKDAY,
            shapes.STILTED,
            undertones.NOTE,
        ),
    ),
    ("no whole rewrite passed every check", ("No rewrite passed every check",)),
)


def why_withheld(reason: str) -> str:
    return next((name for name, marks in _WHY if any(m in reason for m in marks)), "other")


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _offered(figures: Figures, draft_id: str, analysis: Analysis) -> None:
    draft, rewrite = analysis.draft, analysis.rewrite
    figures.offered += 1
    if literals.missing(literals.find(draft, _shouted(analysis)), rewrite):
        figures.literal_lost.append(draft_id)
    if guards.broken_guards(draft, rewrite):
        figures.guard_broken.append(draft_id)
    rule_spans = [
        (f.start, f.end)
        for f in analysis.findings
        if not f.rule.startswith("model:") and f.kind != "shouting"
    ]
    if dropped.lost_content(draft, rewrite, rule_spans):
        figures.content_lost.append(draft_id)
    old = set(split_sentences(draft))
    changed = [s for s in split_sentences(rewrite) if s not in old]
    if any(fluency.failed_checks(s, draft) for s in changed):
        figures.fluency_failed.append(draft_id)
    found = rewrite_rubric.faults(draft, rewrite, _model(), _analyser())
    figures.rubric_good += not found
    for fault in found:
        figures.rubric_faults[fault] = figures.rubric_faults.get(fault, 0) + 1
    before, after = politeness(draft), politeness(rewrite)
    figures.vader_before += before
    figures.vader_after += after
    figures.politer += after >= before


def _shouted(analysis: Analysis) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in analysis.findings if f.kind == "shouting"]


def pairs(engine: Engine, rows: list[dict[str, Any]], count: int = PAIRS) -> list[Analysis]:
    """The first `count` test-split rude drafts, by sorted id, that get a rewrite."""
    found: list[Analysis] = []
    for row in sorted(rows, key=lambda r: str(r["id"])):
        if row["label"] != "rude" or split_of(row["id"]) != "test":
            continue
        analysis = engine.analyse(row["text"])
        if analysis.offered:
            found.append(analysis)
            if len(found) == count:
                break
    return found


def pairs_markdown(found: list[Analysis]) -> str:
    out = []
    for number, analysis in enumerate(found, 1):
        out.append(f"{number}. Before: {_one_line(analysis.draft)}")
        out.append(f"   After: {_one_line(analysis.rewrite)}")
    return "\n".join(out)


def _one_line(text: str) -> str:
    return "`" + text.replace("\n", " ⏎ ").replace("`", "'") + "`"


def main(argv: list[str]) -> int:
    command = argv[0] if argv and argv[0] in ("pairs", "figures") else "figures"
    rest = argv[1:] if argv and argv[0] in ("pairs", "figures") else argv
    rows = load(Path(rest[0]) if rest else CORPUS_DIR)
    engine = default_engine()
    if command == "pairs":
        print(pairs_markdown(pairs(engine, rows)))
        return 0
    for split in ("dev", "test"):
        figures = measure(engine, [r for r in rows if split_of(r["id"]) == split])
        print("\n".join(figures.lines(split)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
