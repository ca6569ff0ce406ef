"""`python -m bot rephrase politeness-eval`: the politeness score, zero-shot, on Stanford data.

The evaluation of Danescu-Niculescu-Mizil et al. (ACL 2013): within each community, the
requests in the top quartile of the human Normalized Score are polite, those in the bottom
quartile impolite, and the middle half is dropped. Our score is never fitted or tuned on
these requests, so the figures are zero-shot:

- accuracy at the score's own neutral point (0 on its -1..1 scale; polite above it), a
  threshold chosen by the score's definition, not on this data;
- AUC, the share of (polite, impolite) pairs the score orders correctly (ties count half),
  which needs no threshold at all.

The sample (corpus/stanford/, see its README) is a fixed slice of the released corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

STANFORD_DIR = Path(__file__).resolve().parents[2] / "corpus" / "stanford"
COMMUNITIES = (("Wikipedia", "wikipedia.tsv"), ("Stack Exchange", "stack_exchange.tsv"))
HEADER = ("id", "request", "normalized_score")
NEUTRAL = 0.0
# The paper's figures on the same task (top vs bottom quartile), for comparison.
PAPER = {
    "Wikipedia": {"bag of words": 0.798, "humans": 0.867},
    "Stack Exchange": {"bag of words": 0.745, "humans": 0.809},
}
_ESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}

Scorer = Callable[[str], float]


class TsvError(ValueError):
    """A malformed line in a corpus file: says which line and what was wrong."""


@dataclass(frozen=True)
class Request:
    id: str
    text: str
    score: float  # the corpus's Normalized Score (human judgement)


@dataclass(frozen=True)
class Result:
    community: str
    sample: int
    polite: int
    impolite: int
    correct: int
    auc: float

    @property
    def accuracy(self) -> float:
        judged = self.polite + self.impolite
        return self.correct / judged if judged else 0.0


def escape(text: str) -> str:
    """A request as one TSV field: backslash, tab and line breaks written as escapes."""
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def unescape(field: str) -> str:
    out: list[str] = []
    chars = iter(field)
    for char in chars:
        if char != "\\":
            out.append(char)
            continue
        code = next(chars, "")
        if not code:
            raise TsvError("a lone backslash ends the request (write \\\\ for a backslash)")
        if code not in _ESCAPES:
            raise TsvError(f"unknown escape \\{code} (use \\\\, \\t, \\n or \\r)")
        out.append(_ESCAPES[code])
    return "".join(out)


def parse_tsv(text: str, source: str = "<tsv>") -> list[Request]:
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise TsvError(f"{source}: the first line must be the header {'<tab>'.join(HEADER)}")
    requests = []
    for number, line in enumerate(lines[1:], 2):
        fields = line.split("\t")
        if len(fields) != len(HEADER):
            raise TsvError(f"{source}:{number}: expected 3 tab-separated fields, got {len(fields)}")
        ident, request, score = fields
        try:
            requests.append(Request(ident, unescape(request), float(score)))
        except TsvError as error:
            raise TsvError(f"{source}:{number}: {error}") from None
        except ValueError:
            raise TsvError(f"{source}:{number}: score {score!r} is not a number") from None
    return requests


def read_tsv(path: Path) -> list[Request]:
    return parse_tsv(path.read_text(encoding="utf-8"), str(path))


def quartiles(requests: Sequence[Request]) -> tuple[list[Request], list[Request]]:
    """(polite, impolite): the top and bottom quarter by human score; the middle is dropped.

    Ranks, not score cut-offs, so each side holds exactly len // 4 requests; a tie at the
    edge keeps the file's order (sorting is stable).
    """
    ranked = sorted(requests, key=lambda r: r.score)
    quarter = len(ranked) // 4
    return ranked[len(ranked) - quarter :], ranked[:quarter]


def auc(polite: Sequence[float], impolite: Sequence[float]) -> float:
    """P(a polite request scores above an impolite one), ties counting half."""
    if not polite or not impolite:
        return 0.0
    wins = sum((p > i) + 0.5 * (p == i) for p in polite for i in impolite)
    return wins / (len(polite) * len(impolite))


def evaluate(
    community: str, requests: Sequence[Request], score: Scorer, threshold: float = NEUTRAL
) -> Result:
    polite, impolite = quartiles(requests)
    polite_scores = [score(r.text) for r in polite]
    impolite_scores = [score(r.text) for r in impolite]
    correct = sum(s > threshold for s in polite_scores) + sum(
        s <= threshold for s in impolite_scores
    )
    return Result(
        community,
        len(requests),
        len(polite),
        len(impolite),
        correct,
        auc(polite_scores, impolite_scores),
    )


def table(results: Sequence[Result]) -> str:
    lines = [
        "Politeness score, zero-shot on the Stanford Politeness Corpus "
        "(top vs bottom quartile; threshold 0, the score's neutral point)",
        "",
        f"{'community':<16}{'sample':>8}{'judged':>8}{'accuracy':>10}{'AUC':>7}"
        f"{'paper BoW':>11}{'humans':>8}",
    ]
    for r in results:
        paper = PAPER.get(r.community, {})
        lines.append(
            f"{r.community:<16}{r.sample:>8}{r.polite + r.impolite:>8}"
            f"{100 * r.accuracy:>9.1f}%{r.auc:>7.3f}"
            f"{_percent(paper.get('bag of words')):>11}{_percent(paper.get('humans')):>8}"
        )
    return "\n".join(lines)


def _percent(share: float | None) -> str:
    return "" if share is None else f"{100 * share:.1f}%"


def main_politeness_eval(score: Scorer, directory: Path = STANFORD_DIR) -> str:
    results = [
        evaluate(name, read_tsv(directory / filename), score) for name, filename in COMMUNITIES
    ]
    return table(results)
