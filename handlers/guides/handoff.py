"""The hand-off from the guide to the call log: what the form is prefilled with."""

from __future__ import annotations

from bot.content import Content
from bot.guides.state import GuideState, guide_or_none
from bot.text import escape
from handlers.calllog.modal import CallPrefill


def call_prefill(content: Content, state: GuideState | None) -> CallPrefill:
    """The guide named in the notes (with a space after, to type on) and the steps walked
    ticked. A card from a guide that no longer exists still opens an empty form."""
    guide = guide_or_none(content, state.guide) if state else None
    if state is None or guide is None:
        return CallPrefill()
    return CallPrefill(notes=f"Guide used: {guide.name}. ", steps=state.visited)


def form_note(content: Content, state: GuideState | None) -> str:
    """The line above the form saying where its ticks came from (mrkdwn, so escaped)."""
    guide = guide_or_none(content, state.guide) if state else None
    if guide is None:
        return ""
    return f"From the *{escape(guide.name)}* guide: the steps you walked are ticked."
