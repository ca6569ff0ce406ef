"""Tips and guide steps are in our own words: no run of 8+ words from an article."""

from __future__ import annotations

import re

from bot.content import Content

RUN = 8


def _words(text: str) -> list[str]:
    # Case, punctuation and apostrophe style must not hide a copied passage.
    plain = text.lower().replace("\u2019", "'").replace("'", "")
    return re.findall(r"[a-z0-9%]+", plain)


def _runs(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def test_helper_catches_a_copied_run() -> None:
    article = "Take a deep breath. Count to 10. Take another deep breath, then go."
    assert _runs("take a DEEP breath, count to 10: take another!") & _runs(article)
    assert not _runs("Breathe in slowly and count to ten before you go back.") & _runs(article)


def test_tip_bodies_do_not_copy_their_source(content: Content, articles: dict[str, str]) -> None:
    copied = {
        tip.id: sorted(" ".join(r) for r in _runs(tip.body) & _runs(articles[tip.source.file]))
        for tip in content.tips
    }
    assert {k: v for k, v in copied.items() if v} == {}


def test_guide_steps_do_not_copy_any_article(content: Content, articles: dict[str, str]) -> None:
    everything: set[tuple[str, ...]] = set().union(*(_runs(a) for a in articles.values()))
    copied = [
        (guide.id, step.title)
        for guide in content.guides
        for step in guide.steps
        if _runs(step.do) & everything
    ]
    assert copied == []
