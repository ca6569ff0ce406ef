"""The call-log form: one builder for a new call, a prefilled one and an edit.

`call_log_modal(content, prefill)` is what other features (the de-escalation guide) use to
open the form with what they already know.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from bot.calllog.model import (
    CONTACTS,
    HEAT_LABELS,
    HEAT_RANGE,
    NOTES_LIMIT,
    OUTCOMES,
    CallRecord,
)
from bot.calllog.quick import CALLBACK
from bot.content import Content
from bot.text import clip
from handlers.blocks import Block, context, modal, plain
from handlers.ids import CallLogAction, CallLogBlock, CallLogView

OPTION_TEXT_LIMIT = 75
OPTIONS_LIMIT = 100  # Slack's cap for one menu, counted across its groups
REFERENCE_LIMIT = 200
CONTACT_DEFAULT = "phone"


@dataclass(frozen=True)
class CallPrefill:
    """What is already known when the form opens; everything may be left empty."""

    category: str | None = None
    heat: int | None = None
    outcome: str | None = None
    notes: str = ""
    reference: str | None = None
    steps: tuple[str, ...] = ()  # "guide-id:step-number", 1-based
    contact: str | None = None
    follow_up: datetime | None = None

    @classmethod
    def of(cls, record: CallRecord) -> CallPrefill:
        return cls(
            category=record.category,
            heat=record.heat,
            outcome=record.outcome,
            notes=record.notes,
            reference=record.reference,
            steps=record.steps,
            contact=record.contact,
            follow_up=record.follow_up_due,
        )


@dataclass(frozen=True)
class FormMeta:
    """Where the form came from, carried in private_metadata: the call being edited, and
    where to confirm (the response_url of the command or shortcut, else a DM)."""

    call_id: str | None = None
    response_url: str | None = None

    def dump(self) -> str:
        return json.dumps({"call": self.call_id, "url": self.response_url})

    @classmethod
    def load(cls, text: str) -> FormMeta:
        """What `dump` wrote; anything else (only a forged request carries it) reads as a new
        form with no reply address, not as an error."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        call, url = data.get("call"), data.get("url")
        return cls(
            call_id=call if isinstance(call, str) else None,
            response_url=url if isinstance(url, str) else None,
        )


def call_log_modal(
    content: Content, prefill: CallPrefill, *, meta: FormMeta | None = None, note: str = ""
) -> Block:
    """The form as a modal view, prefilled; the follow-up field shows with a promised callback."""
    meta = meta or FormMeta()
    blocks: list[Block] = []
    if note:
        blocks.append(context(note))
    blocks += [
        _input(
            CallLogBlock.CONTACT,
            "Channel of contact",
            _select(CONTACTS, prefill.contact or CONTACT_DEFAULT),
        ),
        _input(CallLogBlock.CATEGORY, "Category", _select(content.categories, prefill.category)),
        _input(
            CallLogBlock.HEAT,
            "How heated it got",
            _select(
                [str(n) for n in HEAT_RANGE],
                str(prefill.heat) if prefill.heat in HEAT_RANGE else None,
                labels={str(n): f"{n} · {HEAT_LABELS[n]}" for n in HEAT_RANGE},
            ),
        ),
        _input(
            CallLogBlock.NOTES,
            "What happened",
            _text(prefill.notes, NOTES_LIMIT, multiline=True),
            hint="Card numbers, e-mails, phone numbers, SSNs and IBANs are masked before saving.",
        ),
        {
            **_input(
                CallLogBlock.OUTCOME,
                "Outcome",
                _select(OUTCOMES, prefill.outcome, action_id=CallLogAction.OUTCOME),
            ),
            "dispatch_action": True,
        },
    ]
    if prefill.outcome == CALLBACK:
        picker: Block = {"type": "datetimepicker", "action_id": CallLogAction.FIELD}
        if prefill.follow_up is not None:
            picker["initial_date_time"] = int(prefill.follow_up.timestamp())
        blocks.append(
            _input(
                CallLogBlock.FOLLOW_UP,
                "I promised a follow-up by",
                picker,
                hint="You'll get a reminder then, with Done and Snooze buttons.",
            )
        )
    blocks += [
        _input(
            CallLogBlock.REFERENCE,
            "Customer or order reference",
            _text(prefill.reference or "", REFERENCE_LIMIT),
            optional=True,
        ),
        _input(
            CallLogBlock.STEPS,
            "De-escalation steps used",
            _steps_menu(content, prefill.steps),
            optional=True,
        ),
    ]
    editing = meta.call_id is not None
    return modal(
        f"Edit call #{meta.call_id}" if editing else "Log a difficult call",
        blocks,
        callback_id=CallLogView.LOG,
        submit="Save" if editing else "Log call",
        close="Cancel",
        private_metadata=meta.dump(),
    )


def step_options(content: Content) -> list[tuple[str, list[tuple[str, str]]]]:
    """(guide name, [(label, "guide-id:n")]) for every guide, within Slack's 100 options."""
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    left = OPTIONS_LIMIT
    for guide in (content.general_guide, *content.scenarios):
        steps = [
            (f"{n}. {step.title}", f"{guide.id}:{n}") for n, step in enumerate(guide.steps, start=1)
        ][:left]
        if steps:
            groups.append((guide.name, steps))
        left -= len(steps)
    return groups


def _steps_menu(content: Content, chosen: tuple[str, ...]) -> Block:
    groups = step_options(content)
    menu: Block = {
        "type": "multi_static_select",
        "action_id": CallLogAction.FIELD,
        "placeholder": plain("Pick the steps you used"),
        "option_groups": [
            {
                "label": plain(name, OPTION_TEXT_LIMIT),
                "options": [_option(label, value) for label, value in options],
            }
            for name, options in groups
        ],
    }
    initial = [
        _option(label, value)
        for _, options in groups
        for label, value in options
        if value in chosen
    ]
    if initial:
        menu["initial_options"] = initial
    return menu


def _input(
    block_id: CallLogBlock,
    label: str,
    element: Block,
    *,
    optional: bool = False,
    hint: str = "",
) -> Block:
    block: Block = {
        "type": "input",
        "block_id": block_id,
        "label": plain(label, 2000),
        "element": element,
        "optional": optional,
    }
    if hint:
        block["hint"] = plain(hint, 2000)
    return block


def _option(label: str, value: str) -> Block:
    return {"text": plain(label, OPTION_TEXT_LIMIT), "value": value}


def _select(
    values: tuple[str, ...] | list[str],
    chosen: str | None,
    *,
    labels: dict[str, str] | None = None,
    action_id: CallLogAction = CallLogAction.FIELD,
) -> Block:
    labels = labels or {}
    options = [_option(labels.get(v, v), v) for v in values][:OPTIONS_LIMIT]
    menu: Block = {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": plain("Choose one"),
        "options": options,
    }
    match = next((o for o in options if o["value"] == chosen), None)
    if match is not None:
        menu["initial_option"] = match
    return menu


def _text(initial: str, limit: int, *, multiline: bool = False) -> Block:
    element: Block = {
        "type": "plain_text_input",
        "action_id": CallLogAction.FIELD,
        "multiline": multiline,
        "max_length": limit,
    }
    if initial:
        element["initial_value"] = clip(initial, limit)
    return element
