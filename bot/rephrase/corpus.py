"""The labelled rephrase corpus (corpus/rephrase/*.jsonl) and its fixed train/dev/test split.

The split is computed from the id, never stored: the first byte of sha256(id) mod 10 gives
0-5 train, 6-7 dev, 8-9 test. Nothing is fitted or tuned on test.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parents[2] / "corpus" / "rephrase"
# Written by a writer who never saw the corpus; only ever reported, never fitted or tuned on.
HOLDOUT_FILE = CORPUS_DIR.parent / "holdout" / "rephrase.jsonl"
RUDE_KINDS = (
    "blame",
    "dismissive",
    "condescending",
    "sarcasm",
    "passive_aggressive",
    "minimising",
    "blame_shifting",
    "rule_quoting",
    "impatience",
    "shouting",
    "threat",
    "cold",
)
POLITE_KINDS = ("polite", "trap")
FORMS = ("textbook", "paraphrase")
INDUSTRIES = (
    "telecom",
    "banking",
    "retail",
    "travel",
    "healthcare",
    "software",
    "utilities",
    "insurance",
    "logistics",
    "hospitality",
)
CHANNELS = ("email", "chat", "phone")
SPLITS = ("train", "dev", "test")
FIELDS = frozenset({"id", "text", "label", "kind", "form", "long", "spans", "industry", "channel"})


@dataclass(frozen=True)
class Draft:
    id: str
    text: str
    label: str  # "rude" or "polite"
    kind: str
    form: str
    long: bool
    spans: tuple[str, ...]
    industry: str
    channel: str

    @property
    def rude(self) -> bool:
        return self.label == "rude"

    @property
    def split(self) -> str:
        return split_of(self.id)

    def span_offsets(self) -> list[tuple[int, int]]:
        """Every occurrence of every gold span, as (start, end) offsets into text."""
        found: list[tuple[int, int]] = []
        for span in self.spans:
            at = self.text.find(span)
            while at >= 0:
                found.append((at, at + len(span)))
                at = self.text.find(span, at + 1)
        return found


def split_of(draft_id: str) -> str:
    bucket = hashlib.sha256(draft_id.encode("utf-8")).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def problems(row: object) -> list[str]:
    """What is wrong with one parsed line; empty when it is well formed."""
    if not isinstance(row, dict):
        return ["not a JSON object"]
    found = []
    if set(row) != FIELDS:
        found.append(f"keys {sorted(set(row) ^ FIELDS)} differ from the format")
        return found
    label, kind = row["label"], row["kind"]
    if label == "rude" and kind not in RUDE_KINDS:
        found.append(f"unknown rude kind {kind!r}")
    if label == "polite" and kind not in POLITE_KINDS:
        found.append(f"unknown polite kind {kind!r}")
    if label not in ("rude", "polite"):
        found.append(f"unknown label {label!r}")
    if row["form"] not in FORMS:
        found.append(f"unknown form {row['form']!r}")
    if row["industry"] not in INDUSTRIES:
        found.append(f"unknown industry {row['industry']!r}")
    if row["channel"] not in CHANNELS:
        found.append(f"unknown channel {row['channel']!r}")
    if not isinstance(row["text"], str) or not row["text"].strip():
        found.append("empty text")
    elif not isinstance(row["long"], bool) or not isinstance(row["spans"], list):
        found.append("long must be a boolean and spans a list")
    else:
        for span in row["spans"]:
            if not isinstance(span, str) or not span or span not in row["text"]:
                found.append(f"span {span!r} is not a substring of text")
        if label == "rude" and not row["spans"]:
            found.append("a rude draft needs at least one span")
        if label == "polite" and row["spans"]:
            found.append("a polite draft has no spans")
    return found


def parse(row: dict[str, object]) -> Draft:
    spans = row["spans"]
    assert isinstance(spans, list)
    return Draft(
        id=str(row["id"]),
        text=str(row["text"]),
        label=str(row["label"]),
        kind=str(row["kind"]),
        form=str(row["form"]),
        long=bool(row["long"]),
        spans=tuple(str(s) for s in spans),
        industry=str(row["industry"]),
        channel=str(row["channel"]),
    )


def read_rows(paths: Iterable[Path]) -> list[tuple[str, int, object]]:
    """(file name, line number, parsed JSON) for every non-blank line."""
    rows: list[tuple[str, int, object]] = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                rows.append((path.name, number, json.loads(line)))
    return rows


def load(folder: Path = CORPUS_DIR, splits: Iterable[str] = SPLITS) -> list[Draft]:
    """Well-formed drafts of the given splits, in file order; a bad line raises ValueError."""
    wanted = set(splits)
    return [d for d in _well_formed(sorted(folder.glob("*.jsonl"))) if d.split in wanted]


def load_holdout(path: Path = HOLDOUT_FILE) -> list[Draft]:
    """The held-out writer's drafts (corpus/holdout/): for reporting only, never for fitting."""
    return _well_formed([path])


def _well_formed(paths: Iterable[Path]) -> list[Draft]:
    """Every draft of the files, in order; the first bad line raises ValueError."""
    drafts: list[Draft] = []
    for name, number, row in read_rows(paths):
        wrong = problems(row)
        if wrong:
            raise ValueError(f"{name} line {number}: {'; '.join(wrong)}")
        assert isinstance(row, dict)
        drafts.append(parse(row))
    return drafts
