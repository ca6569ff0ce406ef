"""Tips and the phrasebook never disagree: every wording a tip suggests (its `wording`, and any
phrase quoted in its advice as words to say) passes /rephrase with no medium or high finding.
Phrases a tip quotes as words to AVOID are named here, each with the tip that warns of it."""

from __future__ import annotations

import re

import pytest

from bot.content import Content, Tip, load_content
from bot.rephrase.engine import Engine
from tests.harness import Harness

_QUOTED = re.compile(r"\"([^\"]+)\"|\u201c([^\u201d]+)\u201d")
# Quoted in a tip's advice as what not to say: these are meant to be flagged, or at least not
# offered as wording. Keyed by tip id.
WARNED_AGAINST = {"acknowledge-the-feeling": {"I know how you feel"}}
SERIOUS = ("medium", "high")


def suggested(tip: Tip) -> list[str]:
    quoted = [a or b for a, b in _QUOTED.findall(tip.body)]
    avoid = WARNED_AGAINST.get(tip.id, set())
    return [
        phrase for phrase in ([tip.wording] if tip.wording else []) + quoted if phrase not in avoid
    ]


WORDINGS = [(tip.id, phrase) for tip in load_content().tips for phrase in suggested(tip)]


def test_every_wording_is_checked(content: Content) -> None:
    assert {tip.id for tip in content.tips if tip.wording} <= {tip_id for tip_id, _ in WORDINGS}


def test_no_tip_suggests_what_the_phrasebook_flags(content: Content) -> None:
    engine = Engine(content)
    disagreements = [
        (tip_id, phrase, [(f.rule, f.severity) for f in engine.findings(phrase)])
        for tip_id, phrase in WORDINGS
        if any(f.severity in SERIOUS for f in engine.findings(phrase))
    ]
    assert disagreements == []


def test_no_tip_advises_i_know_how_you_feel(content: Content) -> None:
    """Many trainers advise against it: it claims a feeling instead of naming theirs."""
    for tip in content.tips:
        assert "know how you feel" not in (tip.wording or "").lower(), tip.id


@pytest.mark.parametrize(("tip_id", "phrase"), WORDINGS)
def test_every_tip_wording_passes_rephrase_in_slack(bot: Harness, tip_id: str, phrase: str) -> None:
    bot.command("/rephrase", phrase)
    shown = bot.text(bot.wait("response_url"))
    assert not any(f"({severity})" in shown for severity in SERIOUS), (tip_id, shown)
