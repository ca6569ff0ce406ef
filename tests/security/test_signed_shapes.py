"""Correctly signed bodies that are not requests Slack could send: a form whose `payload` is
JSON but not an object, a view that is a string, actions that are numbers… Each is answered 400
with a short plain message and one log line at the gate, before Bolt parses it (Bolt's own code
assumes Slack's shapes and raised on them: `'str' object has no attribute 'get'`, a 500).
Unsigned ones still get 401 first."""

from __future__ import annotations

import copy
import json
import logging
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.socket_gate import CheckedSocketModeHandler
from tests.fake_socket import FakeSocket
from tests.harness import SECRET, Harness
from tests.security.test_signature import (
    Edge,
    assert_nothing_happened,
    only_refusal_lines,
    signed,
)

FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def edge(bot: Harness) -> Edge:
    return Edge(bot)


def _form(payload: Any) -> bytes:
    return urlencode({"payload": json.dumps(payload)}).encode()


def _block_actions() -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": "U0AGENT01", "username": "agent", "team_id": "T0COACH"},
        "team": {"id": "T0COACH", "domain": "coach"},
        "api_app_id": "A0COACH",
        "trigger_id": "1.2.3",
        "actions": [{"type": "button", "action_id": "x", "block_id": "b", "value": "v"}],
        "state": {"values": {}},
    }


def _view_submission() -> dict[str, Any]:
    return {
        "type": "view_submission",
        "user": {"id": "U0AGENT01", "team_id": "T0COACH"},
        "team": {"id": "T0COACH"},
        "view": {"id": "V1", "type": "modal", "callback_id": "x", "state": {"values": {}}},
    }


def _with_state(values: dict[str, Any]) -> dict[str, Any]:
    """A call-log form submission whose modal state holds `values`."""
    payload = _view_submission()
    payload["view"] = {**payload["view"], "callback_id": "calllog_form"}
    payload["view"]["state"] = {"values": values}
    return payload


def _event_callback() -> dict[str, Any]:
    return {
        "type": "event_callback",
        "team_id": "T0COACH",
        "api_app_id": "A0COACH",
        "event": {"type": "app_home_opened", "user": "U0AGENT01", "channel": "DU0", "tab": "home"},
        "authorizations": [{"team_id": "T0COACH", "user_id": "U0BOT", "is_bot": True}],
    }


def _message_action() -> dict[str, Any]:
    return {
        "type": "message_action",
        "callback_id": "x",
        "user": {"id": "U0AGENT01"},
        "team": {"id": "T0COACH"},
        "channel": {"id": "C0SUPPORT"},
        "message": {"type": "message", "user": "U0X", "text": "hi", "ts": "1.2"},
    }


# The shapes the bug report names and the ones hypothesis found, each once.
SHAPES: list[tuple[bytes, str]] = [
    (_form("just a string"), FORM),
    (_form(42), FORM),
    (_form(None), FORM),
    (_form([{"type": "block_actions"}]), FORM),
    (_form({**_block_actions(), "actions": ["x"]}), FORM),
    (_form({**_block_actions(), "actions": 5}), FORM),
    (_form({**_block_actions(), "user": ["U1"]}), FORM),
    (_form({**_block_actions(), "type": 7}), FORM),
    (_form({**_view_submission(), "view": "x"}), FORM),
    (_form({**_view_submission(), "view": None}), FORM),
    (_form(_with_state({"": None})), FORM),
    (_form(_with_state({"block": {"action": "x"}})), FORM),
    (_form({**_message_action(), "message": "hi"}), FORM),
    (_form({**_message_action(), "channel": 1}), FORM),
    (_form({}), FORM),
    (json.dumps({**_event_callback(), "event": "x"}).encode(), "application/json"),
    (json.dumps({**_event_callback(), "event": None}).encode(), "application/json"),
    (json.dumps({**_event_callback(), "authorizations": ["x"]}).encode(), "application/json"),
    (json.dumps({**_event_callback(), "authorizations": {"a": 1}}).encode(), "application/json"),
    (json.dumps({"type": "event_callback", "event": {"type": 1}}).encode(), "application/json"),
    (json.dumps({"type": "url_verification", "challenge": 5}).encode(), "application/json"),
    (json.dumps({"type": "url_verification"}).encode(), "application/json"),
    (json.dumps({"a": 1}).encode(), "application/json"),
    (json.dumps({}).encode(), "application/json"),
    (b"payload=", FORM),
    (b"text=hi&user_id=U1", FORM),
    (b"command=help&text=", FORM),
    (b"command=%2Fhelp&command=%2Fhelp&payload=%7B%7D", FORM),
]


@pytest.mark.parametrize(("body", "content_type"), SHAPES)
def test_a_signed_body_slack_could_not_send_gets_400_and_one_line(
    bot: Harness,
    edge: Edge,
    caplog: pytest.LogCaptureFixture,
    body: bytes,
    content_type: str,
) -> None:
    with caplog.at_level(logging.INFO):
        status, answer = edge.post(body, {**signed(body), "content-type": content_type})
    assert status == 400, answer
    assert answer.startswith(b"a signed body")
    assert len(answer) < 200
    only_refusal_lines(caplog, body, 1)
    assert_nothing_happened(bot)


@pytest.mark.parametrize(
    "payload",
    [_block_actions(), _view_submission(), _message_action()],
    ids=["block_actions", "view_submission", "message_action"],
)
def test_slack_shaped_payloads_still_reach_bolt(bot: Harness, edge: Edge, payload: Any) -> None:
    """The gate refuses only what Slack could not send: these pass it (unknown ids, so Bolt
    answers them itself, 200 or its own 404 for an unhandled request)."""
    body = _form(payload)
    status, answer = edge.post(body, signed(body))
    assert status in (200, 404), answer
    assert not answer.startswith(b"a signed body")


def test_slack_shaped_event_and_command_still_reach_bolt(bot: Harness, edge: Edge) -> None:
    body = json.dumps(_event_callback()).encode()
    assert edge.post(body, {**signed(body), "content-type": "application/json"})[0] == 200
    form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
    body = urlencode(form).encode()
    assert edge.post(body, signed(body))[0] == 200
    bot.fake.wait_for("response_url")
    challenge = json.dumps({"type": "url_verification", "challenge": "abc", "token": "t"})
    status, answer = edge.post(challenge.encode(), signed(challenge.encode()))
    assert (status, json.loads(answer)) == (200, {"challenge": "abc"})


# --- generated: Slack's shapes with any part replaced by any JSON value --------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
# Slack's shapes, with the app's own ids, so that the mutated ones reach its listeners too.
_ACTION_IDS = ["guide_next", "tip_another", "calllog_edit", "calllog_delete", "home_help", "x"]
_TEMPLATES = [
    *({**_block_actions(), "actions": [{"type": "button", "action_id": a, "value": "1"}]}
      for a in _ACTION_IDS),
    *({**_view_submission(), "view": {**_view_submission()["view"], "callback_id": c}}
      for c in ["calllog_form", "guide_modal", "x"]),
    *({**_message_action(), "callback_id": c} for c in ["rephrase_message", "x"]),
    _event_callback(),
]  # fmt: skip


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*prefix, index))
    return found


@st.composite
def _mutated(draw: st.DrawFn) -> dict[str, Any]:
    """A Slack payload with one part (at any depth) replaced by another JSON value, or
    removed."""
    payload: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(_TEMPLATES)))
    path = draw(st.sampled_from(_paths(payload)))
    parent = payload
    for step in path[:-1]:
        parent = parent[step]
    if draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = draw(_json)
    return payload


_COMMANDS = ["/help", "/tip", "/tips", "/deescalate", "/logcall", "/calls", "/rephrase"]
_command_forms = st.fixed_dictionaries(
    {"command": st.sampled_from(_COMMANDS) | st.text(max_size=8)},
    optional={
        "text": st.text(max_size=30),
        "user_id": st.sampled_from(["U0AGENT01", "U0LEAD01", ""]) | st.text(max_size=5),
        "channel_id": st.sampled_from(["C0SUPPORT", "D0X"]) | st.text(max_size=5),
        "team_id": st.sampled_from(["T0COACH"]) | st.text(max_size=5),
        "trigger_id": st.text(max_size=5),
    },
).map(lambda form: urlencode(form).encode())
_signed_bodies = st.one_of(
    _mutated().map(lambda p: (_form(p), FORM)),
    _mutated().map(lambda p: (json.dumps(p).encode(), "application/json")),
    _json.map(lambda value: (_form(value), FORM)),
    _json.map(lambda value: (json.dumps(value).encode(), "application/json")),
    _command_forms.map(lambda body: (body, FORM)),
    st.binary(max_size=200).map(lambda body: (body, FORM)),
)

_SETTINGS = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_SETTINGS
@given(_signed_bodies)
def test_any_signed_body_is_answered_or_refused_never_a_500(
    bot: Harness, shaped: tuple[bytes, str]
) -> None:
    """200 when Bolt handles it, 400 at the gate when Slack could not have sent it; 404 is
    Bolt's own answer to a well-formed request no listener takes (an unknown action id).
    A fresh edge each time, so a body drawn twice is not refused as a replay."""
    body, content_type = shaped
    status, answer = Edge(bot).post(body, {**signed(body), "content-type": content_type})
    assert status in (200, 400, 404), (status, answer, body)


@_SETTINGS
@given(_signed_bodies)
def test_any_unsigned_body_is_refused_401(
    bot: Harness, edge: Edge, shaped: tuple[bytes, str]
) -> None:
    body, content_type = shaped
    status, _ = edge.post(body, {"content-type": content_type})
    assert status == 401
    assert_nothing_happened(bot)


# --- Socket Mode: no signature, the same shape check ---------------------------------------


@pytest.mark.parametrize(
    "payload",
    ["just a string", {"type": "block_actions", "user": {"id": "U1"}, "actions": ["x"]}, {}],
    ids=["string", "actions-of-strings", "empty"],
)
def test_a_socket_mode_envelope_slack_could_not_send_is_acked_and_dropped(
    bot: Harness, caplog: pytest.LogCaptureFixture, payload: Any, socket_server: FakeSocket
) -> None:
    fake = socket_server
    handler = CheckedSocketModeHandler(bot.app, "xapp-1-test")
    handler.connect()  # type: ignore[no-untyped-call]
    try:
        connection = fake.connected.get(timeout=10)
        with caplog.at_level(logging.INFO):
            envelope = {"envelope_id": "env-odd", "type": "interactive", "payload": payload}
            connection.send(json.dumps(envelope))
            assert fake.received.get(timeout=10) == {"envelope_id": "env-odd"}
            form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
            good = {"envelope_id": "env-help", "type": "slash_commands", "payload": form}
            connection.send(json.dumps(good))
            assert fake.received.get(timeout=10)["envelope_id"] == "env-help"
            bot.wait("response_url")
        refused = [r for r in caplog.records if r.levelno >= logging.WARNING]
        assert [r.name for r in refused] == ["handlers.socket_gate"], refused
        assert refused[0].exc_info is None
        assert SECRET not in refused[0].getMessage()
    finally:
        handler.close()  # type: ignore[no-untyped-call]
