"""Starting the bot in Socket Mode or HTTP mode, and stopping it cleanly on Ctrl-C.

The console is started by `bot.cli` instead, so production never loads the fake Slack.
"""

from __future__ import annotations

import logging

from slack_bolt import App

from bot.config import Settings
from bot.services import build_services
from handlers.app import create_app
from handlers.http import wsgi_app

log = logging.getLogger(__name__)


def run(settings: Settings) -> int:
    services = build_services(settings)
    app = create_app(services)
    services.ticker.start()
    try:
        if settings.mode == "socket":
            _run_socket(app, settings)
        else:
            _run_http(app, settings)
    except KeyboardInterrupt:
        pass  # Ctrl-C: fall through to the clean stop below
    finally:
        log.info("Stopping: finishing the ticker and closing the store")
        services.ticker.stop()
        services.store.close()
        log.info("Stopped cleanly")
    return 0


def _run_socket(app: App, settings: Settings) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    handler = SocketModeHandler(app, settings.app_token)
    log.info("Connecting to Slack in Socket Mode")
    try:
        handler.start()  # type: ignore[no-untyped-call]
    finally:
        handler.close()  # type: ignore[no-untyped-call]


def _run_http(app: App, settings: Settings) -> None:
    from waitress.server import create_server

    server = create_server(wsgi_app(app), host="0.0.0.0", port=settings.port)  # noqa: S104
    log.info("Listening for Slack on port %s at /slack/events (health: /healthz)", settings.port)
    server.run()  # waitress handles Ctrl-C itself and returns
