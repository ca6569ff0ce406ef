"""What every listener and job needs, built once and handed to Bolt listeners via the context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from slack_bolt import App, BoltContext

from bot.clock import Clock
from bot.config import Settings
from bot.content import Content
from bot.scheduler import Ticker
from bot.store import Store

_KEY = "coach_services"


@dataclass
class Services:
    settings: Settings
    store: Store
    clock: Clock
    ticker: Ticker
    content: Content


def attach_services(app: App, services: Services) -> None:
    """A global middleware that puts the services into every listener's context."""

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        context[_KEY] = services
        next()

    app.use(inject)


def services_of(context: BoltContext) -> Services:
    return cast(Services, context[_KEY])
