"""One colour per category and per outcome, the same in every chart.

The colours are Okabe and Ito's palette, told apart by people with the common colour-vision
deficiencies. Built-in categories and outcomes have a fixed colour by name, so a chart of
any period, filter or team shows billing in the same blue; a team's own categories take the
palette's two spare colours in the order its content lists them, then grey.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.calllog.model import OUTCOMES

# Okabe & Ito (2008), "Color Universal Design".
BLUE = "#0072B2"
ORANGE = "#E69F00"
BLUISH_GREEN = "#009E73"
REDDISH_PURPLE = "#CC79A7"
SKY_BLUE = "#56B4E9"
VERMILLION = "#D55E00"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#999999"  # "other" and anything beyond the palette

OKABE_ITO = (ORANGE, SKY_BLUE, BLUISH_GREEN, YELLOW, BLUE, VERMILLION, REDDISH_PURPLE, BLACK)

BUILT_IN_CATEGORIES = {
    "billing": BLUE,
    "shipping": ORANGE,
    "product": BLUISH_GREEN,
    "account": REDDISH_PURPLE,
    "technical": SKY_BLUE,
    "other": GREY,
}
OUTCOME_COLOURS = {
    "resolved": BLUISH_GREEN,
    "escalated": VERMILLION,
    "callback promised": SKY_BLUE,
    "unresolved": REDDISH_PURPLE,
}
assert set(OUTCOME_COLOURS) == set(OUTCOMES), "every outcome needs its colour"


def category_colours(categories: Sequence[str]) -> dict[str, str]:
    """Each category's colour: built-ins by name, the rest by their place in the content."""
    # Black is left out: the chart's text and axes are black.
    spare = [c for c in (VERMILLION, YELLOW) if c not in BUILT_IN_CATEGORIES.values()]
    colours: dict[str, str] = {}
    for category in categories:
        if category in BUILT_IN_CATEGORIES:
            colours[category] = BUILT_IN_CATEGORIES[category]
        else:
            colours[category] = spare.pop(0) if spare else GREY
    return colours
