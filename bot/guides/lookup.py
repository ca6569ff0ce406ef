"""Matching `/deescalate <scenario or word>` to a guide.

Forgiving by design: case, punctuation, hyphens and simple plurals are ignored, so "On-Hold",
"on hold", "holds" and "hold" all find the on-hold guide. An exact id, name or keyword wins;
otherwise the guide whose keywords appear most (longest phrases first) in the text wins, so
"he keeps swearing at me" finds the abusive-caller guide. Ties go to the guide listed first.
"""

from __future__ import annotations

import re

from bot.content import Content, Guide

_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    # Enough for the plurals people type ("holds", "policies"), not a full stemmer.
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> tuple[str, ...]:
    """Lower-case, stemmed words; apostrophes vanish ("can't" is "cant")."""
    flat = text.lower().replace("'", "").replace("\u2019", "")
    return tuple(_stem(w) for w in _WORD.findall(flat))


def _names(guide: Guide) -> set[tuple[str, ...]]:
    return {words(guide.id), words(guide.name)}


def _contains(text: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return size > 0 and any(text[i : i + size] == phrase for i in range(len(text) - size + 1))


def find_guide(content: Content, text: str) -> Guide | None:
    """The guide `text` names, or None when nothing matches."""
    query = words(text)
    if not query:
        return None
    for guide in content.guides:
        if query in _names(guide):
            return guide
    for guide in content.guides:
        if any(query == words(k) for k in guide.keywords):
            return guide
    best: Guide | None = None
    best_score = 0
    for guide in content.guides:
        phrases = [*_names(guide), *(words(k) for k in guide.keywords)]
        score = sum(len(p) for p in phrases if _contains(query, p))
        if score > best_score:
            best, best_score = guide, score
    return best


# What people type to see the guides; checked only when no guide matches, so a team's
# keyword still wins.
_LIST_WORDS = {("help",), ("list",), ("scenario",), ("guide",)}


def wants_list(text: str) -> bool:
    """True for `/deescalate help` (or list, scenarios, guides)."""
    return words(text) in _LIST_WORDS


def example_word(content: Content, guide: Guide) -> str:
    """The shortest thing to type after /deescalate that finds this guide."""
    candidates = [*guide.keywords, guide.name, guide.id]
    return next((c for c in candidates if find_guide(content, c) == guide), guide.id)
