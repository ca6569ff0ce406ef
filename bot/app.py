"""The app factory: the one Bolt app that Socket Mode, HTTP mode, the console and the tests run."""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from pathlib import Path

from slack_bolt import App

from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.content import Content, load_content
from bot.errors import register_error_handler
from bot.jobs import register_jobs
from bot.scheduler import Ticker
from bot.services import Services, attach_services
from bot.slack_clients import make_client
from bot.store import Store, open_store
from handlers import register_all

log = logging.getLogger(__name__)


def build_services(
    settings: Settings,
    *,
    clock: Clock | None = None,
    store: Store | None = None,
    content: Content | None = None,
) -> Services:
    """Everything the listeners need. Content is checked before the store is opened, so a
    broken content file stops start-up without touching the data."""
    clock = clock or SystemClock()
    content = content or load_content(settings.content_dir)
    return Services(
        settings=settings,
        store=store or open_store(Path(settings.db_path), settings.database_url),
        clock=clock,
        ticker=Ticker(clock),
        content=content,
    )


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
    client = make_client(token or settings.bot_token or "xoxb-console", api_url)
    app = App(
        client=client,
        signing_secret=signing_secret or settings.signing_secret or "",
        # Listeners ack first and carry on in a worker thread: Slack's 3-second rule.
        process_before_response=False,
        listener_executor=executor,
        token_verification_enabled=False,
        logger=logging.getLogger("slack_bolt"),
    )
    attach_services(app, services)
    register_error_handler(app)
    register_all(app)
    register_jobs(app, services)
    return app
