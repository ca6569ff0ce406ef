"""The "Log difficult call" message shortcut: the form, with the message's text as the notes."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.calllog.model import NOTES_LIMIT
from handlers.calllog.modal import CallPrefill
from handlers.calllog.slack_io import open_call_log_modal
from handlers.context import services_of
from handlers.ids import Shortcut


def log_call_from_message(
    ack: Ack, shortcut: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    text = str((shortcut.get("message") or {}).get("text") or "")
    open_call_log_modal(
        client,
        shortcut["trigger_id"],
        services_of(context).content,
        # An input's initial value is plain text, so the message goes in unescaped.
        CallPrefill(notes=text[:NOTES_LIMIT]),
        response_url=shortcut.get("response_url"),
        note="The notes start with the message's text. Sensitive details are masked on saving.",
    )


def register(app: App) -> None:
    app.shortcut(Shortcut.LOG_CALL_FROM_MESSAGE)(log_call_from_message)
