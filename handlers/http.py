"""HTTP mode: Slack's requests arrive at /slack/events behind a load balancer.

Bolt's built-in server is for development only, so the app is served as WSGI by waitress
(see `handlers.server`). `/healthz` answers 200 while the process serves HTTP (liveness);
`/readyz` answers 200 only when the database and Slack can be reached, else 503 with the
reason (readiness; `handlers.readiness`, cached a few seconds).

Every request to /slack/events passes a gate before Bolt sees it: the body is read raw, with a
size cap, and its signature checked on those bytes. A request that fails for any reason gets
401 (or 400/411/413 for a broken body) and one log line without the body; it never reaches
Bolt, so no listener and no error handler ever runs on it. A signed body Bolt could not parse,
or of a shape Slack never sends (`handlers.slack_shape`), gets 400 the same way. A verified
form that mentions "payload" is handed to Bolt as an equivalent body it parses correctly
(`handlers.form_body`), re-signed by the gate so Bolt's own check still passes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request.internals import (
    build_normalized_headers,
    extract_content_type,
    parse_body,
)

from handlers.form_body import for_bolt
from handlers.readiness import Readiness
from handlers.signature import ReplayGuard, expected_signature, refusal
from handlers.slack_shape import problem

StartResponse = Callable[..., Any]
WsgiApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024  # Slack's largest payloads (a full modal's state) are far smaller
_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    411: "Length Required",
    413: "Payload Too Large",
    503: "Service Unavailable",
}

log = logging.getLogger(__name__)


class Refused(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def wsgi_app(
    app: App, *, signing_secret: str | None = None, readiness: Readiness | None = None
) -> WsgiApp:
    """The WSGI app: health checks, the gate, then Bolt. The secret defaults to the app's."""
    secret = (signing_secret or _app_secret(app)).encode()
    replays = ReplayGuard()

    def route(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "")
        if path == "/healthz" and method in ("GET", "HEAD"):
            return _answer(start_response, 200, b"ok")
        if path == "/readyz" and method in ("GET", "HEAD"):
            verdict = readiness.verdict() if readiness else None
            if verdict is None or verdict.ready:
                return _answer(start_response, 200, b"ready")
            return _answer(start_response, 503, f"not ready: {verdict.detail}".encode())
        if path != EVENTS_PATH:
            return _answer(start_response, 404, b"not found")
        if method != "POST":
            return _answer(start_response, 405, b"POST only")
        try:
            request = _verified_request(environ, secret, replays)
        except Refused as refused:
            log.warning(
                "Refused a request to %s from %s: %s",
                EVENTS_PATH,
                environ.get("REMOTE_ADDR", "?"),
                refused.reason,
            )
            return _answer(start_response, refused.status, refused.reason.encode())
        return _bolt_answer(start_response, app.dispatch(request))

    return route


def _verified_request(environ: dict[str, Any], secret: bytes, replays: ReplayGuard) -> BoltRequest:
    raw = _read_body(environ)
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
    signature = environ.get("HTTP_X_SLACK_SIGNATURE")
    reason = refusal(secret, timestamp, signature, raw, time.time())
    if reason is not None:
        raise Refused(401, f"{reason} ({len(raw)} bytes)")
    assert signature is not None
    assert timestamp is not None
    if not replays.first_time(signature):
        raise Refused(401, "this signed request was already received (a replay)")
    # Signed from here on; still, a body Bolt cannot read, or one of a shape Slack never sends
    # (Bolt's own code raises on those), is refused before Bolt sees it.
    headers = _headers(environ)
    try:
        content_type = extract_content_type(build_normalized_headers(headers))
        text = for_bolt(raw.decode("utf-8"), content_type)
        body = parse_body(text, content_type)
    except Exception as error:
        raise Refused(400, f"a signed body that cannot be read ({type(error).__name__})") from None
    shape = problem(body)
    if shape is not None:
        raise Refused(400, f"a signed body that {shape}")
    bolt_bytes = text.encode("utf-8")
    if bolt_bytes != raw:
        # The equivalent body `for_bolt` wrote for a form that mentions "payload": the gate
        # verified Slack's bytes above, so it signs its own rewrite for Bolt's second check.
        headers["x-slack-signature"] = expected_signature(secret, timestamp, bolt_bytes)
        headers["content-length"] = str(len(bolt_bytes))
    try:
        return BoltRequest(body=text, query=environ.get("QUERY_STRING", ""), headers=headers)
    except Exception as error:
        raise Refused(400, f"a signed body that cannot be read ({type(error).__name__})") from None


def _read_body(environ: dict[str, Any]) -> bytes:
    declared = str(environ.get("CONTENT_LENGTH") or "").strip()
    if not declared.isdigit() or not declared.isascii():
        raise Refused(411, "no valid Content-Length")
    length = int(declared)
    if length > MAX_BODY_BYTES:
        raise Refused(413, f"body of {length} bytes is over the {MAX_BODY_BYTES}-byte limit")
    stream = environ["wsgi.input"]
    chunks: list[bytes] = []
    left = length
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    raw = b"".join(chunks)
    if len(raw) != length:
        raise Refused(400, f"body ended after {len(raw)} of {length} bytes")
    return raw


def _headers(environ: dict[str, Any]) -> dict[str, str | Sequence[str]]:
    headers: dict[str, str | Sequence[str]] = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if environ.get(key):
            headers[key.replace("_", "-").lower()] = str(environ[key])
    return headers


def _answer(start_response: StartResponse, status: int, body: bytes) -> list[bytes]:
    start_response(
        f"{status} {_REASONS.get(status, '')}".strip(),
        [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))],
    )
    return [body]


def _bolt_answer(start_response: StartResponse, response: BoltResponse) -> list[bytes]:
    body = response.body.encode("utf-8") if isinstance(response.body, str) else b""
    headers = [
        (name, value)
        for name, values in response.headers.items()
        for value in values
        if name.lower() != "content-length"
    ]
    headers.append(("Content-Length", str(len(body))))
    start_response(f"{response.status} {_REASONS.get(response.status, '')}".strip(), headers)
    return [body]


def _app_secret(app: App) -> str:
    secret = getattr(app, "_signing_secret", None)
    if not secret:
        raise ValueError("HTTP mode needs a signing secret (SLACK_SIGNING_SECRET)")
    return str(secret)
