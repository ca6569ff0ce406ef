"""A logged difficult call, as stored. Plain data: no Slack, no storage details."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

CONTACTS: tuple[str, ...] = ("phone", "email", "chat", "social", "in person")
OUTCOMES: tuple[str, ...] = ("resolved", "escalated", "callback promised", "unresolved")
HEAT_RANGE = range(1, 6)
# The words the form shows beside each heat; the one-line /logcall accepts them too.
HEAT_LABELS: dict[int, str] = {1: "calm", 2: "tense", 3: "heated", 4: "angry", 5: "furious"}
NOTES_LIMIT = 3000


@dataclass(frozen=True)
class CallRecord:
    id: str
    team: str
    agent: str  # Slack user ID of the author
    created_at: datetime  # UTC
    category: str
    heat: int  # 1 (calm) to 5 (furious)
    outcome: str
    notes: str  # already masked: no card numbers, e-mails, phones, SSNs or IBANs
    contact: str = "phone"
    reference: str | None = None  # a customer or order reference, also masked
    steps: tuple[str, ...] = ()  # de-escalation steps used, as "guide-id:step-number"
    follow_up_due: datetime | None = None  # UTC; set when a callback was promised
    follow_up_done_at: datetime | None = None  # UTC; when the promise was kept
    updated_at: datetime | None = None
    masked: bool = False
    masked_kinds: tuple[str, ...] = field(default=())

    def follow_up_open(self) -> bool:
        return self.follow_up_due is not None and self.follow_up_done_at is None

    def follow_up_overdue(self, now: datetime) -> bool:
        return self.follow_up_open() and self.follow_up_due is not None and self.follow_up_due < now

    def to_doc(self) -> dict[str, Any]:
        doc = asdict(self)
        del doc["id"]
        for key in ("created_at", "follow_up_due", "follow_up_done_at", "updated_at"):
            doc[key] = doc[key].isoformat() if doc[key] is not None else None
        doc["steps"] = list(self.steps)
        doc["masked_kinds"] = list(self.masked_kinds)
        return doc

    @classmethod
    def from_doc(cls, key: str, doc: dict[str, Any]) -> CallRecord:
        def when(name: str) -> datetime | None:
            value = doc.get(name)
            return datetime.fromisoformat(value) if value else None

        created = when("created_at")
        assert created is not None, f"call {key} has no created_at"
        return cls(
            id=key,
            team=doc.get("team", ""),
            agent=doc["agent"],
            created_at=created,
            category=doc["category"],
            heat=int(doc["heat"]),
            outcome=doc["outcome"],
            notes=doc.get("notes", ""),
            contact=doc.get("contact", "phone"),
            reference=doc.get("reference"),
            steps=tuple(doc.get("steps", ())),
            follow_up_due=when("follow_up_due"),
            follow_up_done_at=when("follow_up_done_at"),
            updated_at=when("updated_at"),
            masked=bool(doc.get("masked", False)),
            masked_kinds=tuple(doc.get("masked_kinds", ())),
        )


@dataclass(frozen=True)
class CallInput:
    """What an agent gave for a call, before masking: from the form or the quick log."""

    category: str
    heat: int
    outcome: str
    notes: str
    contact: str = "phone"
    reference: str | None = None
    steps: tuple[str, ...] = ()
    follow_up_due: datetime | None = None  # UTC; only with a promised callback
