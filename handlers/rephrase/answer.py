"""One answer for every surface (slash command, modal, shortcut, button): text and blocks."""

from __future__ import annotations

from dataclasses import dataclass

from slack_bolt import BoltContext

from bot.clock import Clock
from bot.content import Content
from bot.rephrase.engine import MAX_DRAFT, Engine
from bot.store import Store
from handlers.blocks import Block
from handlers.context import services_of
from handlers.rephrase.blocks import (
    answer_blocks,
    empty_text,
    has_alternatives,
    summary_text,
    too_long_text,
)
from handlers.rephrase.state import WordingState, encode


@dataclass(frozen=True)
class Answer:
    text: str
    blocks: list[Block] | None = None


def problem(draft: str) -> str | None:
    """Why this draft can't be checked (empty, too long), or None."""
    if not draft.strip():
        return empty_text()
    if len(draft) > MAX_DRAFT:
        return too_long_text(len(draft))
    return None


def rephrase_answer(
    draft: str,
    *,
    engine: Engine,
    content: Content,
    store: Store,
    clock: Clock,
    user: str,
    variant: int = 0,
) -> Answer:
    refusal = problem(draft)
    if refusal is not None:
        return Answer(refusal)
    analysis = engine.analyse(draft, variant=variant)
    value = None
    if has_alternatives(analysis):
        value = encode(WordingState(draft, variant + 1), store, clock, user)
    return Answer(summary_text(analysis), answer_blocks(analysis, content, variant, value))


def answer_for(context: BoltContext, draft: str, user: str, variant: int = 0) -> Answer:
    """The one way every /rephrase surface (command, modal, shortcut, button) answers."""
    services = services_of(context)
    return rephrase_answer(
        draft,
        engine=services.rephrase,
        content=services.content,
        store=services.store,
        clock=services.clock,
        user=user,
        variant=variant,
    )
