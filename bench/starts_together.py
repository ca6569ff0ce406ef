"""30 instances started at once on a fresh PostgreSQL database: how many crash (issue 15).

Each start is the real store opening (migrations under an advisory lock), as `python -m bot
run` does first. Run: `.venv/bin/python -m bench.starts_together 30`.
"""

from __future__ import annotations

import subprocess
import sys
import time

from tests.postgres import scratch_database, stoppable_server, unavailable_reason

START = "from bot.store.postgres import PgStore; PgStore({url!r}).close()"


def main(count: int) -> int:
    reason = unavailable_reason()
    if reason:
        print(f"skipped: {reason}")
        return 0
    with stoppable_server() as server, scratch_database(server.url) as url:
        began = time.monotonic()
        starts = [
            subprocess.Popen(  # noqa: S603 (our own interpreter and code)
                [sys.executable, "-c", START.format(url=url)],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            for _ in range(count)
        ]
        crashed = [out for out in (s.communicate(timeout=300)[0] for s in starts) if out]
        codes = [s.returncode for s in starts]
        took = time.monotonic() - began
    failures = sum(code != 0 for code in codes)
    print(f"{count} simultaneous starts on a fresh database: {failures} crashed, {took:.1f} s")
    for output in crashed[:3]:
        print(output.decode(errors="replace")[-800:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
