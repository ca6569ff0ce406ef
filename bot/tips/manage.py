"""What `/tips` does to a channel's schedule: the private reply, and the notice the channel
gets about any change (who made it, how to undo it), kept in the channel's history."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.content import Content
from bot.holiday_calendar import UnknownCalendar, check_calendar
from bot.leases import SENT, Lease, Leases, record_key
from bot.recurring import Recurrence, days_label
from bot.schedule_text import Zone, date_text, time_text
from bot.store import Store
from bot.tips import history
from bot.tips.posting import TIP_KIND
from bot.tips.schedule_args import (
    EXAMPLE_ON,
    ArgsError,
    Holidays,
    ShowStatus,
    Skip,
    TipsCommand,
    TurnOff,
    TurnOn,
    Unskip,
    on_command,
)
from bot.tips.schedules import ChannelSchedule, Schedules, from_doc, to_doc
from bot.tips.status import StatusText

NOT_ON = f"Daily tips are not on in this channel. Turn them on with `{EXAMPLE_ON}`."
REMEMBERED = "tip_schedules_off"  # the schedule a channel had when tips were turned off


@dataclass(frozen=True)
class Outcome:
    reply: str  # to the person, privately
    notice: str | None = None  # to the channel: what changed, by whom, how to undo it


class TipsManager:
    def __init__(
        self,
        store: Store,
        content: Content,
        catch_up: timedelta,
        admins: frozenset[str] = frozenset(),
        *,
        schedules: Schedules | None = None,
        leases: Leases | None = None,
    ) -> None:
        self.store = store
        self.content = content
        self.admins = admins
        # Shared with the tips poster, whose timetable rebuilds when a schedule changes here.
        self.schedules = schedules or Schedules(store)
        self.status = StatusText(store, content, catch_up)
        # `/tips now` takes today's post through the outbox's leases, like the schedule does.
        self.leases = leases or Leases(store, "tips-now", timedelta(minutes=2))

    def today(self, channel: str, default_zone: str, now: datetime) -> date:
        """The channel's local date: what `tomorrow` and `friday` count from."""
        current = self.schedules.get(channel) or self.remembered(channel)
        zone = current.recurrence.zone if current else default_zone
        return now.astimezone(Zone(zone).info).date()

    def may_change(self, user: str) -> str | None:
        """None if `user` may change tips here; else the refusal to show them."""
        if not self.admins or user in self.admins:
            return None
        named = ", ".join(f"<@{admin}>" for admin in sorted(self.admins))
        return (
            f"Only {named} can change the daily tips in this workspace (BOT_TIPS_ADMINS). "
            "Ask one of them; `/tips status` shows the schedule."
        )

    def apply(self, command: TipsCommand, channel: str, user: str, now: datetime) -> Outcome:
        """Carry out the command. ArgsError for a date in the past or an unknown calendar."""
        current = self.schedules.get(channel)
        if isinstance(command, ShowStatus):
            return Outcome(self.show(channel, current, now))
        refusal = self.may_change(user)
        if refusal is not None:
            return Outcome(refusal)
        if isinstance(command, TurnOn):
            return self._turn_on(command, channel, user, now, current)
        if isinstance(command, Holidays) and command.calendar is not None:
            command = Holidays(_calendar(command.calendar))  # a wrong code is named first
        if current is None:
            return Outcome(self.show(channel, None, now))
        if isinstance(command, TurnOff):
            self.store.put(REMEMBERED, channel, to_doc(current))
            self.schedules.remove(channel)
            undo = on_command(current.recurrence)
            self._log(channel, user, now, "turned daily tips off")
            return Outcome(
                f"Daily tips are now off in this channel. `{undo}` turns them back on where "
                "the rotation left off.",
                f"<@{user}> turned the daily tips off in this channel. `{undo}` turns them "
                "back on.",
            )
        if isinstance(command, Skip):
            return self._skip(command, channel, user, now, current)
        if isinstance(command, Unskip):
            return self._unskip(command, channel, user, now, current)
        assert isinstance(command, Holidays), "the Slack edge posts `/tips now` itself"
        return self._holidays(command, channel, user, now)

    def show(self, channel: str, current: ChannelSchedule | None, now: datetime) -> str:
        if current is not None:
            return "Daily tips in this channel: " + self.status.describe(current, now)
        remembered = self.remembered(channel)
        if remembered is None:
            return NOT_ON
        lines = [
            "Daily tips are off in this channel. "
            f"`{on_command(remembered.recurrence)}` turns them back on as they were, "
            "where the rotation left off.",
            *self.status.changes(channel, remembered),
        ]
        return "\n".join(lines)

    def remembered(self, channel: str) -> ChannelSchedule | None:
        doc = self.store.get(REMEMBERED, channel)
        return None if doc is None else from_doc(doc)

    def claim_today(self, channel: str, default_zone: str, now: datetime) -> Lease | None:
        """Lease today's tip for `/tips now`, marked sending, so the scheduled post does not
        repeat it; None if today's tip already went out (or is going out right now)."""
        today = self.today(channel, default_zone, now).isoformat()
        fields = {"kind": TIP_KIND, "target": channel, "slot": today}
        lease = self.leases.take(record_key(TIP_KIND, channel, today), fields, now)
        if lease is None or not self.leases.sending(lease, now):
            return None
        return lease

    def release_today(self, lease: Lease, now: datetime) -> None:
        """Give the day back after a post that certainly failed: the schedule may post it."""
        self.leases.release(lease, now, "posting now failed")

    def posted_today(self, lease: Lease, now: datetime, ts: str | None) -> None:
        self.leases.finish(lease, SENT, now, ts=ts)

    def _turn_on(
        self,
        command: TurnOn,
        channel: str,
        user: str,
        now: datetime,
        current: ChannelSchedule | None,
    ) -> Outcome:
        kept = current or self.remembered(channel)
        old = kept.recurrence if kept else Recurrence(command.at, command.zone)
        recurrence = replace(old, at=command.at, zone=str(command.zone), days=command.days)
        schedule = ChannelSchedule(channel, recurrence, user, now)
        self.schedules.save(schedule)
        self.store.delete(REMEMBERED, channel)
        what = f"{time_text(command.at)} {command.zone}, {days_label(command.days)}"
        if current is None:
            self._log(channel, user, now, f"turned daily tips on ({what})")
            notice = f"<@{user}> turned daily tips on here: {what}. `/tips off` turns them off."
            verb = "now"
        else:
            self._log(channel, user, now, f"changed the daily tips to {what}")
            notice = (
                f"<@{user}> changed the daily tips here to {what}. "
                f"`{on_command(current.recurrence)}` puts them back as they were."
            )
            verb = "changed; they're now"
        reply = f"Daily tips are {verb} on in this channel: {self.status.describe(schedule, now)}"
        return Outcome(reply, notice)

    def _skip(
        self, command: Skip, channel: str, user: str, now: datetime, current: ChannelSchedule
    ) -> Outcome:
        today = current.recurrence.local_day(now)
        for day in command.days:
            if day < today:
                raise ArgsError(
                    f"`{day.isoformat()}` is in the past here (today is {today.isoformat()}). "
                    "For example: `/tips skip tomorrow`"
                )
        changed = self.schedules.set_skip(channel, current.recurrence.skip | set(command.days))
        assert changed is not None
        days = ", ".join(date_text(day) for day in sorted(set(command.days)))
        not_due = [day for day in command.days if day.weekday() not in current.recurrence.days]
        aside = " (no tip was due on a day off anyway)" if not_due else ""
        undo = "`/tips unskip " + sorted(command.days)[0].isoformat() + "`"
        self._log(channel, user, now, f"skipped {days}")
        return Outcome(
            f"No tip on {days}{aside}. Next tip: {self.status.next_post(changed, now)}. "
            f"{undo} brings a date back.",
            f"<@{user}> turned off the daily tip here for {days}. {undo} brings it back.",
        )

    def _unskip(
        self, command: Unskip, channel: str, user: str, now: datetime, current: ChannelSchedule
    ) -> Outcome:
        skip = current.recurrence.skip
        if command.day is not None and command.day not in skip:
            raise ArgsError(f"`{command.day.isoformat()}` was not skipped. " + _skipped_list(skip))
        dropped = skip if command.day is None else frozenset({command.day})
        if not dropped:
            return Outcome(
                "No dates were skipped, so nothing changed. " + self.status.describe(current, now)
            )
        changed = self.schedules.set_skip(channel, skip - dropped)
        assert changed is not None
        days = ", ".join(date_text(day) for day in sorted(dropped))
        self._log(channel, user, now, f"brought back {days}")
        return Outcome(
            f"Tips are back on for {days}. Next tip: {self.status.next_post(changed, now)}.",
            f"<@{user}> brought back the daily tip here for {days}.",
        )

    def _holidays(self, command: Holidays, channel: str, user: str, now: datetime) -> Outcome:
        calendar = command.calendar
        changed = self.schedules.set_holidays(channel, calendar)
        assert changed is not None
        if calendar is None:
            self._log(channel, user, now, "stopped skipping public holidays")
            return Outcome(
                "Public holidays no longer skip the tip. " + self.status.describe(changed, now),
                f"<@{user}> set the daily tips here to post on public holidays too. "
                "`/tips holidays CODE` (such as GB) skips them again.",
            )
        self._log(channel, user, now, f"set {calendar} public holidays to be skipped")
        return Outcome(
            f"No tip on {calendar} public holidays. " + self.status.describe(changed, now),
            f"<@{user}> set the daily tips here to skip {calendar} public holidays. "
            "`/tips holidays off` posts on them again.",
        )

    def _log(self, channel: str, user: str, now: datetime, what: str) -> None:
        history.record(self.store, channel, history.Change(user, now, what))


def _calendar(name: str) -> str:
    try:
        return check_calendar(name)
    except UnknownCalendar as unknown:
        raise ArgsError(
            f"{unknown}. For example: `/tips holidays GB`, `/tips holidays US-CA`"
        ) from None


def _skipped_list(skip: frozenset[date]) -> str:
    if not skip:
        return "No dates are skipped, so there is nothing to unskip."
    days = sorted(skip)
    return (
        "Skipped dates: " + ", ".join(day.isoformat() for day in days) + ". "
        f"For example: `/tips unskip {days[0].isoformat()}`, or `/tips unskip` for all of them."
    )
