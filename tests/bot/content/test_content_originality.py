"""Tips and guide steps are in our own words: no run of 8+ words from an article.

The check runs on a fresh clone too: it compares against hashed runs of the articles
(tests/data/article_runs.json), which a further test keeps in step with the articles.
"""

from __future__ import annotations

from bot.content import Content
from tests.bot.content.article_runs import fingerprint, load, runs


def test_helper_catches_a_copied_run() -> None:
    article = "Take a deep breath. Count to 10. Take another deep breath, then go."
    assert runs("take a DEEP breath, count to 10: take another!").keys() & runs(article).keys()
    assert (
        not runs("Breathe in slowly and count to ten before you go back.").keys()
        & runs(article).keys()
    )


def test_tip_bodies_do_not_copy_their_source(content: Content) -> None:
    articles = load()
    copied = {
        tip.id: sorted(
            span for key, span in runs(tip.body).items() if key in articles[tip.source.file]
        )
        for tip in content.tips
    }
    assert {k: v for k, v in copied.items() if v} == {}


def test_guide_steps_do_not_copy_any_article(content: Content) -> None:
    everything = set().union(*load().values())
    copied = [
        (guide.id, step.title)
        for guide in content.guides
        for step in guide.steps
        if runs(step.do).keys() & everything
    ]
    assert copied == []


def test_the_stored_runs_match_the_articles(articles: dict[str, str]) -> None:
    stored = load()
    assert {name: set(hashes) for name, hashes in fingerprint(articles).items()} == stored, (
        "an article changed: run python -m tests.bot.content.article_runs"
    )
