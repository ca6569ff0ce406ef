"""`python -m bot content check`: validate the content and summarise what was loaded."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bot.content.errors import ContentError
from bot.content.loader import load_content
from bot.content.models import Content


def check_report(content: Content) -> str:
    """A short human-readable summary: counts per file and tips per source article."""
    general = sum(1 for g in content.guides if g.kind == "general")
    steps = sum(len(g.steps) for g in content.guides)
    per_source = Counter(t.source.file for t in content.tips)
    lines = [
        "Content OK",
        f"  sources.toml     {len(content.sources):3} sources",
        f"  tips.toml        {len(content.tips):3} tips",
        (
            f"  guides.toml      {len(content.guides):3} guides "
            f"({general} general, {len(content.guides) - general} scenarios), {steps} steps"
        ),
        f"  phrasebook.toml  {len(content.rules):3} rules, {len(content.jargon)} jargon terms",
        f"  calllog.toml     {len(content.categories):3} categories",
        "Tips per source:",
    ]
    width = max((len(s.file) for s in content.sources), default=0)
    for source in content.sources:
        count = per_source[source.file]
        lines.append(f"  {source.file:<{width}}  {count:3}  {source.title}")
    return "\n".join(lines)


def main_check(extra_dir: Path | None = None) -> int:
    """Print the report and return 0, or print the ContentError to stderr and return 1."""
    try:
        content = load_content(extra_dir)
    except ContentError as exc:
        print(f"content error: {exc}", file=sys.stderr)
        return 1
    print(check_report(content))
    return 0
