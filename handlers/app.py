"""The app factory: the one Bolt app that Socket Mode, HTTP mode, the console and the tests run."""

from __future__ import annotations

import logging
from concurrent.futures import Executor

from slack_bolt import App

from bot.services import Services
from handlers import register_all
from handlers.clients import make_client
from handlers.context import attach_services
from handlers.errors import register_error_handler
from handlers.listener_runner import PromptListenerRunner

log = logging.getLogger(__name__)


def create_app(
    services: Services,
    *,
    api_url: str | None = None,
    token: str | None = None,
    signing_secret: str | None = None,
    executor: Executor | None = None,
) -> App:
    """Build the Bolt app with every listener, the error handler and the scheduled jobs.

    `api_url` points the Web API client elsewhere (the fake Slack); `executor` replaces
    Bolt's thread pool (the console runs listeners inline so output appears in order).
    """
    settings = services.settings
    client = make_client(token or settings.bot_token or "xoxb-console", api_url or settings.api_url)
    app = App(
        client=client,
        signing_secret=signing_secret or settings.signing_secret or "",
        # Listeners ack first and carry on in a worker thread: Slack's 3-second rule.
        process_before_response=False,
        listener_executor=executor,
        token_verification_enabled=False,
        logger=logging.getLogger("slack_bolt"),
    )
    # Bolt polls for the ack every 10 ms; this runner is woken by the ack itself.
    app._listener_runner = PromptListenerRunner.replacing(app.listener_runner)
    attach_services(app, services)
    register_error_handler(app)
    register_all(app, services)
    return app
