"""Mixed signed load on HTTP mode: the bot runs as its own process (`python -m bot run`,
BOT_MODE=http) against the fake Slack on 127.0.0.1 (SLACK_API_URL), on a store filled by
`python -m bot demo-data`. A bounded mix of /help, /tip, /rephrase and quick /logcall is sent
open-loop at each rate in turn; printed per rate: ack p50/p95/p99 and max, errors, commands
never replied to, and at the end calls stored against calls sent and the bot's peak RSS.

Goals (issue 14): ack p99 < 50 ms at 100 req/s (minimum < 200 ms at 50 req/s), every call
stored, every command replied to, peak memory < 200 MB.

    python -m bench.loadtest_mixed [rates…]      # default 20 50 100
    LOADTEST_CALLS=10000 LOADTEST_SECONDS=10 python -m bench.loadtest_mixed 20 50
    LOADTEST_BASELINE=/tmp/old-tree python -m bench.loadtest_mixed 50 100

LOADTEST_BASELINE names another source tree (say `git archive` of an earlier commit): the same
load is then sent first to a bot started from it, on a copy of the same demo data, and then
to this tree's bot, so the two are compared in one run on the same (busy) machine.

Loopback only; at most rate × seconds requests per rate, and a hard time limit per step.
"""

from __future__ import annotations

import http.client
import itertools
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlparse

from bot.calllog.log import COLLECTION as CALL_LOG
from bot.store import open_store
from handlers.console.fakeslack.requests import signed_headers
from handlers.console.fakeslack.server import FakeSlack
from tests.process import ROOT, bot_env, free_port

SECRET = "loadtest-signing-secret"
DEMO_CALLS = int(os.environ.get("LOADTEST_CALLS", "100000"))
SECONDS = float(os.environ.get("LOADTEST_SECONDS", "20"))
SENDERS = 200  # open-loop: enough threads that a slow answer never delays the next send
REPLY_WAIT = 30.0  # seconds to wait for the last replies after a step


@dataclass
class Step:
    rate: int
    acks: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    sent: dict[str, str] = field(default_factory=dict)  # response_url id -> command
    late_starts: int = 0  # sends that began over 50 ms after their slot (client overloaded)


def mix(n: int) -> tuple[str, str]:
    """The n-th command of the mix: mostly quick reads, one in four a quick call log."""
    kind = n % 4
    if kind == 0:
        return "/help", ""
    if kind == 1:
        return "/tip", ("empathy", "", "listening")[n % 3]
    if kind == 2:
        return "/rephrase", f"That's not my problem, you should have read the terms (#{n})"
    return "/logcall", f"billing {1 + n % 5} escalated: load test call {n}, charged twice"


def form(fake: FakeSlack, command: str, text: str, n: int) -> dict[str, str]:
    return {
        "team_id": "T0COACH",
        "channel_id": "C0SUPPORT",
        "user_id": f"U0LOAD{n % 50:04d}",
        "user_name": "load",
        "command": command,
        "text": text,
        "api_app_id": "A0COACH",
        "response_url": fake.new_response_url(),
        "trigger_id": f"trigger-{n}",
    }


def send(port: int, body: str) -> tuple[float, int]:
    headers = signed_headers(SECRET, body, "application/x-www-form-urlencoded")
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", "/slack/events", body=body.encode(), headers=dict(headers))  # type: ignore[arg-type]
        status = conn.getresponse().status
    finally:
        conn.close()
    return time.perf_counter() - started, status


def run_step(port: int, fake: FakeSlack, rate: int, first: int, pool: ThreadPoolExecutor) -> Step:
    step = Step(rate)
    total = int(rate * SECONDS)
    lock = threading.Lock()
    start = time.perf_counter() + 0.2

    def one(n: int, slot: float) -> None:
        command, text = mix(n)
        payload = form(fake, command, text, n)
        if time.perf_counter() - slot > 0.05:
            with lock:
                step.late_starts += 1
        try:
            took, status = send(port, urlencode(payload))
        except OSError as error:
            with lock:
                step.errors.append(f"{command}: {type(error).__name__}")
            return
        with lock:
            step.acks.append(took)
            if status != 200:
                step.errors.append(f"{command}: HTTP {status}")
            else:
                step.sent[urlparse(payload["response_url"]).path] = command

    futures = []
    for i in range(total):
        slot = start + i / rate
        pause = slot - time.perf_counter()
        if pause > 0:
            time.sleep(pause)
        futures.append(pool.submit(one, first + i, slot))
    for future in futures:
        future.result(timeout=60)
    return step


def replied_paths(fake: FakeSlack) -> set[str]:
    return {urlparse(call.url).path for call in fake.calls_to("response_url")}


def wait_for_replies(fake: FakeSlack, step: Step) -> list[str]:
    deadline = time.monotonic() + REPLY_WAIT
    while True:
        missing = [path for path in step.sent if path not in replied_paths(fake)]
        if not missing or time.monotonic() > deadline:
            return [step.sent[path] for path in missing]
        time.sleep(0.5)


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ms(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def start_bot(folder: Path, fake: FakeSlack, port: int, source: Path) -> subprocess.Popen[bytes]:
    env = bot_env(
        PYTHONPATH=str(source),
        BOT_MODE="http",
        SLACK_BOT_TOKEN="xoxb-load",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.api_url,
        BOT_DB_PATH=str(folder / "db.json"),
        # The demo calls span years: the daily retention purge would remove some of them
        # during the run, and "calls stored" counts what the run added.
        BOT_RETENTION_DAYS="36500",
        PORT=str(port),
        LOG_LEVEL="WARNING",
    )
    log = (folder / "bot.log").open(
        "wb"
    )  # its warnings (tips missed at start) stay out of the report
    bot = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"], cwd=folder, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert bot.poll() is None, "the bot stopped while starting"
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return bot
        except OSError:
            time.sleep(0.2)
    bot.kill()
    raise SystemExit("HTTP mode did not come up within 120 s")


def fill(folder: Path) -> float:
    started = time.monotonic()
    folder.mkdir()
    subprocess.run(  # noqa: S603 - our own entry point, fixed arguments
        [sys.executable, "-m", "bot", "demo-data", "--calls", str(DEMO_CALLS)],
        cwd=folder,
        env=bot_env(BOT_DB_PATH=str(folder / "db.json")),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - started


def main(rates: list[int]) -> int:
    baseline = os.environ.get("LOADTEST_BASELINE")
    runs = [("baseline", Path(baseline))] if baseline else []
    runs.append(("this tree", ROOT))
    with tempfile.TemporaryDirectory() as name:
        seed = Path(name) / "seed"
        print(f"demo data: {DEMO_CALLS} calls in {fill(seed):.1f} s; {SECONDS:.0f} s per rate")
        ok = True
        for label, source in runs:
            folder = Path(name) / label.replace(" ", "-")
            shutil.copytree(seed, folder)
            if len(runs) > 1:
                print(f"--- {label}: {source}")
            ok = measure(folder, source, rates) and ok
            shutil.rmtree(folder)
        return 0 if ok else 1


def measure(folder: Path, source: Path, rates: list[int]) -> bool:
    """Start the bot from `source` on the store in `folder`, send each rate, print the lines."""
    fake = FakeSlack().start()
    port = free_port()
    bot = start_bot(folder, fake, port, source)
    print(f"bot started (pid {bot.pid}); RSS peak after start {peak_rss_mb(bot.pid):.0f} MB")
    counter = itertools.count()
    logged = 0
    ok = True
    try:
        with ThreadPoolExecutor(SENDERS, thread_name_prefix="sender") as pool:
            for rate in rates:
                first = next(counter) * 1_000_000
                step = run_step(port, fake, rate, first, pool)
                missing = wait_for_replies(fake, step)
                logged += sum(1 for command in step.sent.values() if command == "/logcall")
                print(
                    f"{rate:4d} req/s  sent={int(rate * SECONDS):5d}  "
                    f"ack p50={ms(step.acks, 0.5):6.1f}  p95={ms(step.acks, 0.95):6.1f}  "
                    f"p99={ms(step.acks, 0.99):6.1f}  max={ms(step.acks, 1.0):7.1f} ms  "
                    f"errors={len(step.errors)}  replies missing={len(missing)}"
                    f"  late sends={step.late_starts}"
                )
                if step.errors:
                    print(f"      first errors: {step.errors[:3]}")
                ok = ok and not step.errors and not missing
        peak = peak_rss_mb(bot.pid)
    finally:
        bot.send_signal(signal.SIGTERM)
        try:
            bot.wait(timeout=60)
        except subprocess.TimeoutExpired:
            bot.kill()
        fake.stop()
    store = open_store(folder / "db.json")
    try:
        stored = store.count(CALL_LOG) - DEMO_CALLS
    finally:
        store.close()
    print(f"calls stored {stored} of {logged} acknowledged; bot peak RSS {peak:.0f} MB")
    return ok and stored == logged


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or [20, 50, 100]))
