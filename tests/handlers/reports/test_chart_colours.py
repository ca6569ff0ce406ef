"""Chart colours: each category and outcome keeps one colour in every chart, whatever the
period or filter, from a colour-blind-safe palette; the previous period is drawn beside.

Charts are asked for through the real app and the PNGs read back pixel by pixel.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta

import pytest
from PIL import Image

from bot.config import Settings
from bot.reports.palette import (
    BLACK,
    BUILT_IN_CATEGORIES,
    GREY,
    OKABE_ITO,
    OUTCOME_COLOURS,
    category_colours,
)
from tests.handlers.reports.test_reports import MANAGER, ask, seed, uploaded
from tests.harness import Harness

DAY = timedelta(days=1)
PALETTE = {*OKABE_ITO, GREY} - {BLACK}  # black is the text
MIN_PIXELS = 30  # a bar, not a stray anti-aliased edge


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, managers=frozenset({MANAGER}))


def colours_in(png: bytes) -> set[str]:
    """The palette colours drawn solidly in an image."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    counts = image.getcolors(maxcolors=1 << 20) or []
    found = {f"#{r:02X}{g:02X}{b:02X}" for n, (r, g, b) in counts if n >= MIN_PIXELS}
    return found & PALETTE


def chart(bot: Harness, query: str, number: int) -> bytes:
    ask(bot, f"chart {query}")
    content, _ = uploaded(bot, count=number)
    assert content.startswith(b"\x89PNG")
    return content


def test_a_category_keeps_its_colour_in_every_chart(bot: Harness) -> None:
    seed(bot, category="billing", ago=DAY)
    seed(bot, category="billing", ago=2 * DAY)
    seed(bot, category="shipping", ago=20 * DAY)  # only in the 30-day chart
    seed(bot, category="technical", ago=40 * DAY)  # only in the month before the 30 days
    week = colours_in(chart(bot, "7d", 1))
    month = colours_in(chart(bot, "30d", 2))
    custom = colours_in(chart(bot, "2026-11-01..2026-11-30", 3))
    billing, shipping = BUILT_IN_CATEGORIES["billing"], BUILT_IN_CATEGORIES["shipping"]
    technical = BUILT_IN_CATEGORIES["technical"]
    assert week == {billing}
    # 30d: billing and shipping now; technical only in the previous period, beside them
    assert month == custom == {billing, shipping, technical}


def test_outcomes_have_their_own_colours(bot: Harness) -> None:
    seed(bot, outcome="escalated")
    seed(bot, outcome="resolved", ago=DAY)
    assert colours_in(chart(bot, "by outcome 7d", 1)) == {
        OUTCOME_COLOURS["escalated"],
        OUTCOME_COLOURS["resolved"],
    }
    assert "by `category` (the default) or by `outcome`" in ask(bot, "chart by heat").args["text"]


def test_the_palette_is_okabe_ito_one_colour_each() -> None:
    assert len(OKABE_ITO) == len(set(OKABE_ITO)) == 8
    named = [c for c in BUILT_IN_CATEGORIES.values() if c != GREY]
    assert len(set(named)) == len(named) and set(named) <= set(OKABE_ITO)
    assert len(set(OUTCOME_COLOURS.values())) == 4 <= len(set(OKABE_ITO))
    # a team's own categories take the spare colours in content order, then grey
    extra = category_colours(["billing", "returns", "warranty", "misc"])
    assert extra["billing"] == BUILT_IN_CATEGORIES["billing"]
    assert len({extra["returns"], extra["warranty"], *named}) == len(named) + 2
    assert extra["misc"] == GREY
