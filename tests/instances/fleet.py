"""Bot instances run as real processes in HTTP mode on one PostgreSQL database, and the signed
load a test spreads over them. What counts as acknowledged is what the user was told:
a /logcall whose reply said "Logged call"."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from handlers.console.fakeslack.requests import signed_headers
from handlers.console.fakeslack.server import ApiCall, FakeSlack
from tests.process import bot_env, free_port

SECRET = "fleet-signing-secret"
TOKEN = "xoxb-fleet-test"
LOGGED = "Logged call"
DATABASE_DOWN = "database"  # both database messages name it (errors.database_down)


class Instance:
    def __init__(self, name: str, database_url: str, slack: FakeSlack, folder: Path) -> None:
        self.name = name
        self.port = free_port()
        self.log_path = folder / f"{name}.log"
        env = bot_env(
            BOT_MODE="http",
            SLACK_BOT_TOKEN=TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=slack.api_url,
            BOT_DATABASE_URL=database_url,
            PORT=str(self.port),
        )
        with self.log_path.open("w") as log:  # a file, not a pipe: a full pipe would block it
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                cwd=folder,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def probe(self, path: str, timeout: float = 3.0) -> int:
        """The HTTP status of GET `path`; 0 when nothing answers."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as reply:
                return int(reply.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except OSError:
            return 0

    def wait_ready(self, timeout: float = 45.0) -> float:
        """Seconds until /readyz said 200."""
        started = time.monotonic()
        while self.probe("/readyz") != 200:
            assert self.process.poll() is None, f"{self.name} exited:\n{self.output()}"
            assert time.monotonic() - started < timeout, f"{self.name} not ready:\n{self.output()}"
            time.sleep(0.1)
        return time.monotonic() - started

    def command(
        self, slack: FakeSlack, command: str, text: str = "", channel: str = "C0FLEET"
    ) -> Sent:
        """Send a signed slash command: what HTTP answered, and where the reply will go."""
        reply_to = slack.new_response_url()
        form = {
            "command": command,
            "text": text,
            "user_id": "U0AGENT01",
            "channel_id": channel,
            "team_id": "T0COACH",
            "response_url": reply_to,
            "trigger_id": "1.2.trigger",
        }
        body = urlencode(form)
        headers = signed_headers(SECRET, body, "application/x-www-form-urlencoded")
        request = urllib.request.Request(
            self.base + "/slack/events",
            data=body.encode(),
            headers={k: str(v) for k, v in headers.items()},
        )
        sent = Sent(self.name, command, text, urlsplit(reply_to).path, time.monotonic())
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                sent.status = int(answer.status)
        except urllib.error.HTTPError as error:
            sent.status = int(error.code)
        except OSError:
            sent.status = 0  # refused or cut off: never acknowledged
        sent.answered_after = time.monotonic() - sent.at
        return sent

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.output()

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")


@dataclass
class Sent:
    instance: str
    command: str
    text: str
    reply_path: str  # where the bot answers: the path of its response_url
    at: float
    status: int = 0
    answered_after: float = 0.0
    replies: list[str] = field(default_factory=list)

    @property
    def acknowledged_stored(self) -> bool:
        return any(LOGGED in reply for reply in self.replies)


def collect_replies(slack: FakeSlack, sent: list[Sent], timeout: float = 20.0) -> None:
    """Wait until every request the bot accepted (HTTP 200) got its reply; fill them in."""
    deadline = time.monotonic() + timeout
    while True:
        by_path: dict[str, list[ApiCall]] = {}
        for call in slack.calls_to("response_url"):
            by_path.setdefault(call.url, []).append(call)
        for one in sent:
            one.replies = [reply_text(call) for call in by_path.get(one.reply_path, [])]
        waiting = [one for one in sent if one.status == 200 and not one.replies]
        if not waiting or time.monotonic() > deadline:
            return
        time.sleep(0.2)


def reply_text(call: ApiCall) -> str:
    return " ".join(str(call.args.get(key) or "") for key in ("text", "blocks"))
