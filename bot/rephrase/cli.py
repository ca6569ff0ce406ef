"""`python -m bot rephrase`: check a draft from standard input; no Slack settings needed."""

from __future__ import annotations

import json
import sys
from typing import TextIO

from bot.rephrase.engine import Engine
from bot.rephrase.json_out import to_json
from bot.rephrase.report import text_report


def main_rephrase(
    engine: Engine,
    *,
    as_json: bool,
    jsonl: bool,
    customer: str | None,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
) -> int:
    source = stdin or sys.stdin
    out = stdout or sys.stdout
    if jsonl:
        return _batch(engine, source, out, customer)
    analysis = engine.analyse(source.read(), customer)
    if as_json:
        out.write(json.dumps(to_json(analysis), ensure_ascii=False) + "\n")
    else:
        out.write(text_report(analysis, engine.content) + "\n")
    return 0


def _batch(engine: Engine, source: TextIO, out: TextIO, customer: str | None) -> int:
    """One JSON string per line in, one result per line out; a bad line is reported, not fatal."""
    status = 0
    for number, line in enumerate(source, 1):
        if not line.strip():
            continue
        try:
            draft = json.loads(line)
        except json.JSONDecodeError as error:
            draft = error
        if not isinstance(draft, str):
            print(
                f'line {number}: expected a JSON string such as "Thanks, it ships today.", '
                f"got {line.strip()[:60]!r}",
                file=sys.stderr,
            )
            status = 1
            continue
        out.write(json.dumps(to_json(engine.analyse(draft, customer)), ensure_ascii=False) + "\n")
    return status
