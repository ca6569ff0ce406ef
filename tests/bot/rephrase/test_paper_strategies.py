"""The paper's wider strategy definitions, as the politeness score reads them."""

from __future__ import annotations

import pytest

from bot.rephrase.politeness import Politeness


@pytest.fixture(scope="module")
def politeness() -> Politeness:
    return Politeness()


@pytest.mark.parametrize(
    ("text", "strategy"),
    [
        ("Hi, could you check the order?", "counterfactual"),
        ("Sorry, would you mind resending it?", "counterfactual"),
        ("OK, can you send the receipt?", "indicative"),
        ("So what is the order number?", "direct_question"),
        ("Thankyou for waiting.", "gratitude"),
        ("In my opinion the refund is the better route.", "hedges"),
        ("I doubt the parcel is lost.", "hedges"),
    ],
)
def test_the_paper_definition_is_found(politeness: Politeness, text: str, strategy: str) -> None:
    assert strategy in politeness.strategies(text)


@pytest.mark.parametrize(
    ("text", "strategy"),
    [
        ("Could we check it together?", "counterfactual"),
        ("The thing is that what we sent was right.", "direct_question"),
        ("You should restart the router.", "hedges"),
    ],
)
def test_near_misses_are_not(politeness: Politeness, text: str, strategy: str) -> None:
    assert strategy not in politeness.strategies(text)
