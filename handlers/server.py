"""waitress, configured for hostile clients.

waitress reads requests in its main loop and hands only complete ones to its worker threads,
so a slow client costs a connection, not a thread. Its defaults still let 100 slow clients
lock everyone out (the connection limit), so: a higher limit, polling instead of select()
(select() stops at 1,024 sockets), a short idle timeout, a body cap, and a deadline for a
request still arriving, which waitress lacks: a client trickling a byte a second is never
idle, but it is cut off once the deadline passes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from waitress.server import BaseWSGIServer, create_server

from handlers.http import MAX_BODY_BYTES, WsgiApp


@dataclass(frozen=True)
class Limits:
    connection_limit: int = 2000  # open sockets; each idle one costs a few kB
    threads: int = 8  # requests in hand at once; a listener's work runs on Bolt's own pool
    channel_timeout: int = 30  # seconds a connection may sit idle
    request_deadline: int = 10  # seconds a request may take to arrive in full
    cleanup_interval: int = 2  # how often the two timeouts above are enforced
    max_body_bytes: int = MAX_BODY_BYTES
    max_header_bytes: int = 64 * 1024
    backlog: int = 2048


def make_server(app: WsgiApp, host: str, port: int, limits: Limits = Limits()) -> BaseWSGIServer:
    server = create_server(
        app,
        host=host,
        port=port,
        threads=limits.threads,
        connection_limit=limits.connection_limit,
        channel_timeout=limits.channel_timeout,
        cleanup_interval=limits.cleanup_interval,
        max_request_body_size=limits.max_body_bytes,
        max_request_header_size=limits.max_header_bytes,
        backlog=limits.backlog,
        asyncore_use_poll=True,
        ident="service-coach",
    )
    assert isinstance(server, BaseWSGIServer)  # one host and port: never a multi-socket server
    _add_request_deadline(server, limits.request_deadline)
    return server


def _add_request_deadline(server: BaseWSGIServer, deadline: int) -> None:
    """Close a connection whose request has been arriving for longer than `deadline`.

    waitress keeps the request being read in `channel.request` until it is complete; the first
    maintenance pass that sees a request notes the time, and a later pass that finds the same
    request still incomplete past the deadline closes the connection."""
    idle_check = server.maintenance
    first_seen: dict[int, tuple[object, float]] = {}
    channels: dict[int, Any] = server.active_channels  # type: ignore[assignment]

    def maintenance(now: int) -> None:  # waitress passes time.time(); its stub says int
        idle_check(now)
        current = time.monotonic()
        alive: set[int] = set()
        for fileno, channel in list(channels.items()):
            partial = getattr(channel, "request", None)
            if partial is None or getattr(channel, "requests", None):
                continue
            alive.add(fileno)
            seen = first_seen.get(fileno)
            if seen is None or seen[0] is not partial:
                first_seen[fileno] = (partial, current)
            elif current - seen[1] > deadline:
                channel.will_close = True
        for fileno in set(first_seen) - alive:
            del first_seen[fileno]

    server.maintenance = maintenance  # type: ignore[method-assign]
