from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.content import Content, GuideStep
from bot.guides.hold_timer import HoldTimer
from bot.guides.state import BLOCK_ID_LIMIT, GuideState, decode
from bot.schedule_text import Zone
from handlers.block_limits import message_problems, view_problems
from handlers.guides.cards import (
    LIST_TEXT,
    list_blocks,
    no_match_blocks,
    no_match_text,
    nudge_message,
    quote,
    step_blocks,
    step_text,
    step_view,
    thanks_blocks,
)
from handlers.ids import GuideAction

ZONE = Zone("America/Chicago")
HOLD = HoldTimer("U1", datetime(2026, 11, 30, 14, 0, tzinfo=UTC), "C1")


def _buttons(blocks: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {
        element["action_id"]: element
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    }


def _mrkdwn(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [str(node["text"])] if node.get("type") == "mrkdwn" else []
        return own + [t for value in node.values() for t in _mrkdwn(value)]
    if isinstance(node, list):
        return [t for item in node for t in _mrkdwn(item)]
    return []


def test_every_step_of_every_guide_is_within_block_kit_limits(content: Content) -> None:
    for guide in content.guides:
        for number in range(len(guide.steps)):
            state = GuideState(guide.id, number, tuple(f"general:{n}" for n in range(1, 10)))
            for hold in (None, HOLD):
                blocks = step_blocks(content, state, hold, ZONE)
                assert message_problems(blocks, step_text(content, state)) == []
                assert view_problems(step_view(content, state, hold, ZONE)) == []
                assert all(len(b.get("block_id", "")) <= BLOCK_ID_LIMIT for b in blocks)


def test_buttons_lead_where_they_say(content: Content) -> None:
    guide = content.general_guide
    first = _buttons(step_blocks(content, GuideState.start(guide.id), None, ZONE))
    assert GuideAction.BACK not in first and GuideAction.START_OVER not in first
    middle_state = GuideState.start(guide.id).go(1).go(2)
    middle = _buttons(step_blocks(content, middle_state, None, ZONE))
    assert decode(str(middle[GuideAction.NEXT]["value"]), content) == middle_state.go(3)
    assert decode(str(middle[GuideAction.BACK]["value"]), content) == middle_state.go(1)
    assert decode(str(middle[GuideAction.START_OVER]["value"]), content) == middle_state.go(0)
    assert GuideAction.LOG in middle and GuideAction.DONE not in middle  # log at any step
    last = _buttons(step_blocks(content, middle_state.go(len(guide.steps) - 1), None, ZONE))
    assert GuideAction.NEXT not in last
    assert GuideAction.LOG in last and GuideAction.DONE in last
    on_hold = _buttons(step_blocks(content, middle_state, HOLD, ZONE))
    assert GuideAction.RESUME in on_hold and GuideAction.HOLD not in on_hold


def test_team_content_is_escaped(content: Content) -> None:
    general = content.general_guide
    nasty = GuideStep("<!channel> title", "do <@U1> & more", "say <!here>", general.steps[0].tips)
    guide = replace(general, name="<!everyone>", steps=(nasty, *general.steps[1:]))
    team = replace(content, guides=(guide, *content.scenarios))
    state = GuideState.start("general")
    # plain_text (button labels, menu options) is never parsed for mentions; mrkdwn is.
    sent = "\n".join(_mrkdwn(step_blocks(team, state, None, ZONE))) + step_text(team, state)
    for ping in ("<!channel>", "<@U1>", "<!here>", "<!everyone>"):
        assert ping not in sent
    assert "&lt;!channel&gt; title" in sent and "&amp; more" in sent


def test_quote_sets_every_line_apart() -> None:
    assert quote("one\ntwo <x>") == ">one\n>two &lt;x&gt;"


@pytest.mark.parametrize("typed", ["zebra", "<!channel>" * 500, "x" * 5000])
def test_no_match_reply_is_within_limits_and_escaped(content: Content, typed: str) -> None:
    blocks = no_match_blocks(content, typed)
    assert message_problems(blocks, no_match_text(typed)) == []
    assert "<!channel>" not in json.dumps(blocks) + no_match_text(typed)


def test_nudge_thanks_and_list_are_within_limits(content: Content) -> None:
    assert message_problems(list_blocks(content), LIST_TEXT) == []
    nudge = nudge_message(content)
    assert message_problems(nudge["blocks"], nudge["text"]) == []
    assert "Thank you for holding" in nudge["text"]
    assert message_problems(thanks_blocks()) == []
