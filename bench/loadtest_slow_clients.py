"""Load test: 500 slow clients trickle requests a byte at a time at the HTTP server while a
signed /help is sent every half second; prints how long each took (goal: all within 1 s).

Baseline in the same run: the same probes with no slow clients. Run with `make loadtest`
(or `python -m bench.loadtest_slow_clients [connections] [seconds]`).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.clock import ManualClock
from bot.config import Settings
from handlers.console.fakeslack.server import FakeSlack
from tests.harness import SECRET, Harness
from tests.security.conftest import serve, shut
from tests.security.slowloris import Trickle, signed_help


def probe(bot: Harness, url: str, seconds: float) -> list[float]:
    timings = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
        timings.append(signed_help(url, SECRET, form))
        time.sleep(0.5)
    return timings


def report(name: str, timings: list[float]) -> None:
    print(
        f"{name:<28} probes={len(timings):3d}  median={statistics.median(timings) * 1000:6.1f} ms"
        f"  max={max(timings) * 1000:6.1f} ms  within 1 s: {sum(t < 1 for t in timings)}"
    )


def main(connections: int = 500, seconds: float = 10.0) -> int:
    with tempfile.TemporaryDirectory() as folder:
        fake = FakeSlack().start()
        settings = Settings(mode="http", bot_token="xoxb-load", db_path=Path(folder) / "db.json")
        bot = Harness(settings, ManualClock(datetime(2026, 11, 30, 14, 0, tzinfo=UTC)), fake)
        server, thread = serve(bot)
        url = f"http://127.0.0.1:{server.effective_port}"
        try:
            report("baseline (no slow clients)", probe(bot, url, seconds / 2))
            trickle = Trickle(server.effective_port, connections, interval=1.0)
            try:
                time.sleep(1.0)
                timings = probe(bot, url, seconds)
                report(f"{connections} slow clients", timings)
                print(f"slow clients still connected: {len(trickle.sockets)} of {connections}")
            finally:
                trickle.close()
        finally:
            shut(server, thread)
            bot.close()
            fake.stop()
    return 0 if max(timings) < 1.0 else 1


if __name__ == "__main__":
    args = [float(a) for a in sys.argv[1:3]]
    sys.exit(main(int(args[0]) if args else 500, args[1] if len(args) > 1 else 10.0))
