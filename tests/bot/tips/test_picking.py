"""Topic matching for `/tip <topic>`: stems, synonyms and tags, over the whole catalogue."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content import Content
from bot.tips.picking import tips_on


def test_every_tip_is_found_by_its_own_title(content: Content) -> None:
    for tip in content.tips:
        assert tip in tips_on(content, tip.title), tip.id


def test_every_tag_is_found_in_other_forms(content: Content) -> None:
    """A tag written with spaces, in capitals, or as a plural (the last word) finds tips
    carrying it."""
    for tag in content.topics():
        tagged = set(content.tips_by_tag(tag))
        spaced = tag.replace("-", " ")
        assert set(tips_on(content, spaced.upper())) == tagged
        plural = spaced if spaced.endswith("s") else spaced + "s"
        assert set(tips_on(content, plural)) & tagged, tag


@pytest.mark.parametrize(
    ("topic", "shares"),
    [("apologising", "apology"), ("furious caller", "courtesy"), ("swearing", "escalation")],
)
def test_synonyms_reach_tips_that_never_use_the_word(
    content: Content, topic: str, shares: str
) -> None:
    found = tips_on(content, topic)
    assert found
    assert any(shares in tip.tags for tip in found)


@given(text=st.text(max_size=80))
def test_any_request_gives_tips_or_none(content: Content, text: str) -> None:
    found = tips_on(content, text)
    assert set(found) <= set(content.tips)


def test_stems_are_right_when_listener_threads_stem_at_once() -> None:
    """Bolt runs listeners on a thread pool; one shared snowball stemmer garbled concurrent
    words (IndexError, which answered `/tip angry customer` with an error, or a wrong stem)."""
    import threading

    from bot.tips.picking import stems

    text = "angry customers complaining loudly about refunds and late deliveries"
    expected = stems(text)
    failures: list[object] = []

    def stem_many() -> None:
        try:
            failures.extend(got for got in (stems(text) for _ in range(2000)) if got != expected)
        except Exception as error:  # the bug raised as well as garbling
            failures.append(error)

    threads = [threading.Thread(target=stem_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
