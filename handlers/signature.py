"""Slack's request signature (v0), checked on the raw bytes before anything parses them.

Bolt checks it too, but only after it has parsed the body, and its check raises on a
timestamp that is not a whole number: the error handler then ran on an unverified body. This
check never raises; it says why a request is refused, for one log line.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import threading
import time
from collections import OrderedDict

MAX_AGE_SECONDS = 300  # Slack's rule: refuse a request signed more than 5 minutes away
_TIMESTAMP = re.compile(r"[0-9]{1,12}", re.ASCII)
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}", re.ASCII)


def expected_signature(secret: bytes, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()


def refusal(
    secret: bytes, timestamp: str | None, signature: str | None, body: bytes, now: float
) -> str | None:
    """None when the request is Slack's; otherwise why it is not (never quoting the body)."""
    if not secret:
        return "no signing secret is configured"
    if not timestamp:
        return "no X-Slack-Request-Timestamp"
    if not _TIMESTAMP.fullmatch(timestamp):
        return "X-Slack-Request-Timestamp is not a whole number of seconds"
    if abs(now - int(timestamp)) > MAX_AGE_SECONDS:
        return "X-Slack-Request-Timestamp is more than 5 minutes away (replayed, or a clock off)"
    if not signature:
        return "no X-Slack-Signature"
    if not _SIGNATURE.fullmatch(signature):
        return "X-Slack-Signature is not v0= and 64 hex digits"
    expected = expected_signature(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii")):
        return "X-Slack-Signature does not match the body"
    return None


class ReplayGuard:
    """Remembers the signatures accepted in the last 5 minutes, so the same signed request
    sent again (captured and replayed within the window) is refused. Per process: several
    instances behind a load balancer each keep their own memory."""

    def __init__(self, limit: int = 100_000) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def first_time(self, signature: str, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        with self._lock:
            while self._seen:
                oldest, seen_at = next(iter(self._seen.items()))
                if now - seen_at <= MAX_AGE_SECONDS and len(self._seen) < self._limit:
                    break
                del self._seen[oldest]
            if signature in self._seen:
                return False
            self._seen[signature] = now
            return True
