"""`python -m bot.rephrase.writers`: is the model learning tone, or its writers' habits?

Each writer of the corpus is held out in turn: the model is refitted (same settings and
thresholds as the shipped one) on every other writer's train and dev drafts, then scored on
the held-out writer's train and dev drafts. A model that had learnt one writer's phrasing
would do much worse on a writer it never saw than cross-validation says. Training extras
only (scikit-learn, the word vectors); the test split is never read.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from bot.content import load_content
from bot.rephrase import corpus, distil, thresholds
from bot.rephrase.engine import Engine
from bot.rephrase.model import MODEL_FILE, ToneModel, load_advice
from bot.rephrase.train import Vectors, draft_units, fit, rule_hits, score_draft, units_of
from bot.rephrase.train_data import legacy_drafts, phrasebook_drafts

# File-name prefixes of each writer's files (corpus/rephrase/README.md says who wrote what).
WRITERS = {
    "rude writer A": ("rude_a",),
    "rude writer B": ("rude_b",),
    "rude writer C": ("rude_c",),
    "fifth writer (both)": ("extra",),
    "polite writer": ("polite",),
    "eighth writer (short rude)": ("more_rude_short_",),
    "sixth writer (rude)": ("more_rude_",),
    "seventh writer (polite)": ("more_polite_",),
    "ninth writer (both)": ("more_agent_polite_", "more_buried_"),
    "tenth writer (veiled rude, traps)": ("fifth_",),
    "eleventh writer (veiled rude, traps)": ("eleventh_",),
    "twelfth writer (minimal pairs)": ("twelfth_",),
    "thirteenth writer (veiled rude, traps)": ("thirteenth_",),
    "fourteenth writer (polite, traps, mild rude)": ("fourteenth_",),
    "fifteenth writer (sarcasm, threats, PA)": ("fifteenth_",),
    "sixteenth writer (blame, threats, cold, PA)": ("sixteenth_",),
    "seventeenth writer (polite, traps, subtle rude)": ("seventeenth_",),
    "eighteenth writer (long buried, polite)": ("eighteenth_",),
    "nineteenth writer (everyday rude and kind replies)": ("nineteenth_",),
    "twentieth writer (threats, cold, consequence traps)": ("twentieth_",),
    "twenty-first writer (passive aggression, sarcasm, condescension)": ("twentyfirst_",),
    "twenty-second writer (blame, dismissive, minimising)": ("twentysecond_",),
    "twenty-third writer (new settings, both sides)": ("twentythird_",),
}


def writer_of(file_name: str) -> str:
    """The first writer whose prefix the file name has (longer prefixes come first)."""
    for writer, prefixes in WRITERS.items():
        if file_name.startswith(prefixes):
            return writer
    return "other"


def by_writer() -> list[tuple[str, corpus.Draft]]:
    """(writer, draft) for every train and dev draft of the corpus."""
    rows = corpus.read_rows(sorted(corpus.CORPUS_DIR.glob("*.jsonl")))
    out = []
    for name, _, row in rows:
        assert isinstance(row, dict)
        draft = corpus.parse(row)
        if draft.split != "test":
            out.append((writer_of(name), draft))
    return out


def report(rows: Sequence[tuple[str, str, str, str]]) -> str:
    lines = [
        "| held-out writer | rude flagged | polite flagged | traps flagged |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {w} | {r} | {p} | {t} |" for w, r, p, t in rows]
    return "\n".join(lines)


def _share(held: Sequence[corpus.Draft], value: float, kind: str) -> str:
    count = sum(1 for d in held if (d.rude if kind == "rude" else d.kind == kind))
    return f"{100 * value:.1f}% of {count}" if count else "-"


def main() -> int:
    shipped = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    c, scale = float(shipped["C"]), float(shipped["vector_scale"])
    engine = Engine(load_content(), use_model=False)
    lexicon, advice = engine.lexicon, load_advice()
    drafts = by_writer()
    pairs = [draft_units(d, lexicon) for _, d in drafts]
    extra_pairs = [draft_units(d, lexicon) for d in legacy_drafts() + phrasebook_drafts(engine)]
    every, _ = units_of([*pairs, *extra_pairs])
    words = distil.vocabulary([*(w for row in every for w in row[3]), *lexicon])
    vectors = Vectors(words, distil.embed(words))
    rows = []
    for writer in WRITERS:
        fit_on = [p for p, (w, _) in zip(pairs, drafts, strict=True) if w != writer]
        data = fit(*units_of([*fit_on, *extra_pairs]), c, vectors, scale)
        data["thresholds"] = shipped["thresholds"]
        data["gated_rules"] = shipped["gated_rules"]
        model = ToneModel(data, lexicon, advice)
        held = [d for w, d in drafts if w == writer]
        scored = [score_draft(model, d, rule_hits(engine, d.text)) for d in held]
        chosen = shipped["thresholds"]
        got = thresholds.rates(scored, float(chosen["medium"]), float(chosen["rule_gate"]))
        rows.append(
            (
                writer,
                _share(held, got.rude, "rude"),
                _share(held, got.polite, "polite"),
                _share(held, got.trap, "trap"),
            )
        )
        print(rows[-1], file=sys.stderr)
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
