"""Recording, changing and following up calls: masking, storage and reminders in one place.

Handlers and jobs call this; it knows nothing about Slack. Rules that protect the record live
here: sensitive data is masked before anything is stored, only the author may change a call,
and only within a day of logging it, so what managers coach from stays what was reported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.calllog.log import CallLog
from bot.calllog.masking import KINDS, Masker, masker_for
from bot.calllog.model import CallInput, CallRecord
from bot.calllog.once import RepeatGuard, repeat_key
from bot.calllog.reminders import Reminder, Reminders
from bot.clock import Clock
from bot.store import Store

EDIT_WINDOW = timedelta(hours=24)
MINE_LIMIT = 10


class CallLogError(Exception):
    """An expected refusal; the message is shown to the agent as it is."""


@dataclass(frozen=True)
class Edited:
    record: CallRecord
    masked: tuple[str, ...]  # the kinds masked in what THIS save was given (not earlier ones)


@dataclass(frozen=True)
class Logged:
    record: CallRecord
    repeated: bool = False  # the same call was already stored: this is that one, not a copy


@dataclass(frozen=True)
class Mine:
    recent: list[CallRecord]  # newest first, at most MINE_LIMIT
    open_follow_ups: list[CallRecord]  # soonest due first, however old the call


class CallService:
    def __init__(
        self, store: Store, clock: Clock, zone: ZoneInfo, masker: Masker | None = None
    ) -> None:
        self.masker = masker or masker_for()
        self.log = CallLog(store)
        self.reminders = Reminders(store)
        self.repeats = RepeatGuard(store, clock.now)
        self.clock = clock
        self.zone = zone

    # --- logging and changing -----------------------------------------------------------------

    def log_call(self, team: str, agent: str, given: CallInput) -> CallRecord:
        """Mask, store, and schedule the follow-up reminder if a callback was promised."""
        record = self.log.add(
            CallRecord(
                id="",
                team=team,
                agent=agent,
                created_at=self.clock.now(),
                **_given_fields(self.masker, given),
            )
        )
        if record.follow_up_due is not None:
            self.reminders.schedule(record.id, agent, record.follow_up_due)
        return record

    def masked_kinds(self, given: CallInput) -> tuple[str, ...]:
        """What saving `given` masks, this save alone (the record lists every save's kinds)."""
        texts = [given.notes, given.reference or ""]
        found = {kind for text in texts for kind in self.masker.mask(text).kinds}
        return tuple(kind for kind in KINDS if kind in found)

    def log_once(self, team: str, agent: str, given: CallInput) -> Logged:
        """Log the call unless the agent sent this same call within the last few minutes; then
        hand back the one already stored (see `bot.calllog.once`)."""
        key = repeat_key(agent, given)
        claim = self.repeats.claim(key)
        if claim.pending:
            raise CallLogError(
                "This same call is being saved from your previous message at this moment; "
                "`/logcall mine` will list it in a few seconds. It will be stored once."
            )
        if claim.existing is not None:
            existing = self.log.get(claim.existing)
            if existing is not None:
                return Logged(existing, repeated=True)
            self.repeats.release(key)  # deleted since: this is a new call after all
            return self.log_once(team, agent, given)
        try:
            record = self.log_call(team, agent, given)
        except BaseException:
            self.repeats.release(key)  # nothing stored: a retry must be free to store it
            raise
        self.repeats.stored(key, record.id)
        self.repeats.forget_old()
        return Logged(record)

    def editable(self, record: CallRecord, agent: str) -> bool:
        return record.agent == agent and self.clock.now() - record.created_at < EDIT_WINDOW

    def for_change(self, call_id: str, agent: str) -> CallRecord:
        """The call, if `agent` may still change it; otherwise CallLogError says why."""
        record = self._own(call_id, agent, "change it")
        if not self.editable(record, agent):
            raise CallLogError(
                f"Call #{call_id} was logged more than 24 hours ago, so it can no longer be "
                "changed. Ask your manager if it needs correcting."
            )
        return record

    def edit(self, call_id: str, agent: str, given: CallInput) -> Edited:
        """Replace the author's call; created_at stays, updated_at is now."""
        old = self.for_change(call_id, agent)
        promise_moved = given.follow_up_due != old.follow_up_due
        fields = _given_fields(self.masker, given)
        masked_now = fields["masked_kinds"]
        # The record keeps every kind ever masked in it: tags from earlier saves may still be
        # in the text. The confirmation names only what this save masked.
        kinds = {*masked_now, *old.masked_kinds}
        fields["masked_kinds"] = tuple(kind for kind in KINDS if kind in kinds)
        fields["masked"] = bool(kinds)
        new = replace(
            old,
            **fields,
            follow_up_done_at=None if promise_moved else old.follow_up_done_at,
            updated_at=self.clock.now(),
        )
        self.log.save(new)
        if promise_moved:
            self.reminders.cancel(call_id)
            if new.follow_up_due is not None:
                self.reminders.schedule(call_id, agent, new.follow_up_due)
        return Edited(new, masked_now)

    def delete(self, call_id: str, agent: str) -> CallRecord:
        record = self.for_change(call_id, agent)
        self.log.delete(call_id)
        self.reminders.cancel(call_id)
        return record

    def mine(self, agent: str) -> Mine:
        # Two index lookups: the newest calls, and the promises (few) still open.
        open_ones = sorted(
            self.log.open_follow_ups(agent), key=lambda r: r.follow_up_due or r.created_at
        )
        return Mine(self.log.by_agent(agent, MINE_LIMIT), open_ones)

    # --- follow-ups ---------------------------------------------------------------------------

    def follow_up_done(self, call_id: str, agent: str) -> CallRecord:
        """Record that the promise was kept (the first time counts)."""
        record = self._own(call_id, agent)
        if record.follow_up_done_at is None:
            record = replace(record, follow_up_done_at=self.clock.now())
            self.log.save(record)
        self.reminders.cancel(call_id)
        return record

    def snooze(self, call_id: str, agent: str, until: datetime) -> CallRecord:
        """Remind again at `until`; the promised time on the call stays as it was."""
        record = self._own(call_id, agent)
        if record.follow_up_done_at is not None:
            raise CallLogError(f"The follow-up for call #{call_id} is already marked done.")
        self.reminders.schedule(call_id, agent, until)
        return record

    def due_reminders(self, now: datetime) -> list[tuple[Reminder, CallRecord]]:
        """Reminders due at `now`, with their call; a reminder whose call was deleted or whose
        follow-up was done meanwhile is dropped here."""
        found = []
        for reminder in self.reminders.due(now):
            record = self.log.get(reminder.call_id)
            if record is None or not record.follow_up_open():
                self.reminders.cancel(reminder.call_id)
                continue
            found.append((reminder, record))
        return found

    def still_due(self, reminder: Reminder) -> CallRecord | None:
        """The call, if its reminder is still the one to send (not done, cancelled or moved)."""
        current = self.reminders.get(reminder.call_id)
        record = self.log.get(reminder.call_id)
        if current != reminder or record is None or not record.follow_up_open():
            return None
        return record

    def _own(self, call_id: str, agent: str, doing: str = "do that") -> CallRecord:
        """The call, if it exists and `agent` logged it; otherwise CallLogError says why."""
        record = self.log.get(call_id)
        if record is None:
            raise CallLogError(f"Call #{call_id} no longer exists; it may have been deleted.")
        if record.agent != agent:
            raise CallLogError(f"Only the person who logged call #{call_id} can {doing}.")
        return record


def _given_fields(masker: Masker, given: CallInput) -> dict[str, Any]:
    """The record's fields from what the agent gave, with notes and reference masked."""
    notes = masker.mask(given.notes)
    reference = masker.mask(given.reference) if given.reference else None
    found = {*notes.kinds, *(reference.kinds if reference else ())}
    kinds = tuple(kind for kind in KINDS if kind in found)
    return {
        "category": given.category,
        "heat": given.heat,
        "outcome": given.outcome,
        "notes": notes.text,
        "contact": given.contact,
        "reference": reference.text if reference else None,
        "steps": given.steps,
        "follow_up_due": given.follow_up_due,
        "masked": bool(kinds),
        "masked_kinds": kinds,
    }
