"""10,000+ generated unsigned, badly signed, stale, tampered and malformed requests through
the HTTP edge (handlers/http.py, then Bolt): counts how many were acted on (goal: 0).

Acted on = any status outside 4xx, any call to the fake Slack, or anything stored. Run with
`make loadtest` (or `python -m bench.security_fuzz [count]`).
"""

from __future__ import annotations

import io
import logging
import random
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.clock import ManualClock
from bot.config import Settings
from handlers.console.fakeslack.server import FakeSlack
from handlers.http import wsgi_app
from handlers.signature import expected_signature
from tests.harness import SECRET, Harness

_TIMESTAMPS = ["abc", "", "1e3", "0x10", " 1", "-5", "١٢٣", "9" * 30, None]


def _body(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.randbytes(rng.randrange(300))
    if kind == 1:
        return b"payload=%7B%22type%22%3A%22block_actions%22%2C%22response_url%22%3A%22http"
    if kind == 2:
        return b"command=%2Flogcall&text=billing+4+escalated%3A+x&user_id=U1&channel_id=C1"
    return b'{"type":"event_callback","event":{"type":"app_home_opened","user":"U1"}}'


def _headers(rng: random.Random, body: bytes) -> tuple[bytes, dict[str, str]]:
    now = int(time.time())
    shape = rng.randrange(5)
    headers = {
        "content-type": rng.choice(["application/x-www-form-urlencoded", "application/json"])
    }
    if shape == 0:  # unsigned, odd timestamp
        stamp = rng.choice(_TIMESTAMPS)
        if stamp is not None:
            headers["x-slack-request-timestamp"] = stamp
        headers["x-slack-signature"] = "v0=" + rng.randbytes(32).hex()
    elif shape == 1:  # another secret
        headers["x-slack-request-timestamp"] = str(now)
        headers["x-slack-signature"] = expected_signature(b"guess", str(now), body)
    elif shape == 2:  # stale or future
        stamp = str(now + rng.choice([-1, 1]) * rng.randrange(301, 10**6))
        headers["x-slack-request-timestamp"] = stamp
        headers["x-slack-signature"] = expected_signature(SECRET.encode(), stamp, body)
    elif shape == 3:  # tampered after signing
        headers["x-slack-request-timestamp"] = str(now)
        headers["x-slack-signature"] = expected_signature(SECRET.encode(), str(now), body)
        body = body + b"&x=1"
    else:  # garbage signature formats
        headers["x-slack-request-timestamp"] = str(now)
        headers["x-slack-signature"] = rng.choice(["", "v0=", "v1=" + "a" * 64, "V0=" + "0" * 64])
    return body, headers


def main(count: int = 10_000, seed: int = 16) -> int:
    rng = random.Random(seed)
    logging.getLogger("handlers.http").setLevel(logging.ERROR)  # 10,000 refusal lines otherwise
    with tempfile.TemporaryDirectory() as folder:
        fake = FakeSlack().start()
        settings = Settings(mode="http", bot_token="xoxb-fuzz", db_path=Path(folder) / "db.json")
        bot = Harness(settings, ManualClock(datetime(2026, 11, 30, 14, 0, tzinfo=UTC)), fake)
        app = wsgi_app(bot.app)
        statuses: Counter[int] = Counter()
        started = time.perf_counter()
        for _ in range(count):
            body, headers = _headers(rng, _body(rng))
            environ: dict[str, Any] = {
                "REQUEST_METHOD": "POST",
                "PATH_INFO": "/slack/events",
                "CONTENT_LENGTH": str(len(body)),
                "wsgi.input": io.BytesIO(body),
                "CONTENT_TYPE": headers.pop("content-type"),
            }
            environ.update({"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()})
            answer: list[str] = []
            b"".join(app(environ, lambda status, _h, seen=answer: seen.append(status)))
            statuses[int(answer[0].split()[0])] += 1
        elapsed = time.perf_counter() - started
        time.sleep(0.5)  # anything acted on would have reached the fake by now
        acted = sum(n for status, n in statuses.items() if not 400 <= status < 500)
        acted += len(fake.calls) + bot.services.store.count("calls")
        print(f"{count} generated requests in {elapsed:.1f} s; statuses {dict(statuses)}")
        print(f"acted on: {acted}")
        bot.close()
        fake.stop()
    return 0 if acted == 0 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
