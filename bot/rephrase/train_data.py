"""Extra training drafts for `make train`, beside the corpus's train split.

The older development set (tests/data/rephrase_drafts.jsonl, its good replies mostly traps)
and the phrasebook's own examples and suggested wordings. The held-out file beside the older
set and the corpus's test split are never read here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.rephrase import corpus
from bot.rephrase.engine import Engine

LEGACY = Path(__file__).resolve().parents[2] / "tests" / "data" / "rephrase_drafts.jsonl"
_NOTE_QUOTE = re.compile(r'"([^"]{3,80})"')


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
