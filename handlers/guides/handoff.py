"""The hand-off from the guide to the call log: what the form is prefilled with."""

from __future__ import annotations

from collections.abc import Sequence

from bot.content import Content, Guide
from bot.guides.state import GuideState, guide_or_none
from bot.text import escape
from handlers.calllog.modal import CallPrefill


def walked(content: Content, state: GuideState) -> list[Guide]:
    """Every guide the agent walked, first visited first, ending with the one on screen."""
    ids = dict.fromkeys([*(ref.rpartition(":")[0] for ref in state.visited), state.guide])
    return [guide for guide_id in ids if (guide := guide_or_none(content, guide_id))]


def call_prefill(content: Content, state: GuideState | None) -> CallPrefill:
    """Every guide walked named in the notes (with a space after, to type on) and the steps
    walked ticked. A card from a guide that no longer exists still opens an empty form."""
    if state is None or guide_or_none(content, state.guide) is None:
        return CallPrefill()
    guides = walked(content, state)
    label = "Guide used" if len(guides) == 1 else "Guides used"
    return CallPrefill(notes=f"{label}: {_names(guides)}. ", steps=state.visited)


def form_note(content: Content, state: GuideState | None) -> str:
    """The line above the form saying where its ticks came from (mrkdwn, so escaped)."""
    if state is None or guide_or_none(content, state.guide) is None:
        return ""
    guides = walked(content, state)
    which = "guide" if len(guides) == 1 else "guides"
    named = _names([f"*{escape(guide.name)}*" for guide in guides])
    return f"From the {named} {which}: the steps you walked are ticked."


def _names(guides: Sequence[Guide | str]) -> str:
    names = [guide if isinstance(guide, str) else guide.name for guide in guides]
    return ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
