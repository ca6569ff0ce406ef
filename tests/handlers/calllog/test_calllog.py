"""The call log end to end: the form, the quick log, the shortcut, masking, reminders, history,
edit and delete rights, and retention, all through the real app and the fake Slack."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.calllog.log import CallLog
from bot.calllog.reminders import Reminders
from handlers.console.fakeslack.server import ApiCall
from handlers.ids import CallLogBlock
from tests.harness import AGENT, Harness

OTHER = "U0OTHER01"
VALID = {
    "contact": "chat",
    "category": "billing",
    "heat": "4",
    "notes": "Charged twice for order #48213; refund requested.",
    "outcome": "escalated",
}


def calls(bot: Harness) -> CallLog:
    return CallLog(bot.services.store)


def open_form(bot: Harness, text: str = "") -> ApiCall:
    count = len(bot.fake.calls_to("views.open")) + 1
    bot.command("/logcall", text)
    return bot.wait("views.open", count=count)


def answer(response: Any) -> dict[str, Any]:
    assert response.status == 200
    loaded: dict[str, Any] = json.loads(response.body) if response.body else {}
    return loaded


def submit_raw(bot: Harness, form: ApiCall, **values: Any) -> dict[str, Any]:
    """Submit state values as given, including ones Slack's own checks would have stopped."""
    view = {**form.args["view"], "id": form.answer["view"]["id"]}
    state: dict[str, Any] = {}
    for name, value in values.items():
        if value is None:  # cleared by the agent
            state[name] = {"action_id": "x", "type": "static_select", "selected_option": None}
        elif isinstance(value, list):
            options = [{"value": v} for v in value]
            state[name] = {
                "action_id": "x",
                "type": "multi_static_select",
                "selected_options": options,
            }
        elif isinstance(value, int):
            state[name] = {"action_id": "x", "type": "datetimepicker", "selected_date_time": value}
        elif name in ("notes", "reference"):
            state[name] = {"action_id": "x", "type": "plain_text_input", "value": value}
        else:
            state[name] = {
                "action_id": "x",
                "type": "static_select",
                "selected_option": {"value": value},
            }
    return answer(bot.requests.submit(view, state, user=AGENT))


# --- the form -------------------------------------------------------------------------------


def test_form_logs_a_call_and_confirms_privately_with_its_id(bot: Harness) -> None:
    form = open_form(bot)
    shown = bot.text(form)
    for label in (
        "Channel of contact",
        "Category",
        "How heated it got",
        "What happened",
        "Outcome",
        "Customer or order reference",
        "De-escalation steps used",
    ):
        assert label in shown
    assert "follow_up" not in shown  # only with a promised callback
    assert (
        answer(bot.submit(form, **VALID, reference="ORD-99812", steps="general:1,on-hold:2")) == {}
    )
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert "Logged call *#1*" in bot.text(reply)
    stored = calls(bot).get("1")
    assert stored is not None
    assert (stored.agent, stored.team, stored.category, stored.heat) == (
        AGENT,
        "T0COACH",
        "billing",
        4,
    )
    assert (stored.contact, stored.outcome, stored.reference) == ("chat", "escalated", "ORD-99812")
    assert stored.steps == ("general:1", "on-hold:2")
    assert stored.created_at == bot.clock.now()
    assert not stored.masked


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"contact": None}, "contact", "how the customer got in touch"),
        ({"category": None}, "category", "Pick a category"),
        ({"category": "weather"}, "category", "Pick a category"),
        ({"heat": None}, "heat", "from 1 (calm) to 5 (furious)"),
        ({"heat": "7"}, "heat", "from 1 (calm) to 5 (furious)"),
        ({"notes": "   "}, "notes", "Write what happened"),
        ({"notes": "x" * 3001}, "notes", "Keep it to 3,000 characters; this is 3,001"),
        ({"outcome": None}, "outcome", "Pick how the call ended"),
        ({"reference": "r" * 201}, "reference", "200 characters"),
        ({"steps": ["general:99"]}, "steps", "Pick the steps from the list"),
    ],
)
def test_every_validation_error_shows_on_its_field(
    bot: Harness, change: dict[str, Any], field: str, message: str
) -> None:
    form = open_form(bot)
    values = {**VALID, **change}
    body = submit_raw(bot, form, **values)
    assert body["response_action"] == "errors"
    assert list(body["errors"]) == [field]
    assert message in body["errors"][field]
    assert calls(bot).count() == 0


def test_a_promised_callback_shows_the_follow_up_field_and_it_is_checked(bot: Harness) -> None:
    form = open_form(bot, "billing 3: customer wants a call back")
    bot.click(form, "Outcome", option="callback promised")
    updated = bot.wait("views.update")
    assert updated.args["view_id"] == form.answer["view"]["id"]
    shown = bot.text(updated)
    assert "follow_up — I promised a follow-up by" in shown
    assert "= customer wants a call back" in shown  # what was typed is kept

    missing = submit_raw(bot, updated, **{**VALID, "outcome": "callback promised"})
    assert missing["errors"] == {"follow_up": "Say when you promised to follow up."}
    past = int((bot.clock.now() - timedelta(minutes=5)).timestamp())
    late = submit_raw(bot, updated, **{**VALID, "outcome": "callback promised", "follow_up": past})
    assert "That time has passed" in late["errors"]["follow_up"]

    due = bot.clock.now() + timedelta(hours=2)
    assert answer(bot.submit(updated, follow_up=str(int(due.timestamp())))) == {}
    assert "Follow-up promised by" in bot.text(bot.wait("response_url"))
    stored = calls(bot).get("1")
    assert stored is not None and stored.follow_up_due == due.replace(microsecond=0)
    reminder = Reminders(bot.services.store).get("1")
    assert reminder is not None and reminder.remind_at == stored.follow_up_due

    bot.click(updated, "Outcome", option="resolved")  # and it hides again
    assert "follow_up" not in bot.text(bot.wait("views.update", count=2))


def test_a_callback_submitted_without_the_field_asks_for_the_time(bot: Harness) -> None:
    form = open_form(bot)
    body = submit_raw(bot, form, **{**VALID, "outcome": "callback promised"})
    assert body["response_action"] == "update"
    assert CallLogBlock.FOLLOW_UP in [b.get("block_id") for b in body["view"]["blocks"]]
    assert "say by when" in json.dumps(body["view"])
    assert calls(bot).count() == 0


# --- the quick log ----------------------------------------------------------------------------


def test_quick_log_records_in_one_line(bot: Harness) -> None:
    bot.command("/logcall", "Billing 4 ESCALATED: customer charged twice, refund requested")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert "Logged call *#1*: billing · heat 4 · escalated" in bot.text(reply)
    stored = calls(bot).get("1")
    assert stored is not None and stored.notes == "customer charged twice, refund requested"
    assert bot.fake.calls_to("views.open") == []


@pytest.mark.parametrize(
    ("line", "contact", "heat"),
    [
        ("email furious billing escalated: wrote in capitals", "email", 5),
        ("Billing, calm, resolved, in person: at the desk", "in person", 1),
        ("billing 3 resolved: no channel given", "phone", 3),
    ],
)
def test_quick_log_takes_the_channel_and_the_forms_heat_words(
    bot: Harness, line: str, contact: str, heat: int
) -> None:
    bot.command("/logcall", line)
    assert "Logged call *#1*" in bot.text(bot.wait("response_url"))
    stored = calls(bot).get("1")
    assert stored is not None and stored.contact == contact and stored.heat == heat


def test_quick_log_missing_parts_keeps_the_channel_in_the_form(bot: Harness) -> None:
    shown = bot.text(open_form(bot, "chat tense: customer typed in capitals"))
    assert "= chat" in shown and "= 2 · tense" in shown


@pytest.mark.parametrize(
    ("line", "prefilled", "missing"),
    [
        (
            "billing 4: charged twice",
            ["= billing", "= 4 · angry", "= charged twice"],
            "the outcome",
        ),
        ("4 escalated", ["= 4 · angry", "= escalated"], "the category and what happened"),
        ("shipping 2 promised: call back Friday", ["= callback promised"], "when you promised"),
        ("the customer shouted", ["= the customer shouted"], "the category"),
        (
            "Customer called at 10:30 about a refund",
            ["= Customer called at 10:30 about a refund"],
            "the category",
        ),
    ],
)
def test_quick_log_with_parts_missing_opens_the_form_prefilled(
    bot: Harness, line: str, prefilled: list[str], missing: str
) -> None:
    shown = bot.text(open_form(bot, line))
    for part in prefilled:
        assert part in shown
    assert "Nearly there: add" in shown and missing in shown
    assert calls(bot).count() == 0


def test_quick_log_refuses_a_bad_heat_with_an_example(bot: Harness) -> None:
    bot.command("/logcall", "billing 9 escalated: shouting")
    shown = bot.text(bot.wait("response_url"))
    assert "heat must be a whole number from 1 (calm) to 5 (furious)" in shown
    assert "or one of calm, tense, heated, angry, furious; you wrote `9`" in shown
    assert "/logcall billing 4 escalated:" in shown
    assert calls(bot).count() == 0


def test_logcall_help_documents_the_grammar(bot: Harness) -> None:
    bot.command("/logcall", "help")
    shown = bot.text(bot.wait("response_url"))
    assert "category heat outcome: what happened" in shown and "any order" in shown
    assert "billing, shipping, product, account, technical, other" in shown
    bot.command("/help")
    assert "/logcall help" in bot.text(bot.wait("response_url", count=2))


# --- the shortcut -------------------------------------------------------------------------


def test_message_shortcut_opens_the_form_with_the_message_text(bot: Harness) -> None:
    text = 'Customer <said> we\'re "useless" & wants a refund for ORD-99812'
    bot.requests.message_shortcut("log_call_from_message", text)
    form = bot.wait("views.open")
    notes = next(b for b in form.args["view"]["blocks"] if b.get("block_id") == "notes")
    assert notes["element"]["initial_value"] == text  # plain text, not escaped
    assert answer(bot.submit(form, category="product", heat="3", outcome="resolved")) == {}
    assert "Logged call *#1*" in bot.text(bot.wait("response_url"))
    stored = calls(bot).get("1")
    assert stored is not None and stored.notes == text


# --- masking ------------------------------------------------------------------------------


def test_sensitive_data_is_masked_before_storage_and_the_agent_is_told(bot: Harness) -> None:
    notes = (
        "Card 4111 1111 1111 1111, mail jo@example.com, phone (312) 555-0142, "
        "SSN 123-45-6789, IBAN GB82 WEST 1234 5698 7654 32. "
        "Order #48213 / ORD-99812, charged $45.20 on 2026-11-30, "
        "tracking 1Z999AA10123456784."
    )
    bot.command("/logcall", f"billing 4 escalated: {notes}")
    shown = bot.text(bot.wait("response_url"))
    assert (
        "Masked before saving: an e-mail address, an IBAN, a card number, "
        "a social security number and a phone number"
    ) in shown
    stored = calls(bot).get("1")
    assert stored is not None and stored.masked
    assert stored.notes == (
        "Card [card], mail [email], phone [phone], SSN [ssn], IBAN [iban]. "
        "Order #48213 / ORD-99812, charged $45.20 on 2026-11-30, "
        "tracking 1Z999AA10123456784."
    )
    raw = bot.raw_data()
    for secret in ("4111", "jo@example.com", "555-0142", "123-45-6789", "GB82"):
        assert secret not in raw


SECRETS = [
    ("card 4111-1111-1111-1111", "4111", "a card number"),
    ("mail Jo.Smith@Example.com", "Example.com", "an e-mail address"),
    ("phone number 3125550142", "3125550142", "a phone number"),
    ("ssn 123 45 6789", "6789", "a social security number"),
    ("iban GB82-WEST-1234-5698-7654-32", "WEST", "an IBAN"),
]


@pytest.mark.parametrize(("written", "secret", "told"), SECRETS)
def test_each_kind_is_kept_out_of_the_data_file_from_notes_reference_and_edits(
    bot: Harness, written: str, secret: str, told: str
) -> None:
    bot.command("/logcall", f"billing 4 escalated: on 2026-11-30, {written}, $45.20 for #48213")
    assert f"Masked before saving: {told}" in bot.text(bot.wait("response_url"))
    form = open_form(bot)
    bot.submit(form, **VALID, reference=written)
    assert told in bot.text(bot.wait("response_url", count=2))
    bot.command("/logcall", "mine")
    bot.click(bot.wait("response_url", count=3), "Edit")
    edit = bot.wait("views.open", count=2)
    bot.submit(edit, notes=f"edited: {written}", reference=f"ref {written}")
    assert told in bot.text(bot.wait("response_url", count=4))
    first = calls(bot).get("1")
    assert first is not None and "2026-11-30" in first.notes and "$45.20 for #48213" in first.notes
    raw = bot.raw_data()
    assert secret not in raw
    for record in calls(bot).find():
        assert record.masked
        assert secret not in record.notes and secret not in (record.reference or "")


def test_the_reference_is_masked_too(bot: Harness) -> None:
    form = open_form(bot)
    bot.submit(form, **VALID, reference="jo@example.com")
    assert "an e-mail address" in bot.text(bot.wait("response_url"))
    stored = calls(bot).get("1")
    assert stored is not None and stored.reference == "[email]"


# --- reminders ----------------------------------------------------------------------------


def log_callback(bot: Harness, due: datetime) -> None:
    form = open_form(bot, "billing 3 callback: promised a refund update")
    bot.submit(form, follow_up=str(int(due.timestamp())))
    bot.wait("response_url")


def dms(bot: Harness) -> list[ApiCall]:
    return [c for c in bot.fake.calls_to("chat.postMessage") if c.args.get("channel") == AGENT]


def test_a_reminder_fires_once_at_the_due_time_even_across_restarts(bot: Harness) -> None:
    due = bot.clock.now() + timedelta(hours=2)
    log_callback(bot, due)
    bot.clock.advance(timedelta(hours=1, minutes=59))
    bot.tick()
    assert dms(bot) == []
    bot.clock.advance(timedelta(minutes=1))
    bot.tick()
    reminder = bot.wait("chat.postMessage")
    shown = bot.text(reminder)
    assert "you promised a follow-up on call #1" in shown
    for label in ("Done", "Snooze 1 hour", "Snooze until tomorrow 09:00 CST"):
        bot.control(reminder, label)
    bot.tick()
    bot.restart()
    bot.tick()
    assert len(dms(bot)) == 1


def test_snooze_an_hour_then_tomorrow_morning_then_done(bot: Harness) -> None:
    due = bot.clock.now() + timedelta(minutes=30)
    log_callback(bot, due)
    bot.clock.set(due)
    bot.tick()
    first = bot.wait("chat.postMessage")

    bot.click(first, "Snooze 1 hour")
    settled = bot.wait("response_url", count=2)
    assert settled.args["replace_original"] is True and "Snoozed" in bot.text(settled)
    bot.clock.advance(timedelta(minutes=59))
    bot.tick()
    assert len(dms(bot)) == 1
    bot.clock.advance(timedelta(minutes=1))
    bot.tick()
    second = bot.wait("chat.postMessage", count=2)

    bot.click(second, "Snooze until tomorrow 09:00 CST")
    assert "remind you again Tue 1 Dec at 09:00 CST" in bot.text(bot.wait("response_url", count=3))
    # The fixture's zone is America/Chicago: tomorrow 09:00 there is 15:00 UTC.
    bot.clock.set(datetime(2026, 12, 1, 14, 59, tzinfo=UTC))
    bot.tick()
    assert len(dms(bot)) == 2
    bot.clock.set(datetime(2026, 12, 1, 15, 0, tzinfo=UTC))
    bot.tick()
    third = bot.wait("chat.postMessage", count=3)

    bot.click(third, "Done")
    done = bot.wait("response_url", count=4)
    assert "Follow-up done" in bot.text(done)
    stored = calls(bot).get("1")
    assert stored is not None and stored.follow_up_done_at == bot.clock.now()
    assert stored.follow_up_due == due.replace(microsecond=0)  # snoozing never moves the promise
    bot.clock.advance(timedelta(days=2))
    bot.tick()
    assert len(dms(bot)) == 3


def test_overdue_follow_ups_show_in_the_app_home(bot: Harness) -> None:
    log_callback(bot, bot.clock.now() + timedelta(hours=1))
    bot.requests.open_home(AGENT)
    assert "Open follow-ups" in bot.text(bot.wait("views.publish"))
    bot.clock.advance(timedelta(hours=3))
    bot.requests.open_home(AGENT)
    home = bot.text(bot.wait("views.publish", count=2))
    assert "Overdue follow-ups" in home and "Call #1 (billing)" in home
    assert "promised a refund update" in home  # recent calls


def test_a_failed_reminder_is_retried_on_the_next_tick(bot: Harness) -> None:
    log_callback(bot, bot.clock.now() + timedelta(minutes=10))
    bot.clock.advance(timedelta(minutes=10))
    bot.fake.fail_next("chat.postMessage", "internal_error")
    bot.tick()
    bot.wait("chat.postMessage")
    bot.clock.advance(timedelta(seconds=15))  # the outbox's first back-off
    bot.tick()
    assert "call #1" in bot.text(bot.wait("chat.postMessage", count=2))
    bot.tick()
    assert len(bot.fake.calls_to("chat.postMessage")) == 2


# --- history, edit and delete ---------------------------------------------------------------


def test_mine_lists_the_last_ten_calls_with_open_follow_ups(bot: Harness) -> None:
    log_callback(bot, bot.clock.now() + timedelta(days=1))
    for n in range(11):
        bot.clock.advance(timedelta(minutes=1))
        bot.command("/logcall", f"shipping 2 resolved: call number {n}")
        bot.wait("response_url", count=n + 2)  # logged before the next (and before `mine`)
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=13)
    shown = bot.text(mine)
    assert "Your open follow-ups" in shown and "Call #1 (billing)" in shown
    assert "Your last 10 calls" in shown
    assert "call number 10" in shown and "call number 1\n" in shown
    assert "call number 0\n" not in shown
    assert shown.index("call number 10") < shown.index("call number 9")
    assert mine.args["response_type"] == "ephemeral"


def test_an_edit_reports_only_what_that_save_masked(bot: Harness) -> None:
    bot.command(
        "/logcall", "billing 4 escalated: IBAN GB82 WEST 1234 5698 7654 32, SSN 219-09-9999"
    )
    first = bot.text(bot.wait("response_url"))
    assert "Masked before saving: an IBAN and a social security number" in first
    for count, (notes, said) in enumerate(
        [
            ("refund agreed, IBAN [iban] on file", None),
            ("they emailed from jo@example.com", "Masked before saving: an e-mail address."),
        ],
        start=2,
    ):
        bot.command("/logcall", "mine")
        bot.click(bot.wait("response_url", count=2 * count - 2), "Edit")
        bot.submit(bot.wait("views.open", count=count - 1), notes=notes)
        reply = bot.text(bot.wait("response_url", count=2 * count - 1))
        assert "Updated call *#1*" in reply
        if said is None:
            assert "Masked" not in reply
        else:
            assert said in reply and "IBAN" not in reply
    stored = calls(bot).get("1")
    assert stored is not None and "IBAN" in stored.masked_kinds  # the record remembers all


def test_the_author_can_edit_within_a_day_keeping_created_at(bot: Harness) -> None:
    bot.command("/logcall", "billing 4 escalated: first version")
    bot.wait("response_url")
    created = bot.clock.now()
    bot.clock.advance(timedelta(hours=2))
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=2)
    bot.click(mine, "Edit")
    form = bot.wait("views.open")
    assert "Edit call #1" in bot.text(form) and "= first version" in bot.text(form)
    bot.submit(form, notes="second version, card 4111111111111111", heat="5")
    reply = bot.text(bot.wait("response_url", count=3))
    assert "Updated call *#1*" in reply and "a card number" in reply
    stored = calls(bot).get("1")
    assert stored is not None
    assert stored.notes == "second version, card [card]" and stored.heat == 5
    assert stored.created_at == created
    assert stored.updated_at == bot.clock.now()
    assert calls(bot).count() == 1


def test_the_author_can_delete_within_a_day(bot: Harness) -> None:
    bot.command("/logcall", "billing 4 escalated: to delete")
    bot.wait("response_url")
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=2)
    assert "confirm" in json.dumps(mine.args["blocks"])  # Slack asks "Are you sure?" first
    bot.click(mine, "Delete")
    after = bot.wait("response_url", count=3)
    assert after.args["replace_original"] is True
    assert "Deleted call #1" in bot.text(after)
    assert "You have no calls in the log. Log one with `/logcall`" in bot.text(after)
    assert calls(bot).count() == 0


def test_mine_with_no_calls_shows_how_to_log_one(bot: Harness) -> None:
    bot.command("/logcall", "mine")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    assert "You have no calls in the log" in bot.text(reply)
    assert "/logcall billing 4 escalated:" in bot.text(reply)


def test_nobody_else_can_edit_or_delete_and_nobody_after_a_day(bot: Harness) -> None:
    bot.command("/logcall", "billing 4 escalated: mine only")
    bot.wait("response_url")
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=2)

    bot.click(mine, "Delete", user=OTHER)
    assert "Only the person who logged call #1" in bot.text(bot.wait("response_url", count=3))
    bot.click(mine, "Edit", user=OTHER)
    assert "Only the person who logged call #1" in bot.text(bot.wait("response_url", count=4))

    bot.clock.advance(timedelta(hours=24))
    bot.click(mine, "Delete")
    assert "more than 24 hours ago" in bot.text(bot.wait("response_url", count=5))
    bot.command("/logcall", "mine")
    assert "[1] Edit" not in bot.text(bot.wait("response_url", count=6))
    assert calls(bot).count() == 1
    assert bot.fake.calls_to("views.open") == []


@pytest.mark.parametrize("label", ["Edit", "Delete"])
def test_a_button_that_names_no_call_is_refused_without_an_error(bot: Harness, label: str) -> None:
    """Our buttons always carry the call id; a click without one (fuzzing found it raised
    KeyError) gets a plain refusal on the message, not the apology with an error ID."""
    bot.command("/logcall", "billing 4 escalated: kept")
    bot.wait("response_url")
    bot.command("/logcall", "mine")
    mine = bot.wait("response_url", count=2)
    message = {**mine.args, "ts": "1.0"}
    control = replace(bot.control(mine, label), value="")
    assert bot.requests.click(control, user=AGENT, message=message).status == 200
    answer = bot.text(bot.wait("response_url", count=3))
    assert "does not say which call" in answer and "/logcall mine" in answer
    assert "error ID" not in answer
    assert calls(bot).count() == 1


def test_an_edit_submitted_after_the_window_is_refused(bot: Harness) -> None:
    bot.command("/logcall", "billing 4 escalated: slow edit")
    bot.wait("response_url")
    bot.clock.advance(timedelta(hours=23))
    bot.command("/logcall", "mine")
    bot.click(bot.wait("response_url", count=2), "Edit")
    form = bot.wait("views.open")
    bot.clock.advance(timedelta(hours=2))
    bot.submit(form, notes="too late")
    assert "more than 24 hours ago" in bot.text(bot.wait("response_url", count=3))
    stored = calls(bot).get("1")
    assert stored is not None and stored.notes == "slow edit" and stored.updated_at is None


# --- retention ------------------------------------------------------------------------------


def test_retention_purges_old_calls_daily_and_says_how_many(
    bot: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    start = bot.clock.now()
    bot.command("/logcall", "billing 4 escalated: old one")
    bot.wait("response_url")  # logged before the clock moves
    log_callback(bot, start + timedelta(hours=1))
    bot.wait("response_url", count=2)
    bot.clock.advance(timedelta(days=200))
    bot.command("/logcall", "billing 4 escalated: newer one")
    bot.wait("response_url", count=3)
    bot.clock.set(start + timedelta(days=365, hours=2))
    with caplog.at_level("INFO", logger="bot.calllog.retention"):
        bot.tick()
    assert "purged 2 call(s)" in caplog.text
    assert [r.notes for r in calls(bot).find()] == ["newer one"]
    assert Reminders(bot.services.store).get("2") is None
    caplog.clear()
    with caplog.at_level("INFO", logger="bot.calllog.retention"):
        bot.tick()
    assert "purged" not in caplog.text  # once a day


def test_a_refused_edit_echoes_the_call_id_escaped(bot: Harness) -> None:
    # private_metadata comes back from Slack; whatever it holds is shown as text, never a ping.
    form = open_form(bot)
    view = form.args["view"]
    meta = json.loads(view["private_metadata"])
    form.args["view"] = {**view, "private_metadata": json.dumps({**meta, "call": "<!channel>"})}
    assert answer(bot.submit(form, **VALID)) == {}
    shown = bot.wait("response_url").args["text"]
    assert "&lt;!channel&gt;" in shown and "<!channel>" not in shown


@pytest.mark.parametrize("stamp", [10**20, -(10**20)])
def test_a_follow_up_time_no_calendar_holds_asks_for_a_time(bot: Harness, stamp: int) -> None:
    """A picker time beyond any calendar (a signed body can carry one) answered 500; the
    form now asks for the time, as when none was picked."""
    form = open_form(bot, "billing 3 callback: wants a call back")
    given = {**VALID, "outcome": "callback promised", "follow_up": stamp}
    assert submit_raw(bot, form, **given)["errors"] == {
        "follow_up": "Say when you promised to follow up."
    }
    assert calls(bot).count() == 0


@pytest.mark.parametrize("metadata", ["not json", "[]", "null", '{"call": 5, "url": []}'])
def test_the_outcome_menu_works_whatever_the_forms_metadata(bot: Harness, metadata: str) -> None:
    """private_metadata is ours, but a forged click can carry anything: the menu still shows
    the follow-up field (it raised JSONDecodeError or AttributeError)."""
    form = open_form(bot, "billing 3: wants a call back")
    form.args["view"]["private_metadata"] = metadata
    bot.click(form, "Outcome", option="callback promised")
    assert "follow_up — I promised a follow-up by" in bot.text(bot.wait("views.update"))


def test_an_agents_own_calls_show_in_their_slack_time_zone(bot: Harness) -> None:
    """Chen is in London, the bot in Chicago: the confirmation, `/logcall mine` and the App
    Home say 16:00 GMT, as the reminder will (they said 10:00 CST, another time to read)."""
    chen = "U0AGENT03"
    bot.command("/logcall", "billing 3 callback: wants a call back", user=chen)
    form = bot.wait("views.open")
    due = bot.clock.now() + timedelta(hours=2)  # 16:00 UTC, which is GMT in November
    assert answer(bot.submit(form, user=chen, follow_up=str(int(due.timestamp())))) == {}
    confirmed = bot.text(bot.wait("chat.postEphemeral", "chat.postMessage", "response_url"))
    assert "Follow-up promised by Mon 30 Nov 16:00 GMT" in confirmed
    bot.command("/logcall", "mine", user=chen)
    mine = bot.text(bot.wait("response_url"))
    assert "16:00 GMT" in mine and "CST" not in mine
    bot.requests.open_home(chen)
    home = bot.text(bot.wait("views.publish"))
    assert "16:00 GMT" in home and "CST" not in home
