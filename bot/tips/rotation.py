"""Which tip comes next: every deck walks the whole catalogue, shuffled, before any tip repeats.

A deck is a channel (the daily post) or a person (`/tip`, "Another tip"). The order of a round
is the catalogue sorted by a hash of (deck, round, tip id): deterministic per deck, different
for every deck and round, and stable when the catalogue changes — a new tip slots into the
current round without reshuffling the rest, and a deleted tip simply never comes up.
The store keeps, per deck, the round number and the tips already shown in it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.store import Doc, Store

ROTATIONS = "tip_rotations"


@dataclass(frozen=True)
class RoundState:
    round: int
    shown: frozenset[str]
    last: str | None  # the tip shown most recently, so a new round does not open with it


def channel_deck(channel: str) -> str:
    return f"channel:{channel}"


def user_deck(user: str) -> str:
    return f"user:{user}"


def round_order(deck: str, round_number: int, tip_ids: Iterable[str]) -> list[str]:
    def rank(tip_id: str) -> str:
        return hashlib.sha256(f"{deck}\n{round_number}\n{tip_id}".encode()).hexdigest()

    return sorted(tip_ids, key=rank)


class Rotation:
    def __init__(self, store: Store) -> None:
        self.store = store

    def state(self, deck: str) -> RoundState:
        doc = self.store.get(ROTATIONS, deck) or {}
        return RoundState(
            round=int(doc.get("round", 0)),
            shown=frozenset(doc.get("shown", ())),
            last=doc.get("last"),
        )

    def remaining(self, deck: str, catalogue: Sequence[str]) -> int:
        """How many tips of the catalogue this deck has not shown in its current round."""
        shown = self.state(deck).shown
        return sum(1 for tip_id in catalogue if tip_id not in shown)

    def peek(
        self,
        deck: str,
        catalogue: Sequence[str],
        *,
        among: Sequence[str] | None = None,
        avoid: Iterable[str] = (),
    ) -> str | None:
        """The next tip for `deck` without using it up; None if the catalogue is empty.

        `among` narrows the choice (a topic), `avoid` rules tips out (the one on screen);
        when that leaves nothing new in this round, a repeat is better than no tip.
        """
        state = self.state(deck)
        pool = set(among if among is not None else catalogue)
        ruled_out = set(avoid)
        if state.last is not None and len(pool) > 1:
            ruled_out.add(state.last)
        candidates = [t for t in pool if t not in ruled_out] or sorted(pool)
        if not candidates:
            return None
        fresh = [t for t in candidates if t not in state.shown]
        if fresh:
            return round_order(deck, state.round, fresh)[0]
        return round_order(deck, state.round + 1, candidates)[0]

    def mark_shown(self, deck: str, tip_id: str, catalogue: Sequence[str]) -> None:
        """Mark `tip_id` shown; once every tip of the catalogue is, the next round begins."""
        current = set(catalogue)

        def change(doc: Doc) -> Doc:
            round_number = int(doc.get("round", 0))
            shown = set(doc.get("shown", ())) & current  # deleted tips drop out
            if tip_id in shown:  # a repeat (a topic exhausted its tips): the round moves on
                round_number, shown = round_number + 1, set()
            shown.add(tip_id)
            if shown >= current:
                round_number, shown = round_number + 1, set()
            return {"round": round_number, "shown": sorted(shown), "last": tip_id}

        self.store.claim(ROTATIONS, deck, {"round": 0, "shown": [], "last": None})
        self.store.update(ROTATIONS, deck, change)

    def take(
        self,
        deck: str,
        catalogue: Sequence[str],
        *,
        among: Sequence[str] | None = None,
        avoid: Iterable[str] = (),
    ) -> str | None:
        """peek() and record() in one: for tips shown at once, privately."""
        tip_id = self.peek(deck, catalogue, among=among, avoid=avoid)
        if tip_id is not None:
            self.mark_shown(deck, tip_id, catalogue)
        return tip_id
