"""Unsigned, badly signed, replayed and malformed requests of every shape, at the HTTP edge.

Each goes through the real WSGI app (the gate in handlers/http.py, then Bolt) in process, so
thousands run in seconds. The property: a request without Slack's valid signature gets a 4xx,
one log line without its body, no traceback, and nothing happens: no Slack call, nothing
stored, no listener, no error handler.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import BoltRequest

from handlers.http import MAX_BODY_BYTES, WsgiApp, wsgi_app
from handlers.signature import expected_signature
from tests.harness import SECRET, Harness

EXAMPLES = 1000  # per property: 4,000 generated here; bench/security_fuzz.py runs 10,000+


class Edge:
    """The WSGI app called directly, with what it answered and what it logged."""

    def __init__(self, bot: Harness) -> None:
        self.bot = bot
        self.app: WsgiApp = wsgi_app(bot.app)

    def post(
        self, body: bytes, headers: dict[str, str], *, length: str | None = None
    ) -> tuple[int, bytes]:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": "POST",
            "PATH_INFO": "/slack/events",
            "QUERY_STRING": "",
            "REMOTE_ADDR": "203.0.113.9",
            "CONTENT_LENGTH": str(len(body)) if length is None else length,
            "wsgi.input": io.BytesIO(body),
        }
        for name, value in headers.items():
            key = name.upper().replace("-", "_")
            environ[key if key == "CONTENT_TYPE" else "HTTP_" + key] = value
        answer: list[str] = []
        chunks = self.app(environ, lambda status, _headers: answer.append(status))
        return int(answer[0].split()[0]), b"".join(chunks)


@pytest.fixture
def edge(bot: Harness) -> Edge:
    return Edge(bot)


def signed(body: bytes, *, secret: str = SECRET, at: float | None = None) -> dict[str, str]:
    timestamp = str(int(time.time() if at is None else at))
    return {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": expected_signature(secret.encode(), timestamp, body),
    }


def help_body(bot: Harness, response_url: str | None = None) -> bytes:
    form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
    if response_url:
        form["response_url"] = response_url
    return urlencode(form).encode()


def assert_nothing_happened(bot: Harness) -> None:
    assert bot.fake.calls == [], [call.method for call in bot.fake.calls]
    assert bot.fake.dropped == []
    assert bot.services.store.count("calls") == 0


@pytest.fixture
def refusals_logged(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    with caplog.at_level(logging.INFO):
        yield caplog


def only_refusal_lines(caplog: pytest.LogCaptureFixture, body: bytes, count: int) -> None:
    records = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(records) == count, [r.getMessage() for r in records]
    for record in records:
        assert record.name == "handlers.http"
        assert record.exc_info is None  # no traceback
        assert "Refused a request" in record.getMessage()
        if len(body) > 8:
            assert body.decode("latin-1") not in record.getMessage()
    caplog.clear()


# --- the shapes the issue measured, each once --------------------------------------------

ATTACKER_URL = "http://127.0.0.1:9/steal"


@pytest.mark.parametrize("timestamp", ["abc", "", "1e3", " 1", "-5", "١٢٣", "9" * 40, "0x10"])
def test_a_timestamp_that_is_not_whole_seconds_is_refused_before_anything_reads_the_body(
    bot: Harness, edge: Edge, refusals_logged: pytest.LogCaptureFixture, timestamp: str
) -> None:
    body = help_body(bot, ATTACKER_URL)
    headers = {**signed(body), "x-slack-request-timestamp": timestamp}
    status, _ = edge.post(body, headers)
    assert status == 401
    only_refusal_lines(refusals_logged, body, 1)
    assert_nothing_happened(bot)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"payload=%7Bnot+json", "application/x-www-form-urlencoded"),
        (b"command=%2Fhelp&text=", "application/json"),
        (b"\xff\xfe\x00payload=\xc3\x28", "application/x-www-form-urlencoded"),
        (b"[1, 2, 3]", "application/json"),
        (b'"just a string"', "application/json"),
        (b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    ],
    ids=["bad-json-payload", "form-as-json", "not-utf8", "json-list", "json-string", "list"],
)
@pytest.mark.parametrize("signature", ["unsigned", "signed"])
def test_a_malformed_body_gets_a_4xx_and_one_line(
    bot: Harness,
    edge: Edge,
    refusals_logged: pytest.LogCaptureFixture,
    body: bytes,
    content_type: str,
    signature: str,
) -> None:
    headers = signed(body) if signature == "signed" else {}
    headers["content-type"] = content_type
    status, _ = edge.post(body, headers)
    assert status == (400 if signature == "signed" else 401)
    only_refusal_lines(refusals_logged, body, 1)
    assert_nothing_happened(bot)


def test_a_replayed_request_is_refused_the_second_time(
    bot: Harness, edge: Edge, refusals_logged: pytest.LogCaptureFixture
) -> None:
    body = help_body(bot)
    headers = signed(body)
    assert edge.post(body, headers)[0] == 200
    bot.fake.wait_for("response_url")
    assert edge.post(body, headers)[0] == 401
    only_refusal_lines(refusals_logged, body, 1)
    assert len(bot.fake.calls_to("response_url")) == 1


@pytest.mark.parametrize("skew", [-301, 301, -86400, 10**9])
def test_an_old_or_future_signature_is_refused(
    bot: Harness, edge: Edge, refusals_logged: pytest.LogCaptureFixture, skew: int
) -> None:
    body = help_body(bot)
    status, _ = edge.post(body, signed(body, at=time.time() + skew))
    assert status == 401
    only_refusal_lines(refusals_logged, body, 1)
    assert_nothing_happened(bot)


@pytest.mark.parametrize(
    ("length", "status"),
    [(None, 411), ("", 411), ("-1", 411), ("abc", 411), (str(MAX_BODY_BYTES + 1), 413)],
)
def test_a_missing_or_oversized_length_is_refused_unread(
    bot: Harness,
    edge: Edge,
    refusals_logged: pytest.LogCaptureFixture,
    length: str | None,
    status: int,
) -> None:
    body = help_body(bot)
    answered, _ = edge.post(body, signed(body), length=length if length is not None else "")
    assert answered == status
    only_refusal_lines(refusals_logged, body, 1)
    assert_nothing_happened(bot)


def test_a_body_shorter_than_its_length_is_refused(
    bot: Harness, edge: Edge, refusals_logged: pytest.LogCaptureFixture
) -> None:
    body = help_body(bot)
    status, _ = edge.post(body, signed(body), length=str(len(body) + 10))
    assert status == 400
    only_refusal_lines(refusals_logged, body, 1)
    assert_nothing_happened(bot)


def test_even_bolt_alone_never_acts_on_an_unverified_body(bot: Harness) -> None:
    """Behind the gate, Bolt's own check raises on a timestamp like `abc`; the error handler
    then must not reply to the body's response_url or post as the bot (defence in depth)."""
    body = help_body(bot, bot.fake.new_response_url()).decode()
    request = BoltRequest(
        body=body,
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": "abc",
            "x-slack-signature": "v0=" + "0" * 64,
        },
    )
    response = bot.app.dispatch(request)
    assert response.status >= 400
    time.sleep(0.2)
    assert_nothing_happened(bot)


# --- generated: every shape at once -----------------------------------------------------

_timestamps = st.one_of(
    st.none(),
    st.text(max_size=14),
    st.integers(min_value=-(10**12), max_value=10**13).map(str),
    st.sampled_from(["abc", "", "1e3", "0x1f", "+1", " 7", "١٢٣"]),
)
_signatures = st.one_of(
    st.none(),
    st.text(max_size=80),
    st.binary(min_size=32, max_size=32).map(lambda b: "v0=" + b.hex()),
    st.sampled_from(["v0=", "v1=" + "a" * 64, "v0=" + "G" * 64, "v0=" + "A" * 64]),
)
_content_types = st.sampled_from(
    ["application/x-www-form-urlencoded", "application/json", "text/plain", "", "multipart/x"]
)
_bodies = st.one_of(
    st.binary(max_size=300),
    st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=5).map(
        lambda d: urlencode(d).encode()
    ),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=8,
    ).map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda url: urlencode(
            {"payload": json.dumps({"type": "block_actions", "response_url": url})}
        ),
        st.sampled_from([ATTACKER_URL, "https://hooks.slack.com/actions/T/1/x"]),
    ).map(str.encode),
)

_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@_SETTINGS
@given(body=_bodies, timestamp=_timestamps, signature=_signatures, content_type=_content_types)
def test_generated_unsigned_requests_never_act(
    bot: Harness,
    edge: Edge,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    content_type: str,
) -> None:
    headers = {"content-type": content_type}
    if timestamp is not None:
        headers["x-slack-request-timestamp"] = timestamp
    if signature is not None:
        headers["x-slack-signature"] = signature
    status, _ = edge.post(body, headers)
    assert status in (400, 401, 411, 413)
    assert_nothing_happened(bot)


@_SETTINGS
@given(body=_bodies, secret=st.text(min_size=1, max_size=40), skew=st.integers(-400, 400))
def test_generated_wrong_secret_or_stale_requests_never_act(
    bot: Harness, edge: Edge, body: bytes, secret: str, skew: int
) -> None:
    """Well-formed signatures that are wrong: another secret, or a right one too old/new."""
    if secret == SECRET and abs(skew) <= 300:
        skew = 301 if skew >= 0 else -301
    headers = signed(body, secret=secret, at=time.time() + skew)
    status, _ = edge.post(body, headers)
    assert status == 401
    assert_nothing_happened(bot)


@_SETTINGS
@given(body=_bodies, flip=st.integers(min_value=0, max_value=10_000))
def test_generated_tampered_bodies_never_act(
    bot: Harness, edge: Edge, body: bytes, flip: int
) -> None:
    """Signed by Slack, then changed by one byte (or cut short): refused."""
    headers = signed(body)
    if body:
        at = flip % len(body)
        tampered = body[:at] + bytes([body[at] ^ 0x01]) + body[at + 1 :]
    else:
        tampered = b"x"
    status, _ = edge.post(tampered, headers)
    assert status == 401
    assert_nothing_happened(bot)


@_SETTINGS
@given(body=_bodies)
def test_generated_signed_bodies_are_answered_or_refused_without_a_traceback(
    bot: Harness, edge: Edge, body: bytes
) -> None:
    """Genuinely signed garbage (only Slack could send it): a 2xx/4xx, never a 500."""
    status, _ = edge.post(body, signed(body))
    assert status < 500
