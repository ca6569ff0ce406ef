"""`make train`: fit the tone model on the TRAIN split, choose thresholds on DEV, save JSON.

Needs the `train` extra (scikit-learn). Deterministic: sorted features, a fixed solver and
no random state, so the same corpus gives the same file byte for byte. The test split is
never read here.

Units: each sentence, and a short draft whole. A sentence of a rude draft is rude when it
overlaps a marked span; the other sentences of a long rude draft are polite context (that
is what "buried" means); those of a short rude draft are left out, being neither.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bot.content import load_content
from bot.rephrase import corpus
from bot.rephrase.engine import Engine
from bot.rephrase.features import shout_count, unit_features
from bot.rephrase.model import (
    MODEL_FILE,
    QUOTE,
    ToneModel,
    load_advice,
    masked_tokens,
    quoted_spans,
    units,
)

MIN_COUNT = 3  # an n-gram seen in fewer training units is noise, not a pattern
TOP_FEATURES = 4000
TOP_KIND_FEATURES = 1500
C_GRID = (0.1, 0.2, 0.5)
# Dev targets the thresholds must meet (stricter than the goals, to leave room on test).
DEV_MAX_POLITE = 0.025
DEV_MAX_TRAP = 0.10

LEGACY = Path(__file__).resolve().parents[2] / "tests" / "data" / "rephrase_drafts.jsonl"
_NOTE_QUOTE = re.compile(r'"([^"]{3,80})"')
Unit = tuple[frozenset[str], int, str]  # feature names, rude (1) or not, kind


def draft_units(draft: corpus.Draft, lexicon: dict[str, float]) -> tuple[list[Unit], Unit]:
    """The draft's labelled units, and the draft itself as one unit (every feature of any
    of its units, labelled by the draft) for the draft-level model."""
    text = draft.text
    gold = draft.span_offsets()
    quoted = quoted_spans(text)
    spans, whole = units(text)
    out: list[Unit] = []
    every: set[str] = set()
    for index, (start, end) in enumerate(spans):
        is_whole = whole and index == len(spans) - 1
        toks = masked_tokens(text, start, end, quoted)
        if not toks:
            continue
        feats = unit_features(toks, lexicon, shout_count(text[start:end]))
        names = frozenset(n for n, _, _ in feats)
        every.update(names)
        if not draft.rude:
            out.append((names, 0, draft.kind))
        elif is_whole or any(a < end and start < b for a, b in gold):
            out.append((names, 1, draft.kind))
        elif draft.long:
            out.append((names, 0, "context"))
    return out, (frozenset(every), int(draft.rude), draft.kind)


def _vocabulary(rows: Iterable[Unit]) -> list[str]:
    counts: Counter[str] = Counter(n for names, _, _ in rows for n in names)
    keep = [n for n, c in counts.items() if c >= MIN_COUNT or not n.startswith(("w", "l"))]
    return sorted(k for k in keep if QUOTE not in k)


def _matrix(rows: Sequence[Unit], vocab: dict[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    data, indices, indptr = [], [], [0]
    for names, _, _ in rows:
        cols = sorted(vocab[n] for n in names if n in vocab)
        indices.extend(cols)
        data.extend([1.0] * len(cols))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocab)))


def _rude_weights(rows: Sequence[Unit], vocab_list: list[str], c: float) -> tuple[float, Any]:
    """Bias and the top weights of a balanced logistic regression: rude or not."""
    from sklearn.linear_model import LogisticRegression

    vocab = {n: i for i, n in enumerate(vocab_list)}
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000, solver="lbfgs")
    model.fit(_matrix(rows, vocab), [label for _, label, _ in rows])
    weights = dict(zip(vocab_list, model.coef_[0].tolist(), strict=True))
    top = sorted(weights, key=lambda n: (-abs(weights[n]), n))[:TOP_FEATURES]
    kept = {n: round(weights[n], 4) for n in sorted(top) if round(weights[n], 4)}
    return round(float(model.intercept_[0]), 4), kept


def fit(train_units: Sequence[Unit], train_drafts: Sequence[Unit], c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    vocab_list = _vocabulary(train_units)
    vocab = {n: i for i, n in enumerate(vocab_list)}
    bias, weights = _rude_weights(train_units, vocab_list, c)
    draft_bias, draft_weights = _rude_weights(train_drafts, vocab_list, c)

    rude_rows = [u for u in train_units if u[1] == 1 and u[2] in corpus.RUDE_KINDS]
    kind_model = LogisticRegression(C=1.0, max_iter=5000, solver="lbfgs")
    kind_model.fit(_matrix(rude_rows, vocab), [k for _, _, k in rude_rows])
    labels = [str(k) for k in kind_model.classes_]
    kind_rows = {n: kind_model.coef_[:, i].tolist() for n, i in vocab.items()}
    kind_top = sorted(kind_rows, key=lambda n: (-max(map(abs, kind_rows[n])), n))
    return {
        "format": "service-coach tone model v2: logistic regression weights, top features only",
        "C": c,
        "bias": bias,
        "weights": weights,
        "draft": {"bias": draft_bias, "weights": draft_weights},
        "kinds": {
            "labels": labels,
            "bias": [round(float(b), 4) for b in kind_model.intercept_],
            "weights": {
                n: [round(w, 3) for w in kind_rows[n]] for n in sorted(kind_top[:TOP_KIND_FEATURES])
            },
        },
        "thresholds": {"low": 0.5, "medium": 0.5, "high": 0.5},
    }


def choose_thresholds(
    model: ToneModel, engine: Engine, dev: Sequence[corpus.Draft]
) -> tuple[dict[str, float], float]:
    """The lowest medium threshold whose dev false flags (rules included) meet the targets."""
    scored = [
        (d, model.probability(d.text), any(f.serious for f in engine.rule_findings(d.text)))
        for d in dev
    ]
    candidates = sorted({round(p, 4) for _, p, _ in scored} | {0.5, 0.99})

    def rates(t: float) -> tuple[float, float, float]:
        flagged = {d.id: ruled or p >= t for d, p, ruled in scored}
        polite = [d for d in dev if d.kind == "polite"]
        traps = [d for d in dev if d.kind == "trap"]
        rude = [d for d in dev if d.rude]
        return (
            sum(flagged[d.id] for d in polite) / max(1, len(polite)),
            sum(flagged[d.id] for d in traps) / max(1, len(traps)),
            sum(flagged[d.id] for d in rude) / max(1, len(rude)),
        )

    fits = [
        t
        for t in candidates
        if t >= 0.3 and rates(t)[0] <= DEV_MAX_POLITE and rates(t)[1] <= DEV_MAX_TRAP
    ]
    medium = fits[0] if fits else 0.99  # the rules alone miss the targets: fix them first
    high = max(medium, min(0.97, medium + (1 - medium) / 2))
    # Low findings are hints; the draft-level view raises scores, so they need 80% of medium.
    thresholds = {"low": round(medium * 0.8, 4), "medium": medium, "high": round(high, 4)}
    return thresholds, rates(medium)[2]


def legacy_drafts(path: Path = LEGACY) -> list[corpus.Draft]:
    """The older development set (tests/data/rephrase_drafts.jsonl) as extra training data.

    Its good replies are mostly traps, which the corpus has few of. A bad reply's span is
    the phrase its note quotes, where the draft holds it; otherwise the draft is left out.
    The held-out file beside it is never read here.
    """
    drafts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        rude = row["label"] == "bad"
        spans = tuple(q for q in _NOTE_QUOTE.findall(row["note"]) if q in row["draft"])
        if rude and not spans:
            continue
        drafts.append(
            corpus.Draft(
                id=row["id"],
                text=row["draft"],
                label="rude" if rude else "polite",
                kind="legacy" if rude else "trap",
                form="textbook",
                long=len(row["draft"]) >= 300,
                spans=spans if rude else (),
                industry=row["industry"],
                channel="email",
            )
        )
    return drafts


def phrasebook_drafts(engine: Engine) -> list[corpus.Draft]:
    """The phrasebook's examples as rude drafts, its suggested wordings as polite ones: the
    model must not flag the very wording the bot recommends."""
    drafts = []
    for rule in engine.content.rules:
        for n, example in enumerate(rule.examples):
            drafts.append(_plain(f"{rule.id}-example-{n}", example, rude=True))
        for n, suggestion in enumerate(rule.suggestions):
            if len(suggestion.split()) >= 3 and "\\g<" not in suggestion:
                text = suggestion[0].upper() + suggestion[1:].rstrip(".") + "."
                drafts.append(_plain(f"{rule.id}-suggestion-{n}", text, rude=False))
    return drafts


def _plain(draft_id: str, text: str, *, rude: bool) -> corpus.Draft:
    return corpus.Draft(
        id=draft_id,
        text=text,
        label="rude" if rude else "polite",
        kind="legacy" if rude else "trap",
        form="textbook",
        long=False,
        spans=(text,) if rude else (),
        industry="retail",
        channel="chat",
    )


def main(out: Path = MODEL_FILE) -> int:
    drafts = corpus.load(splits=("train", "dev"))
    engine = Engine(load_content(), use_model=False)
    train = [d for d in drafts if d.split == "train"] + legacy_drafts() + phrasebook_drafts(engine)
    dev = [d for d in drafts if d.split == "dev"]
    lexicon = engine.lexicon
    pairs = [draft_units(d, lexicon) for d in train]
    train_units = [u for units_of_draft, _ in pairs for u in units_of_draft]
    train_drafts = [whole for _, whole in pairs]
    advice = load_advice()
    best: tuple[float, dict[str, Any]] | None = None
    for c in C_GRID:
        data = fit(train_units, train_drafts, c)
        thresholds, recall = choose_thresholds(ToneModel(data, lexicon, advice), engine, dev)
        data["thresholds"] = thresholds
        print(f"C={c}: dev recall {recall:.3f} at thresholds {thresholds}", file=sys.stderr)
        if best is None or recall > best[0]:
            best = (recall, data)
    assert best is not None
    text = json.dumps(best[1], indent=0, sort_keys=True, ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    print(
        f"wrote {out} ({len(text) // 1024} KB, {len(train_units)} training units)", file=sys.stderr
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
