"""Socket Mode with the same shape check as the HTTP gate (`handlers.slack_shape`).

Envelopes come over a connection opened with the app token, so there is no signature to
check; but Bolt still assumes Slack's shapes, and one it cannot read made it raise in the
socket thread with a traceback. An envelope whose payload Slack could not have sent is
acknowledged (so Slack does not send it again), logged in one line without its payload, and
never given to Bolt.
"""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_sdk.socket_mode.client import BaseSocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from handlers.slack_shape import problem

log = logging.getLogger(__name__)


class CheckedSocketModeHandler(SocketModeHandler):
    def handle(self, client: BaseSocketModeClient, req: SocketModeRequest) -> None:
        shape = problem(req.payload)
        if shape is None:
            super().handle(client, req)  # type: ignore[arg-type]
            return
        log.warning("Refused a Socket Mode %s envelope: a payload that %s", req.type, shape)
        client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
