"""Slow clients: many sockets that send a request a byte at a time and never finish it.

Shared by the test (150 sockets) and bench/loadtest_slow_clients.py (500).
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.request
from urllib.parse import urlencode

from handlers.console.fakeslack.requests import signed_headers

_START = b"POST /slack/events HTTP/1.1\r\nHost: coach\r\nContent-Length: 100000\r\nX-Slow: "


class Trickle:
    """`count` connections, each sending one more byte every `interval` seconds."""

    def __init__(self, port: int, count: int, interval: float = 0.5) -> None:
        self.port = port
        self.interval = interval
        self.sockets: list[socket.socket] = []
        self.closed_by_server = 0
        self._stop = threading.Event()
        for _ in range(count):
            conn = socket.create_connection(("127.0.0.1", port), timeout=5)
            conn.sendall(_START)
            conn.setblocking(False)
            self.sockets.append(conn)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            for conn in list(self.sockets):
                try:
                    conn.send(b"a")
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    self.sockets.remove(conn)
                    self.closed_by_server += 1
                    conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for conn in self.sockets:
            conn.close()


def signed_help(url: str, secret: str, form: dict[str, str]) -> float:
    """Send a signed /help and return how long the server took to answer 200."""
    body = urlencode(form)
    headers = signed_headers(secret, body, "application/x-www-form-urlencoded")
    request = urllib.request.Request(
        url + "/slack/events",
        data=body.encode(),
        headers={name: str(value) for name, value in headers.items()},
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=10) as reply:
        assert reply.status == 200
    return time.perf_counter() - started
