"""The services in every listener's Bolt context, for listeners that are handed a context."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from slack_bolt import App, BoltContext

from bot.services import Services

_KEY = "coach_services"


def attach_services(app: App, services: Services) -> None:
    """A global middleware that puts the services into every listener's context."""

    def inject(context: BoltContext, next: Callable[[], None]) -> None:
        context[_KEY] = services
        next()

    app.use(inject)


def services_of(context: BoltContext) -> Services:
    return cast(Services, context[_KEY])
