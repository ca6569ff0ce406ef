"""Detection (and the whole /rephrase answer) as text, to check that a change leaves every
output byte for byte the same, or that outputs do not depend on PYTHONHASHSEED.

    python -m bench.detection_identity [--limit N] [--whole] > out.txt

prints one line per text: its findings (kind, severity, span, rule), the tone model's score
for every unit (repr, so every bit of the float shows), and with --whole the analysis
(rewrite, its status and reason, both politeness scores, nudges). Texts: N train and dev
drafts spread evenly over the corpus in file order (the test split is never read), then
runs of consecutive train drafts joined to about 1,000 and 4,000 characters, as the
benchmarks paste them. Compare two runs with `cmp`; run under one fixed PYTHONHASHSEED
when comparing code, under two when checking that nothing depends on it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from bot.rephrase import corpus, default_engine
from bot.rephrase.engine import Engine


def texts(limit: int) -> Iterator[tuple[str, str]]:
    """(label, text): `limit` single drafts, then joined runs of 1,000 and 4,000 chars."""
    drafts = corpus.load(splits=("train", "dev"))
    step = max(1, len(drafts) // max(1, limit))
    for draft in drafts[::step][:limit]:
        yield draft.id, draft.text
    train = [d.text for d in drafts if d.split == "train"]
    runs = max(1, limit // 30)
    for size, count in ((1000, runs), (4000, max(1, runs // 4))):
        at = 0
        for n in range(count):
            joined = ""
            while len(joined) < size and at < len(train):
                joined = f"{joined} {train[at]}".strip()
                at += 1
            yield f"joined-{size}-{n}", joined[:size]


def describe(engine: Engine, text: str, whole: bool) -> dict[str, object]:
    found = engine.findings(text)
    out: dict[str, object] = {
        "findings": [[f.kind, f.severity, f.start, f.end, f.rule, f.text] for f in found],
    }
    if engine.model is not None:
        _, scores = engine.model.assess(text)
        out["units"] = [[a, b, repr(p)] for a, b, p in scores]
    if whole:
        a = engine.analyse(text)
        out["analysis"] = [
            a.rewrite,
            a.rewrite_status,
            a.rewrite_reason,
            a.more_wordings,
            repr(a.score),
            repr(a.rewrite_score),
            [[n.kind, n.suggestion] for n in a.nudges],
            [[f.kind, f.severity, f.start, f.end, f.rule] for f in a.findings],
        ]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=3000, help="single drafts (default 3000)")
    parser.add_argument("--whole", action="store_true", help="also the whole analysis")
    args = parser.parse_args(argv)
    engine = default_engine()
    for label, text in texts(args.limit):
        line = json.dumps({"id": label, **describe(engine, text, args.whole)}, ensure_ascii=False)
        sys.stdout.write(line + "\n")


if __name__ == "__main__":
    main()
