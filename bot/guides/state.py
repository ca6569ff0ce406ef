"""Where an agent is in a guide, carried in the card's button values.

Cards keep no server-side session: every button holds the state it leads to, so a card keeps
working after a restart and any number of agents can use the guide at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from bot.content import Content, Guide

# Slack's limits for a button value and for a block_id (the scenario picker's state rides in
# its block's block_id, because a menu option's value is too short to hold it).
VALUE_LIMIT = 2000
BLOCK_ID_LIMIT = 255


@dataclass(frozen=True)
class GuideState:
    guide: str  # guide id
    step: int  # 0-based index into the guide's steps
    visited: tuple[str, ...] = ()  # "guide-id:step-number" (1-based), first visit first

    @classmethod
    def start(cls, guide_id: str, visited: tuple[str, ...] = ()) -> GuideState:
        return cls(guide_id, 0, visited).visit()

    def visit(self) -> GuideState:
        """This state with its own step recorded as visited."""
        here = step_ref(self.guide, self.step)
        return self if here in self.visited else replace(self, visited=(*self.visited, here))

    def go(self, step: int) -> GuideState:
        return replace(self, step=step).visit()

    def switch(self, guide_id: str) -> GuideState:
        """Step 1 of another guide, keeping the steps already walked."""
        return GuideState.start(guide_id, self.visited)

    def encode(self, limit: int = VALUE_LIMIT) -> str:
        visited = list(self.visited)
        while True:
            value = json.dumps(
                {"g": self.guide, "s": self.step, "v": _pack(visited)}, separators=(",", ":")
            )
            # Very long walks (large team guides) lose their oldest steps, never the card.
            if len(value) <= limit or not visited:
                return value
            visited.pop(0)


def step_ref(guide_id: str, step: int) -> str:
    return f"{guide_id}:{step + 1}"


def _pack(visited: list[str]) -> str:
    """["general:1", "general:2", "on-hold:1"] as "general:1,2;on-hold:1": short enough for a
    block_id even after a long walk."""
    runs: list[tuple[str, list[str]]] = []
    for ref in visited:
        guide, _, number = ref.rpartition(":")
        if runs and runs[-1][0] == guide:
            runs[-1][1].append(number)
        else:
            runs.append((guide, [number]))
    return ";".join(f"{guide}:{','.join(numbers)}" for guide, numbers in runs)


def _unpack(packed: str) -> tuple[str, ...]:
    refs: list[str] = []
    for run in filter(None, packed.split(";")):
        guide, _, numbers = run.rpartition(":")
        refs += [f"{guide}:{number}" for number in numbers.split(",") if number.isdigit()]
    return tuple(refs)


def decode(value: str, content: Content) -> GuideState | None:
    """The state in a button value, fitted to the current content; None if it no longer fits
    (the guide was removed) or the value is not ours."""
    try:
        raw: Any = json.loads(value)
        guide_id, step, visited = raw["g"], raw["s"], raw["v"]
    except (ValueError, TypeError, KeyError):
        return None
    if not (isinstance(guide_id, str) and isinstance(step, int) and isinstance(visited, str)):
        return None
    guide = guide_or_none(content, guide_id)
    if guide is None:
        return None
    # Steps may have been removed since the card was shown: stay within the guide.
    step = min(max(step, 0), len(guide.steps) - 1)
    return GuideState(guide_id, step, _unpack(visited))


def guide_or_none(content: Content, guide_id: str) -> Guide | None:
    try:
        return content.guide(guide_id)
    except KeyError:
        return None
