"""Validate tests/data/rephrase_drafts.jsonl (the /rephrase evaluation set).

Usage: python tests/data/check_drafts.py [--heldout] [path/to/rephrase_drafts.jsonl]

--heldout checks a held-out set (tests/data/rephrase_heldout.jsonl by default), which is
smaller: at least 20 drafts, 10 of each label.

Checks: one valid JSON object per line, required keys and types, unique ids whose
prefix matches the label, label in {bad, good}, known industry, every fact is an
exact substring of its draft, every "bad" note quotes (in double quotes) at least
one flagged phrase that occurs in the draft and no fact overlaps a flagged phrase,
and minimum counts. Prints counts; exits 1 on any problem. Stdlib only.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).resolve().parent / "rephrase_drafts.jsonl"
HELDOUT_PATH = Path(__file__).resolve().parent / "rephrase_heldout.jsonl"
REQUIRED_KEYS: frozenset[str] = frozenset(
    {"id", "label", "industry", "draft", "customer", "facts", "note"}
)
LABELS: frozenset[str] = frozenset({"bad", "good"})
INDUSTRIES: frozenset[str] = frozenset(
    {
        "telecom",
        "retail",
        "banking",
        "travel",
        "saas",
        "utilities",
        "insurance",
        "healthcare",
        "hospitality",
        "logistics",
        "gaming",
        "education",
    }
)
MIN_TOTAL = 170
MIN_BAD = 85
MIN_GOOD = 80
HELDOUT_MINIMUMS = (20, 10, 10)
MIN_FACT_SHARE = 0.70
MAX_DRAFT_CHARS = 900
QUOTED = re.compile(r'"([^"]+)"')


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) spans of needle in text, overlapping matches included."""
    out: list[tuple[int, int]] = []
    start = text.find(needle)
    while start != -1:
        out.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return out


def check_row(row: Any, where: str) -> list[str]:
    """Return the problems found in one parsed line."""
    if not isinstance(row, dict):
        return [f"{where}: not a JSON object"]
    errors: list[str] = []
    missing = REQUIRED_KEYS - row.keys()
    if missing:
        return [f"{where}: missing keys {sorted(missing)}"]
    rid, label, draft = row["id"], row["label"], row["draft"]
    if label not in LABELS:
        errors.append(f"{where}: label {label!r} not in {sorted(LABELS)}")
    if not isinstance(rid, str) or not re.fullmatch(r"(bad|good)-\d{3}", rid):
        errors.append(f"{where}: bad id {rid!r}")
    elif rid.split("-")[0] != label:
        errors.append(f"{where}: id {rid!r} does not match label {label!r}")
    if row["industry"] not in INDUSTRIES:
        errors.append(f"{where}: unknown industry {row['industry']!r}")
    if not isinstance(draft, str) or not draft.strip():
        return [*errors, f"{where}: empty or non-string draft"]
    if len(draft) > MAX_DRAFT_CHARS:
        errors.append(f"{where}: draft longer than {MAX_DRAFT_CHARS} chars")
    if row["customer"] is not None and not (
        isinstance(row["customer"], str) and row["customer"].strip()
    ):
        errors.append(f"{where}: customer must be a non-empty string or null")
    if not isinstance(row["note"], str) or not row["note"].strip():
        errors.append(f"{where}: empty note")
    facts = row["facts"]
    if not isinstance(facts, list) or not all(isinstance(f, str) and f for f in facts):
        return [*errors, f"{where}: facts must be a list of non-empty strings"]
    if len(set(facts)) != len(facts):
        errors.append(f"{where}: duplicate facts")
    for fact in facts:
        if fact not in draft:
            errors.append(f"{where}: fact {fact!r} is not a substring of the draft")
    if label == "bad" and isinstance(row["note"], str):
        phrases = QUOTED.findall(row["note"])
        if not phrases:
            errors.append(f"{where}: bad note quotes no flagged phrase")
        for phrase in phrases:
            phrase_spans = spans(draft, phrase)
            if not phrase_spans:
                errors.append(f"{where}: flagged phrase {phrase!r} not in draft")
            for fact in facts:
                for fs, fe in spans(draft, fact):
                    if any(fs < pe and ps < fe for ps, pe in phrase_spans):
                        errors.append(f"{where}: fact {fact!r} overlaps {phrase!r}")
    return errors


def main(argv: list[str]) -> int:
    heldout = "--heldout" in argv
    args = [a for a in argv[1:] if a != "--heldout"]
    path = Path(args[0]) if args else HELDOUT_PATH if heldout else DEFAULT_PATH
    min_total, min_bad, min_good = HELDOUT_MINIMUMS if heldout else (MIN_TOTAL, MIN_BAD, MIN_GOOD)
    errors: list[str] = []
    rows: list[dict[str, Any]] = []
    seen_ids: Counter[str] = Counter()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"line {lineno}"
        if not line.strip():
            errors.append(f"{where}: blank line")
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: invalid JSON ({exc})")
            continue
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            seen_ids[row["id"]] += 1
        problems = check_row(row, f"{where} ({row.get('id') if isinstance(row, dict) else '?'})")
        errors.extend(problems)
        if not problems:
            rows.append(row)

    errors.extend(f"duplicate id {i}" for i, n in seen_ids.items() if n > 1)

    labels = Counter(r["label"] for r in rows)
    total = len(rows)
    with_facts = sum(1 for r in rows if r["facts"])
    with_customer = sum(1 for r in rows if r["customer"] is not None)
    curly = sum(1 for r in rows if "\u2019" in r["draft"])
    multi_para = sum(1 for r in rows if "\n\n" in r["draft"])
    fact_share = with_facts / total if total else 0.0

    if total < min_total:
        errors.append(f"only {total} valid drafts, need >= {min_total}")
    if labels["bad"] < min_bad:
        errors.append(f"only {labels['bad']} bad drafts, need >= {min_bad}")
    if labels["good"] < min_good:
        errors.append(f"only {labels['good']} good drafts, need >= {min_good}")
    if fact_share < MIN_FACT_SHARE:
        errors.append(f"only {fact_share:.0%} drafts have facts, need >= {MIN_FACT_SHARE:.0%}")

    print(f"file: {path}")
    print(f"total: {total}  bad: {labels['bad']}  good: {labels['good']}")
    fact_total = sum(len(r["facts"]) for r in rows)
    print(f"with facts: {with_facts} ({fact_share:.0%})  facts total: {fact_total}")
    print(f"with customer message: {with_customer} ({with_customer / max(total, 1):.0%})")
    print(f"curly apostrophes: {curly}  multi-paragraph: {multi_para}")
    by_industry = Counter((r["industry"], r["label"]) for r in rows)
    for industry in sorted(INDUSTRIES):
        bad, good = by_industry[(industry, "bad")], by_industry[(industry, "good")]
        print(f"  {industry:<12} bad {bad:>3}  good {good:>3}")

    if errors:
        print(f"\n{len(errors)} problem(s):", file=sys.stderr)
        for err in errors:
            print(f"  {err}", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
