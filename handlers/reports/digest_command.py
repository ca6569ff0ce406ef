"""`/calls digest on|off|status`: setting up the weekly digest for a managers' channel.

Turning it on says so in the channel itself: it tells the team, and proves the bot may post
there. Run again with the same settings it changes nothing and says nothing in the channel;
with new settings it says what changed.
"""

from __future__ import annotations

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.reports.access import AuditEntry
from bot.reports.digest import (
    DigestError,
    DigestOff,
    DigestOn,
    DigestSchedule,
    parse_digest,
    remove_schedule,
    save_schedule,
    schedules,
)
from bot.reports.service import Reports

_NOT_A_MEMBER = ("not_in_channel", "channel_not_found", "is_archived")


def _when(schedule: DigestSchedule) -> str:
    return schedule.describe().removeprefix(f"<#{schedule.channel}> ")


def _same(one: DigestSchedule, other: DigestSchedule) -> bool:
    return (one.weekday, one.at, one.zone) == (other.weekday, other.at, other.zone)


def _turn_on(
    reports: Reports, client: WebClient, respond: Respond, user: str, schedule: DigestSchedule
) -> str | None:
    """Save the schedule and say so in the channel; the answer, or None if already answered."""
    existing = next((s for s in schedules(reports.store) if s.channel == schedule.channel), None)
    if existing is not None and _same(existing, schedule):
        return f"The weekly digest already goes to {existing.describe()}; nothing changed."
    verb = "set up" if existing is None else "moved"
    try:
        client.chat_postMessage(
            channel=schedule.channel,
            text=f"<@{user}> {verb} the weekly difficult-call digest here: {_when(schedule)}.",
        )
    except SlackApiError as error:
        if error.response.get("error") not in _NOT_A_MEMBER:
            raise
        respond(
            text=f"I can't post in <#{schedule.channel}> yet. Invite me there first "
            "(`/invite @Service Coach`), then try again.",
            response_type="ephemeral",
        )
        return None
    save_schedule(reports.store, schedule)
    if existing is None:
        return f"Done: the weekly digest goes to {schedule.describe()}."
    return f"Done: the weekly digest now goes to {schedule.describe()} (was {_when(existing)})."


def _turn_off(reports: Reports, channel: str | None) -> str:
    current = schedules(reports.store)
    if channel is None and len(current) > 1:
        listed = ", ".join(f"<#{s.channel}>" for s in current)
        return f"There are digests for {listed}. Say which: `/calls digest off #channel`."
    channel = channel or (current[0].channel if current else None)
    if channel is None or not remove_schedule(reports.store, channel):
        return "There was no weekly digest to stop."
    return f"Stopped the weekly digest for <#{channel}>."


def digest_command(
    reports: Reports, client: WebClient, respond: Respond, user: str, text: str
) -> None:
    try:
        parsed = parse_digest(text, reports.zone, user)
    except DigestError as error:
        respond(text=error.message(), response_type="ephemeral")
        return
    if isinstance(parsed, DigestOn):
        answer = _turn_on(reports, client, respond, user, parsed.schedule)
        if answer is None:
            return
    elif isinstance(parsed, DigestOff):
        answer = _turn_off(reports, parsed.channel)
    else:
        current = schedules(reports.store)
        answer = (
            "Weekly digests:\n" + "\n".join(f"• {s.describe()}" for s in current)
            if current
            else "No weekly digest is set up. Try `/calls digest on #channel mon 09:00`."
        )
    respond(text=answer, response_type="ephemeral")
    reports.audit(AuditEntry(user, reports.clock.now(), "digest", text, text))
