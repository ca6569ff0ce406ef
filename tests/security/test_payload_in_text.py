"""A slash command whose text says "payload" gets its normal answer.

Bolt's `parse_body` reads any form body that *contains* the text "payload" as an interactive
payload, so `/logcall … the payload limit` reached Bolt as `{}`: the gate answered 400 and the
console nothing. The gate (and the console, which signs like Slack) now hands Bolt an
equivalent body: same fields, same values, only the letters of "payload" percent-encoded.
Checked through the HTTP gate, the console path and Socket Mode.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.calllog.log import CallLog
from handlers.socket_gate import CheckedSocketModeHandler
from tests.fake_socket import FakeSocket
from tests.harness import SECRET, Harness
from tests.security.test_signature import Edge, assert_nothing_happened, signed

PAYLOAD_LINE = "billing 3 resolved: customer asked about the payload limit"


@pytest.fixture
def edge(bot: Harness) -> Edge:
    return Edge(bot)


@pytest.fixture
def heard(bot: Harness) -> list[dict[str, Any]]:
    """Every body the app's listeners were given (a middleware after Bolt's own checks)."""
    bodies: list[dict[str, Any]] = []

    def record(body: dict[str, Any], next: Any) -> None:  # Bolt passes it by this name
        bodies.append(dict(body))
        next()

    bot.app.use(record)
    return bodies


def command_body(bot: Harness, command: str, text: str) -> bytes:
    return urlencode(bot.requests.command_form(command, text, "U0AGENT01", "C0SUPPORT")).encode()


def test_logcall_mentioning_payload_logs_the_call_through_the_http_gate(
    bot: Harness, edge: Edge
) -> None:
    body = command_body(bot, "/logcall", PAYLOAD_LINE)
    status, _ = edge.post(body, signed(body))
    assert status == 200
    assert "Logged call *#1*" in bot.text(bot.wait("response_url"))
    stored = CallLog(bot.services.store).get("1")
    assert stored is not None and stored.notes == "customer asked about the payload limit"


def test_logcall_mentioning_payload_logs_the_call_from_the_console_path(bot: Harness) -> None:
    bot.command("/logcall", PAYLOAD_LINE)
    assert "Logged call *#1*" in bot.text(bot.wait("response_url"))


def test_rephrase_of_a_draft_mentioning_payload_answers_normally(bot: Harness, edge: Edge) -> None:
    body = command_body(bot, "/rephrase", "Calm down, the payload limit is obviously 10 MB.")
    status, _ = edge.post(body, signed(body))
    assert status == 200
    shown = bot.text(bot.wait("response_url"))
    assert "Tone" in shown and "payload limit" in shown


def test_a_tampered_body_mentioning_payload_is_still_refused(bot: Harness, edge: Edge) -> None:
    body = command_body(bot, "/logcall", PAYLOAD_LINE)
    headers = signed(body)
    status, _ = edge.post(body.replace(b"limit", b"limjt"), headers)
    assert status == 401
    status, _ = edge.post(body, signed(body, secret="not-" + SECRET))
    assert status == 401
    assert_nothing_happened(bot)


def test_a_real_interactive_payload_is_untouched(bot: Harness, edge: Edge) -> None:
    payload = {
        "type": "block_actions",
        "user": {"id": "U0AGENT01", "username": "agent", "team_id": "T0COACH"},
        "team": {"id": "T0COACH", "domain": "coach"},
        "api_app_id": "A0COACH",
        "trigger_id": "1.2.3",
        "container": {"type": "message", "message_ts": "1.2", "channel_id": "C0SUPPORT"},
        "response_url": bot.fake.new_response_url(),
        "actions": [
            {"type": "button", "action_id": "unknown", "block_id": "payload", "value": "payload"}
        ],
        "state": {"values": {}},
    }
    body = urlencode({"payload": json.dumps(payload)}).encode()
    status, _ = edge.post(body, signed(body))
    assert status == 404  # parsed as block_actions; Bolt's answer when no listener takes it


PIECES = st.sampled_from(["payload", "PAYLOAD", "&", "=", "%", "%70", "+", "{", "payload=", " "])
TEXT = st.lists(
    # Slack strips NUL from what people type (the gate refuses it: see test_signed_shapes).
    st.one_of(PIECES, st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=8)),
    max_size=10,
).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="payload")
@example(text="payload=1&payload=%7B%7D")
@example(text="%payload %70ayload")
@example(text="{payload}")
def test_any_command_text_reaches_the_listener_byte_for_byte(
    bot: Harness, edge: Edge, heard: list[dict[str, Any]], text: str
) -> None:
    heard.clear()
    body = command_body(bot, "/help", text)
    status, answer = edge.post(body, signed(body))
    assert status == 200, answer
    assert [h.get("text") for h in heard] == [text]
    unsigned = {**signed(body), "x-slack-signature": "v0=" + "0" * 64}
    status, _ = edge.post(body, unsigned)
    assert status == 401
    assert len(heard) == 1


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
@example(text="payload")
def test_any_command_text_reaches_the_listener_from_the_console_path(
    bot: Harness, heard: list[dict[str, Any]], text: str
) -> None:
    heard.clear()
    assert bot.requests.command("/help", text).status == 200
    assert [h.get("text") for h in heard] == [text]


def test_socket_mode_command_mentioning_payload_is_answered(
    bot: Harness, heard: list[dict[str, Any]], socket_server: FakeSocket
) -> None:
    socket = socket_server
    handler = CheckedSocketModeHandler(bot.app, "xapp-1-test")
    handler.connect()  # type: ignore[no-untyped-call]
    try:
        connection = socket.connected.get(timeout=10)
        form = bot.requests.command_form("/logcall", PAYLOAD_LINE, "U0AGENT01", "C0SUPPORT")
        envelope = {"envelope_id": "env-p", "type": "slash_commands", "payload": form}
        connection.send(json.dumps(envelope))
        assert socket.received.get(timeout=10)["envelope_id"] == "env-p"
        assert "Logged call *#1*" in bot.text(bot.wait("response_url"))
        assert [h.get("text") for h in heard] == [PAYLOAD_LINE]
    finally:
        handler.close()  # type: ignore[no-untyped-call]
