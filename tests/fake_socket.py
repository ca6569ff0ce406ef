"""A fake Socket Mode server on 127.0.0.1: says hello, hands out each connection, records acks."""

from __future__ import annotations

import json
import queue
import threading
from typing import Any

from websockets.sync.server import Server, ServerConnection, serve


class FakeSocket:
    def __init__(self) -> None:
        self.connected: queue.Queue[ServerConnection] = queue.Queue()
        self.received: queue.Queue[dict[str, Any]] = queue.Queue()
        self.server: Server = serve(self._handle, "127.0.0.1", 0)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.server.socket.getsockname()[1]}/link"

    def _handle(self, connection: ServerConnection) -> None:
        connection.send(json.dumps({"type": "hello", "num_connections": 1}))
        self.connected.put(connection)
        for message in connection:
            self.received.put(json.loads(message))
