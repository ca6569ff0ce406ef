"""Builds the requests Slack would send, signs them, and dispatches them through the real app.

The console turns each typed line into one of these; the tests use the same builder, so both
exercise Bolt's signature check, routing, middleware and listeners exactly as Slack would.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request.internals import parse_body

from handlers.console.fakeslack.render import Control, Field
from handlers.console.fakeslack.server import TEAM_ID, FakeSlack
from handlers.form_body import for_bolt
from handlers.slack_shape import problem

APP_ID = "A0COACH"


def sign(secret: str, body: str, timestamp: str) -> str:
    base = f"v0:{timestamp}:{body}".encode()
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def signed_headers(secret: str, body: str, content_type: str) -> dict[str, str | Sequence[str]]:
    timestamp = str(int(time.time()))
    return {
        "content-type": content_type,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": sign(secret, body, timestamp),
    }


class SlackRequests:
    def __init__(self, app: App, signing_secret: str, fake: FakeSlack) -> None:
        self.app = app
        self.secret = signing_secret
        self.fake = fake
        self._ids = itertools.count(1)

    # --- sending -----------------------------------------------------------------------------

    def dispatch_form(self, form: dict[str, str]) -> BoltResponse:
        return self._dispatch(urlencode(form), "application/x-www-form-urlencoded")

    def dispatch_json(self, payload: dict[str, Any]) -> BoltResponse:
        return self._dispatch(json.dumps(payload), "application/json")

    def _dispatch(self, body: str, content_type: str) -> BoltResponse:
        """Through the same body rewrite and shape check as the HTTP gate, so every console
        line and every test request shows that what it builds is a request Slack could send
        and that the gate hands it to Bolt intact."""
        body = for_bolt(body, content_type)
        shape = problem(parse_body(body, content_type))
        if shape is not None:
            return BoltResponse(status=400, body=f"a signed body that {shape}")
        headers = signed_headers(self.secret, body, content_type)
        return self.app.dispatch(BoltRequest(body=body, headers=headers))

    def _interactive(self, payload: dict[str, Any]) -> BoltResponse:
        return self.dispatch_form({"payload": json.dumps(payload)})

    # --- what a person can do ------------------------------------------------------------------

    def command_form(self, command: str, text: str, user: str, channel: str) -> dict[str, str]:
        return {
            "token": "legacy-unused",
            "team_id": TEAM_ID,
            "team_domain": "coach",
            "channel_id": channel,
            "channel_name": channel.lower(),
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "response_url": self.fake.new_response_url(),
            "trigger_id": self._trigger(),
        }

    def command(
        self, command: str, text: str = "", *, user: str = "U0AGENT01", channel: str = "C0SUPPORT"
    ) -> BoltResponse:
        return self.dispatch_form(self.command_form(command, text, user, channel))

    def click(
        self,
        control: Control,
        *,
        user: str,
        channel: str | None = None,
        message: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
        option: tuple[str, str] | None = None,
    ) -> BoltResponse:
        """Press a button, or pick `option` (label, value) from a menu."""
        action: dict[str, Any] = {
            "type": control.kind,
            "action_id": control.action_id,
            "block_id": control.block_id,
            "action_ts": f"{time.time():.6f}",
        }
        if control.kind == "button":
            action["value"] = control.value
            action["text"] = {"type": "plain_text", "text": control.label}
        elif option is not None:
            chosen = {"text": {"type": "plain_text", "text": option[0]}, "value": option[1]}
            if control.kind in ("multi_static_select", "checkboxes"):
                action["selected_options"] = [chosen]
            else:
                action["selected_option"] = chosen
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-unused",
            "team": {"id": TEAM_ID, "domain": "coach"},
            "trigger_id": self._trigger(),
            "actions": [action],
            "state": {"values": {}},
        }
        if view is not None:
            payload["view"] = view
            payload["container"] = {"type": "view", "view_id": view.get("id")}
        else:
            payload["container"] = {
                "type": "message",
                "message_ts": (message or {}).get("ts", "0"),
                "channel_id": channel,
                "is_ephemeral": bool((message or {}).get("is_ephemeral")),
            }
            payload["channel"] = {"id": channel, "name": (channel or "").lower()}
            payload["message"] = message or {}
            payload["response_url"] = self.fake.new_response_url()
        return self._interactive(payload)

    def submit(self, view: dict[str, Any], values: dict[str, Any], *, user: str) -> BoltResponse:
        """Submit a modal. `values` maps an input's block_id to its state value dict."""
        state = {
            block_id: {value.pop("action_id"): value}
            for block_id, value in ((k, dict(v)) for k, v in values.items())
        }
        payload = {
            "type": "view_submission",
            "team": {"id": TEAM_ID, "domain": "coach"},
            "user": {"id": user, "username": user.lower(), "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "legacy-unused",
            "trigger_id": self._trigger(),
            "view": {**view, "state": {"values": state}},
            "response_urls": [],
        }
        return self._interactive(payload)

    def message_shortcut(
        self,
        callback_id: str,
        text: str,
        *,
        user: str = "U0AGENT01",
        channel: str = "C0SUPPORT",
        author: str = "U0CUSTOMR",
    ) -> BoltResponse:
        ts = f"{time.time():.6f}"
        payload = {
            "type": "message_action",
            "callback_id": callback_id,
            "token": "legacy-unused",
            "action_ts": ts,
            "team": {"id": TEAM_ID, "domain": "coach"},
            "user": {"id": user, "name": user.lower()},
            "channel": {"id": channel, "name": channel.lower()},
            "message": {"type": "message", "user": author, "text": text, "ts": ts},
            "response_url": self.fake.new_response_url(),
            "trigger_id": self._trigger(),
        }
        return self._interactive(payload)

    def event(self, event: dict[str, Any]) -> BoltResponse:
        return self.dispatch_json(
            {
                "token": "legacy-unused",
                "team_id": TEAM_ID,
                "api_app_id": APP_ID,
                "event": {"event_ts": f"{time.time():.6f}", **event},
                "type": "event_callback",
                "event_id": f"Ev{next(self._ids):08d}",
                "event_time": int(time.time()),
                "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOTCOACH", "is_bot": True}],
            }
        )

    def open_home(self, user: str = "U0AGENT01") -> BoltResponse:
        return self.event(
            {"type": "app_home_opened", "user": user, "channel": "D" + user, "tab": "home"}
        )

    def _trigger(self) -> str:
        return f"{next(self._ids)}.{int(time.time())}.trigger"


def field_state(field: Field, raw: str) -> dict[str, Any]:
    """The state value Slack sends for an input given the text a person typed for it."""
    state: dict[str, Any] = {"action_id": field.action_id, "type": field.kind}
    if field.kind in ("static_select", "radio_buttons"):
        state["selected_option"] = _option(field, raw)
    elif field.kind in ("multi_static_select", "checkboxes"):
        picks = [part.strip() for part in raw.split(",") if part.strip()]
        state["selected_options"] = [_option(field, pick) for pick in picks]
    elif field.kind == "datepicker":
        state["selected_date"] = raw
    elif field.kind == "timepicker":
        state["selected_time"] = raw
    elif field.kind == "datetimepicker":
        state["selected_date_time"] = int(raw) if raw.isdigit() else raw
    else:
        state["value"] = raw
    return state


def _option(field: Field, raw: str) -> dict[str, Any]:
    wanted = raw.strip().lower()
    for label, value in field.options:
        if wanted in (label.lower(), value.lower()):
            return {"text": {"type": "plain_text", "text": label}, "value": value}
    choices = ", ".join(value for _, value in field.options)
    raise ValueError(f"{field.name}: {raw!r} is not one of: {choices}")
