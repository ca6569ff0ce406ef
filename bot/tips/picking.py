"""Finding tips for a topic (`/tip refunds`, `/tip angry customer on the phone`).

A tag named outright wins (`on hold` is the tag on-hold). Otherwise each word of the request
is stemmed ("refunds" → refund, "apologising" → apologis) and widened to its group of
synonyms (content/topic_words.toml); a tip matches a word when its tags, title, advice or
wording hold any stem of the group. Words that most tips share ("customer") count for little,
so a request finds the tips that match its telling words best."""

from __future__ import annotations

import math
import re
import threading
import tomllib
from functools import cache, lru_cache

import snowballstemmer

from bot.content import Content, Tip
from bot.content.loader import BUILTIN_DIR

TOPIC_WORDS = BUILTIN_DIR / "topic_words.toml"
# Words that say nothing about a topic.
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "about",
        "for",
        "from",
        "how",
        "i",
        "in",
        "is",
        "it",
        "me",
        "my",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "them",
        "they",
        "this",
        "to",
        "what",
        "when",
        "with",
        "you",
        "your",
        "tip",
        "tips",
        "some",
        "any",
    ]
)
_TAG_WEIGHT = 2.0  # a word in a tip's tags says more than one in its text
_NEAR_BEST = 0.6  # tips scoring at least this share of the best one are all offered


def catalogue(content: Content) -> list[str]:
    return [tip.id for tip in content.tips]


_local = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    """One stemmer per thread: a snowball stemmer keeps its word and cursor on itself, so two
    listener threads sharing one garbled each other's stems (IndexError, or a wrong stem)."""
    stemmer: snowballstemmer.stemmer | None = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def stems(text: str) -> list[str]:
    words = [word for word in re.findall(r"[a-z]+", text.lower()) if word not in _STOPWORDS]
    return list(_stemmer().stemWords(words))


@cache
def _synonyms() -> dict[str, frozenset[str]]:
    """Each stem's group: every stem that means the same topic."""
    with TOPIC_WORDS.open("rb") as file:
        groups: dict[str, list[str]] = tomllib.load(file)["groups"]
    found: dict[str, set[str]] = {}
    for words in groups.values():
        group = {stem for word in words for stem in stems(word.replace("-", " "))}
        for stem in group:
            found.setdefault(stem, set()).update(group)
    return {stem: frozenset(group) for stem, group in found.items()}


Indexed = tuple[Tip, frozenset[str], frozenset[str]]  # a tip, its tags' stems, its text's


@lru_cache(maxsize=4)
def _index(tips: tuple[Tip, ...]) -> tuple[Indexed, ...]:
    """Each tip with the stems of its tags and of its title, advice and wording: stemmed once
    per catalogue, not per request."""
    return tuple(
        (
            tip,
            frozenset(stems(" ".join(tag.replace("-", " ") for tag in tip.tags))),
            frozenset(stems(" ".join((tip.title, tip.body, tip.wording or "")))),
        )
        for tip in tips
    )


def tips_on(content: Content, topic: str) -> tuple[Tip, ...]:
    """The tips that best match `topic`; may be empty."""
    topic = re.sub(r"<[^>]*>", " ", topic)  # Slack's mentions and links are not topic words
    tag = "-".join(topic.lower().split())
    tagged = content.tips_by_tag(tag)
    if tagged:
        return tagged
    asked = [_synonyms().get(stem, frozenset({stem})) for stem in dict.fromkeys(stems(topic))]
    if not asked:
        return ()
    indexed = _index(content.tips)
    rarity = [
        math.log((1 + len(indexed)) / (1 + sum(1 for _, t, x in indexed if group & (t | x)))) + 1
        for group in asked
    ]
    scores: list[tuple[int, float, Tip]] = []
    for tip, tags, text in indexed:
        matched, score = 0, 0.0
        for group, weight in zip(asked, rarity, strict=True):
            if group & (tags | text):
                matched += 1
                score += weight * (_TAG_WEIGHT if group & tags else 1.0)
        if matched:
            scores.append((matched, score, tip))
    if not scores:
        return ()
    # Tips that match the most words of the request, then the best of those by weight.
    most = max(matched for matched, _, _ in scores)
    best = max(score for matched, score, _ in scores if matched == most)
    return tuple(
        tip for matched, score, tip in scores if matched == most and score >= _NEAR_BEST * best
    )
