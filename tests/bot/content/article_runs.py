"""Fingerprints of every run of eight words in the source articles.

The articles live outside the repository (../shared/source-documents/), so a fresh clone may
not have them. Their runs are stored hashed in tests/data/article_runs.json: enough to tell
whether a tip copies eight words in a row, without copying the articles themselves.

Rebuild after an article changes: python -m tests.bot.content.article_runs
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

RUN = 8
FINGERPRINTS = Path(__file__).resolve().parents[2] / "data" / "article_runs.json"


def words(text: str) -> list[str]:
    # Case, punctuation and apostrophe style must not hide a copied passage.
    plain = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9%]+", plain)


def runs(text: str) -> dict[str, str]:
    """Each run of RUN words, by its fingerprint."""
    found = words(text)
    spans = (" ".join(found[i : i + RUN]) for i in range(len(found) - RUN + 1))
    return {_hash(span): span for span in spans}


def _hash(span: str) -> str:
    return hashlib.blake2b(span.encode(), digest_size=6).hexdigest()


def fingerprint(articles: dict[str, str]) -> dict[str, list[str]]:
    return {name: sorted(runs(text)) for name, text in sorted(articles.items())}


def load() -> dict[str, set[str]]:
    stored: dict[str, list[str]] = json.loads(FINGERPRINTS.read_text(encoding="utf-8"))
    return {name: set(hashes) for name, hashes in stored.items()}


def main() -> None:
    from bot.content import load_content
    from tests.bot.content.conftest import SOURCES_DIR

    articles = {
        s.file: (SOURCES_DIR / s.file).read_text(encoding="utf-8") for s in load_content().sources
    }
    FINGERPRINTS.write_text(json.dumps(fingerprint(articles), indent=0) + "\n", encoding="utf-8")
    print(f"wrote {FINGERPRINTS} from {len(articles)} articles in {SOURCES_DIR}")


if __name__ == "__main__":
    main()
