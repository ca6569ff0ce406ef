"""A fake Slack Web API: a real HTTP server on 127.0.0.1 that records every call the bot makes.

The console shows what it records as text; the tests assert on it. It answers in Slack's
shapes, checks every outgoing message and view against Block Kit's limits, and can be told to
fail the next call of a method: an error code, a 429 with Retry-After, a connection reset
before or after acting on the call, or an answer slower than the client waits; or enforce
Slack's rate limits (limits.py).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from handlers.block_limits import message_problems, view_problems
from handlers.console.fakeslack.limits import RateLimits
from handlers.console.fakeslack.people import default_users

BOT_USER_ID = "UBOTCOACH"
TEAM_ID = "T0COACH"
_JSON_FIELDS = ("blocks", "attachments", "view", "file_uploads", "files", "metadata")
_MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")
_VIEW_METHODS = ("views.open", "views.push", "views.update", "views.publish")


@dataclass
class ApiCall:
    method: str  # a Web API method such as "chat.postMessage", or "response_url", or "upload"
    args: dict[str, Any]
    token: str | None = None
    url: str = ""
    answer: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Failure:
    error: str
    status: int = 200
    retry_after: int | None = None
    channel: str | None = None  # only calls to this channel, when given
    reset: str | None = None  # "before": reset without acting; "after": act, then reset
    delay: float = 0.0  # act, then answer this many seconds late


_RESET: tuple[int, dict[str, str], bytes] = (
    0,
    {},
    b"",
)  # _handle's answer when the connection is to be reset


class FakeSlack:
    def __init__(self, on_call: Callable[[ApiCall], None] | None = None) -> None:
        self.calls: list[ApiCall] = []
        self.dropped: list[ApiCall] = []  # calls reset before the fake acted on them
        self.problems: list[str] = []
        self.usergroups: dict[str, list[str]] = {}
        self.users: dict[str, dict[str, Any]] = default_users()  # users.info, users.list
        self.uploads: dict[str, bytes] = {}
        self.socket_url: str | None = None
        self.on_call = on_call
        self._failures: dict[str, list[_Failure]] = {}
        self.limits: RateLimits | None = None  # Slack's rate limits, when enforced
        self._lock = threading.Condition()
        self._ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None

    # --- lifecycle ---------------------------------------------------------------------------

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                status, headers, body = fake._handle(
                    self.path,
                    self.headers.get("Content-Type", ""),
                    raw,
                    self.headers.get("Authorization"),
                )
                if status == 0:  # a reset: no answer at all, as a dropped connection
                    self.close_connection = True
                    linger = struct.pack("ii", 1, 0)
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, linger)
                    self.connection.close()
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    # The client may have given up waiting (a delayed answer): as in Slack.
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the recorded calls are the log

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True, name="fake-slack"
        ).start()  # a short poll, so stop() (once per test) returns at once
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    @property
    def url(self) -> str:
        assert self._server is not None, "FakeSlack.start() first"
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        return self.url + "/api/"

    def new_response_url(self) -> str:
        return f"{self.url}/respond/{next(self._ids)}"

    # --- scripting failures -------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        error: str,
        times: int = 1,
        status: int = 200,
        *,
        channel: str | None = None,
    ) -> None:
        """Answer the next `times` calls of `method` (to `channel`, if given) with
        {"ok": false, "error": error}, with HTTP `status` (Slack answers an expired
        response_url with 404, for instance)."""
        failure = _Failure(error, status=status, channel=channel)
        with self._lock:
            self._failures.setdefault(method, []).extend(failure for _ in range(times))

    def enforce_rate_limits(self, limits: RateLimits | None = None) -> RateLimits:
        """Answer 429 with Retry-After, as Slack does, whenever a limit is exceeded."""
        self.limits = limits or RateLimits()
        return self.limits

    def rate_limit_next(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """Answer the next `times` calls of `method` with HTTP 429 and Retry-After."""
        failure = _Failure("ratelimited", status=429, retry_after=retry_after)
        with self._lock:
            self._failures.setdefault(method, []).extend(failure for _ in range(times))

    def reset_next(self, method: str, *, after: bool, times: int = 1) -> None:
        """Reset the connection of the next `times` calls of `method`: before acting on the
        call (nothing happens), or `after` acting on it (it happened; no answer came back)."""
        failure = _Failure("reset", reset="after" if after else "before")
        with self._lock:
            self._failures.setdefault(method, []).extend(failure for _ in range(times))

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Act on the next `times` calls of `method`, but answer `seconds` late: a client that
        waits less sees a timeout although the call happened."""
        failure = _Failure("slow", delay=seconds)
        with self._lock:
            self._failures.setdefault(method, []).extend(failure for _ in range(times))

    # --- reading what was sent ----------------------------------------------------------------

    def calls_to(self, *methods: str) -> list[ApiCall]:
        with self._lock:
            return [call for call in self.calls if call.method in methods]

    def wait_for(self, *methods: str, count: int = 1, timeout: float = 5.0) -> list[ApiCall]:
        """Wait until at least `count` calls of the methods were made; return them all."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [call for call in self.calls if call.method in methods]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = ", ".join(call.method for call in self.calls) or "nothing"
                    raise AssertionError(
                        f"expected {count} call(s) to {' or '.join(methods)}; saw: {seen}"
                    )
                self._lock.wait(left)

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

    # --- the server side ----------------------------------------------------------------------

    def _handle(
        self, path: str, content_type: str, raw: bytes, auth: str | None
    ) -> tuple[int, dict[str, str], bytes]:
        parsed = urlparse(path)
        if parsed.path.startswith("/upload/"):
            file_id = parsed.path.rsplit("/", 1)[-1]
            self.uploads[file_id] = raw
            self._record(ApiCall("upload", {"file_id": file_id, "size": len(raw)}, url=path))
            return 200, {"Content-Type": "text/plain"}, b"OK - " + str(len(raw)).encode()
        args = _parse_body(content_type, raw)
        token = auth.removeprefix("Bearer ") if auth else args.get("token")
        if parsed.path.startswith("/respond/"):
            method = "response_url"
        elif parsed.path.startswith("/api/"):
            method = parsed.path.removeprefix("/api/")
        else:
            return 404, {}, b"not found"
        failure = self._take_failure(method, args)
        if failure is None and self.limits is not None:
            retry_after = self.limits.check(method, args)
            if retry_after is not None:
                failure = _Failure("ratelimited", status=429, retry_after=retry_after)
        if failure is not None and failure.reset == "before":
            with self._lock:
                self.dropped.append(ApiCall(method, args, token, path))
            return _RESET
        if failure is not None and (failure.reset == "after" or failure.delay):
            acted = self._act(method, args, token, path)
            if failure.reset == "after":
                return _RESET
            time.sleep(failure.delay)
            return acted
        if failure is not None:
            answer: dict[str, Any] = {"ok": False, "error": failure.error}
            headers = {"Content-Type": "application/json"}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            self._record(ApiCall(method, args, token, path, answer))
            if method == "response_url":  # Slack answers these in plain text
                headers["Content-Type"] = "text/plain"
                return failure.status, headers, failure.error.encode()
            return failure.status, headers, json.dumps(answer).encode()
        return self._act(method, args, token, path)

    def _act(
        self, method: str, args: dict[str, Any], token: str | None, path: str
    ) -> tuple[int, dict[str, str], bytes]:
        answer = self._answer(method, args)
        self._record(ApiCall(method, args, token, path, answer))
        if method == "response_url":
            return 200, {"Content-Type": "text/plain"}, b"ok"
        return 200, {"Content-Type": "application/json"}, json.dumps(answer).encode()

    def _take_failure(self, method: str, args: dict[str, Any]) -> _Failure | None:
        with self._lock:
            queue = self._failures.get(method) or []
            for n, failure in enumerate(queue):
                if failure.channel is None or failure.channel == args.get("channel"):
                    return queue.pop(n)
            return None

    def _record(self, call: ApiCall) -> None:
        with self._lock:
            self.calls.append(call)
            self._lock.notify_all()
        if self.on_call is not None:
            self.on_call(call)

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        problems = self._check_limits(method, args)
        if problems:
            with self._lock:
                self.problems.extend(f"{method}: {problem}" for problem in problems)
            return {"ok": False, "error": "invalid_blocks", "errors": problems}
        ts = f"{time.time():.6f}"
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://coach.example/",
                "team": "Coach Test",
                "user": "service_coach",
                "team_id": TEAM_ID,
                "user_id": BOT_USER_ID,
                "bot_id": "BCOACH",
            }
        if method == "chat.postMessage":
            channel = str(args.get("channel", ""))
            if channel.startswith("U"):  # Slack opens the DM when posting to a user ID
                channel = "D" + channel[1:]
            return {"ok": True, "channel": channel, "ts": ts, "message": {**args, "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": ts}
        if method in ("chat.update", "chat.delete"):
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
        if method in _VIEW_METHODS:
            view = dict(args.get("view") or {})
            view_id = args.get("view_id") or f"V{next(self._ids):06d}"
            return {"ok": True, "view": {**view, "id": view_id, "hash": ts}}
        if method == "conversations.open":
            users = str(args.get("users", "U0")).split(",")[0]
            return {"ok": True, "channel": {"id": "D" + users.lstrip("UW")}}
        if method == "usergroups.users.list":
            group = str(args.get("usergroup"))
            if group not in self.usergroups:
                return {"ok": False, "error": "no_such_subteam"}
            return {"ok": True, "users": self.usergroups[group]}
        if method == "users.info":
            found = self.users.get(str(args.get("user")))
            return (
                {"ok": True, "user": found} if found else {"ok": False, "error": "user_not_found"}
            )
        if method == "users.list":
            return self._users_page(args)
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ids):06d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args.get("files") or []
            return {
                "ok": True,
                "files": [{"id": f.get("id"), "title": f.get("title")} for f in files],
            }
        if method == "apps.connections.open":
            if self.socket_url is None:
                return {"ok": False, "error": "invalid_auth"}
            return {"ok": True, "url": self.socket_url}
        return {"ok": True}

    def _users_page(self, args: dict[str, Any]) -> dict[str, Any]:
        # Pages as Slack does: `limit` users, then a cursor for the rest ("" on the last page).
        limit = max(1, min(int(args.get("limit") or 200), 1000))
        start = int(args.get("cursor") or 0)
        with self._lock:
            everyone = list(self.users.values())
        page = everyone[start : start + limit]
        rest = str(start + limit) if start + limit < len(everyone) else ""
        return {"ok": True, "members": page, "response_metadata": {"next_cursor": rest}}

    def _check_limits(self, method: str, args: dict[str, Any]) -> list[str]:
        if method in _MESSAGE_METHODS:
            return message_problems(args.get("blocks"), args.get("text"))
        if method in _VIEW_METHODS:
            return view_problems(args.get("view") or {})
        return []


def _parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    if not raw:
        return {}
    if "application/json" in content_type:
        loaded = json.loads(raw)
        return loaded if isinstance(loaded, dict) else {"body": loaded}
    form = {key: values[-1] for key, values in parse_qs(raw.decode("utf-8")).items()}
    args: dict[str, Any] = dict(form)
    for key in _JSON_FIELDS:
        if isinstance(args.get(key), str):
            with contextlib.suppress(json.JSONDecodeError):
                args[key] = json.loads(args[key])
    return args
