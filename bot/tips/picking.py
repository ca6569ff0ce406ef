"""Finding tips for a topic: a tag first ("on hold" finds on-hold), else the words themselves."""

from __future__ import annotations

import re

from bot.content import Content, Tip


def catalogue(content: Content) -> list[str]:
    return [tip.id for tip in content.tips]


def tips_on(content: Content, topic: str) -> tuple[Tip, ...]:
    """Tips tagged `topic`, or failing that, tips containing every word of it; may be empty."""
    tag = "-".join(topic.lower().split())
    tagged = content.tips_by_tag(tag)
    if tagged:
        return tagged
    words = [re.escape(word) for word in re.findall(r"\w+", topic.lower())]
    if not words:
        return ()
    patterns = [re.compile(rf"\b{word}", re.IGNORECASE) for word in words]

    def matches(tip: Tip) -> bool:
        text = " ".join((tip.title, tip.body, tip.wording or "", *tip.tags))
        return all(pattern.search(text) for pattern in patterns)

    return tuple(tip for tip in content.tips if matches(tip))
