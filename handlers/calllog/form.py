"""Turns a submitted form's `view.state.values` into plain typed data, then checks it.

Slack nests each value under block_id, action_id and an element-specific key; listeners should
not have to know that, so they get a `CallForm`, and `check` turns it into a `CallInput` or a
{block_id: message} map that Slack shows on the fields themselves.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.calllog.model import CONTACTS, HEAT_RANGE, NOTES_LIMIT, OUTCOMES, CallInput
from bot.calllog.quick import CALLBACK
from handlers.calllog.modal import REFERENCE_LIMIT, CallPrefill
from handlers.ids import CallLogBlock

Errors = dict[str, str]


@dataclass(frozen=True)
class CallForm:
    contact: str | None
    category: str | None
    heat: str | None
    notes: str
    outcome: str | None
    reference: str
    steps: tuple[str, ...]
    follow_up: datetime | None
    follow_up_shown: bool  # the form had the follow-up field when it was submitted

    def prefill(self) -> CallPrefill:
        """The same answers, to rebuild the form with (e.g. when the outcome changes)."""
        heat = int(self.heat) if self.heat and self.heat.isdigit() else None
        return CallPrefill(
            category=self.category,
            heat=heat,
            outcome=self.outcome,
            notes=self.notes,
            reference=self.reference or None,
            steps=self.steps,
            contact=self.contact,
            follow_up=self.follow_up,
        )


def state_values(view: dict[str, Any]) -> dict[str, Any]:
    """{block_id: plain value}: text, the chosen option's value, a list of values, or a time.

    An input missing from the state keeps its initial value, as Slack shows it."""
    values: dict[str, Any] = {
        str(block["block_id"]): _plain(_as_state(block["element"]))
        for block in view.get("blocks", [])
        if block.get("type") == "input"
        and "block_id" in block
        and isinstance(block.get("element"), dict)
    }
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        for element in actions.values():
            values[block_id] = _plain(element)
    return values


def read_form(view: dict[str, Any]) -> CallForm:
    values = state_values(view)
    shown = {block.get("block_id") for block in view.get("blocks", [])}

    def text(block: CallLogBlock) -> str:
        return str(values.get(block) or "").strip()

    def choice(block: CallLogBlock) -> str | None:
        return text(block) or None

    stamp = values.get(CallLogBlock.FOLLOW_UP)
    return CallForm(
        contact=choice(CallLogBlock.CONTACT),
        category=choice(CallLogBlock.CATEGORY),
        heat=choice(CallLogBlock.HEAT),
        notes=text(CallLogBlock.NOTES),
        outcome=choice(CallLogBlock.OUTCOME),
        reference=text(CallLogBlock.REFERENCE),
        steps=tuple(str(v) for v in values.get(CallLogBlock.STEPS) or ()),
        follow_up=_moment(stamp),
        follow_up_shown=CallLogBlock.FOLLOW_UP in shown,
    )


def check(
    form: CallForm,
    *,
    categories: Sequence[str],
    step_ids: Collection[str],
    now: datetime,
    promised: datetime | None = None,
) -> CallInput | Errors:
    """The call to record, or a message for each field that is wrong. `promised` is the
    follow-up time already on a call being edited: it may have passed and still be kept."""
    errors: Errors = {}
    if form.contact not in CONTACTS:
        errors[CallLogBlock.CONTACT] = "Pick how the customer got in touch."
    if form.category not in categories:
        errors[CallLogBlock.CATEGORY] = "Pick a category from the list."
    heat = int(form.heat) if form.heat and form.heat.isdigit() else None
    if heat not in HEAT_RANGE:
        errors[CallLogBlock.HEAT] = "Pick how heated it got, from 1 (calm) to 5 (furious)."
    if not form.notes:
        errors[CallLogBlock.NOTES] = (
            "Write what happened: it is what you and your manager will coach from."
        )
    elif len(form.notes) > NOTES_LIMIT:
        errors[CallLogBlock.NOTES] = (
            f"Keep it to {NOTES_LIMIT:,} characters; this is {len(form.notes):,}."
        )
    if form.outcome not in OUTCOMES:
        errors[CallLogBlock.OUTCOME] = "Pick how the call ended."
    if len(form.reference) > REFERENCE_LIMIT:
        errors[CallLogBlock.REFERENCE] = f"Keep the reference to {REFERENCE_LIMIT} characters."
    if any(step not in step_ids for step in form.steps):
        errors[CallLogBlock.STEPS] = "Pick the steps from the list."
    follow_up = form.follow_up if form.outcome == CALLBACK else None
    if form.outcome == CALLBACK and form.follow_up_shown:
        if form.follow_up is None:
            errors[CallLogBlock.FOLLOW_UP] = "Say when you promised to follow up."
        elif form.follow_up <= now and form.follow_up != promised:
            errors[CallLogBlock.FOLLOW_UP] = (
                "That time has passed; pick when you will follow up, in the future."
            )
    if errors:
        return errors
    assert form.category is not None
    assert form.outcome is not None
    assert heat is not None
    return CallInput(
        category=form.category,
        heat=heat,
        outcome=form.outcome,
        notes=form.notes,
        contact=form.contact or "phone",
        reference=form.reference or None,
        steps=form.steps,
        follow_up_due=follow_up,
    )


def needs_follow_up_field(form: CallForm) -> bool:
    """A promised callback submitted from a form that never showed the follow-up field (the
    outcome menu's change event did not arrive): the form must be shown again with it."""
    return form.outcome == CALLBACK and not form.follow_up_shown


def _as_state(element: dict[str, Any]) -> dict[str, Any]:
    # An element's initial_* keys, renamed to the keys Slack's state uses for the same value.
    return {
        "type": element.get("type"),
        "value": element.get("initial_value"),
        "selected_option": element.get("initial_option"),
        "selected_options": element.get("initial_options"),
        "selected_date_time": element.get("initial_date_time"),
        "selected_date": element.get("initial_date"),
        "selected_time": element.get("initial_time"),
    }


def _moment(stamp: Any) -> datetime | None:
    """The date picker's time (seconds since 1970), or None when there is none or it is no
    time a calendar holds (the form then asks for one instead of failing)."""
    if stamp is None:
        return None
    try:
        return datetime.fromtimestamp(int(stamp), UTC)
    except (OverflowError, OSError, TypeError, ValueError):
        return None


def _plain(element: dict[str, Any]) -> Any:
    kind = element.get("type")
    if kind in ("static_select", "radio_buttons"):
        return (element.get("selected_option") or {}).get("value")
    if kind in ("multi_static_select", "checkboxes"):
        return [o.get("value") for o in element.get("selected_options") or []]
    if kind == "datetimepicker":
        return element.get("selected_date_time")
    if kind == "datepicker":
        return element.get("selected_date")
    if kind == "timepicker":
        return element.get("selected_time")
    return element.get("value")
