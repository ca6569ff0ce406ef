""" "Helpful" votes: one per person per tip, however often the button is pressed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.store import Store

FEEDBACK = "tip_feedback"


class Feedback:
    def __init__(self, store: Store) -> None:
        self.store = store

    def helpful(self, tip_id: str, user: str, now: datetime, channel: str | None = None) -> bool:
        """Count `user`'s vote for `tip_id`, read in `channel` (for the managers' tip report);
        False if they had already voted for it."""
        vote = {"tip": tip_id, "user": user, "at": now.astimezone(UTC).isoformat()}
        if channel:
            vote["channel"] = channel
        return self.store.claim(FEEDBACK, f"{tip_id}:{user}", vote)

    def count(self, tip_id: str) -> int:
        return len(self.store.scan(FEEDBACK, lambda doc: doc.get("tip") == tip_id))
