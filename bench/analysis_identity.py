"""The whole /rephrase answer as text, to check that a speed change leaves every output byte
for byte the same.

    PYTHONHASHSEED=0 python -m bench.analysis_identity [--limit N] > out.txt

prints one line per (text, variant): the whole Analysis (findings with every field, nudges,
rewrite, its status and reason, both politeness scores as repr, so every bit of the float
shows), the --json shape and the Slack answer (summary text and blocks). Texts: every train
and dev draft in file order, or N of them spread evenly (the test split is never read), as
the handler gets them, each also with the draft before it as the customer's message; then
runs of consecutive train drafts joined to 250, 1,000 and 4,000 characters, as the
benchmarks paste them. Compare two runs with `cmp`, under one fixed PYTHONHASHSEED.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator

from bot.content import load_content
from bot.rephrase import corpus, default_engine
from bot.rephrase.json_out import to_json
from handlers.rephrase.blocks import answer_blocks, summary_text

JOINED = ((250, 60), (1000, 60), (4000, 15))  # (characters, how many runs)
VARIANTS = (0, 1)  # the first wording and the one "Another wording" asks for


def texts(limit: int | None) -> Iterator[tuple[str, str, str | None]]:
    """(label, draft, customer message or None)."""
    drafts = corpus.load(splits=("train", "dev"))
    step = 1 if limit is None else max(1, len(drafts) // max(1, limit))
    chosen = drafts[::step][:limit]
    for n, draft in enumerate(chosen):
        yield draft.id, draft.text, None
        if n % 10 == 0 and n:  # the customer's message changes only the nudges
            yield f"{draft.id}+customer", draft.text, chosen[n - 1].text
    train = [d.text for d in drafts if d.split == "train"]
    at = 0
    for size, count in JOINED:
        for n in range(count):
            joined = ""
            while len(joined) < size and at < len(train):
                joined = f"{joined} {train[at]}".strip()
                at += 1
            yield f"joined-{size}-{n}", joined[:size], None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="single drafts (default all)")
    args = parser.parse_args(argv)
    engine = default_engine()
    content = load_content()
    for label, text, customer in texts(args.limit):
        for variant in VARIANTS:
            a = engine.analyse(text, customer, variant=variant)
            line = {
                "id": label,
                "variant": variant,
                "analysis": repr(a),
                "json": to_json(a),
                "summary": summary_text(a),
                "blocks": answer_blocks(a, content, variant, None),
            }
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
