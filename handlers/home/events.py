"""The App Home tab, published whenever a user opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from handlers.context import services_of
from handlers.home.view import home_view
from handlers.ids import Event


def publish_home(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("tab", "home") != "home":
        return
    user = event["user"]
    client.views_publish(user_id=user, view=home_view(services_of(context), user))


def register(app: App) -> None:
    app.event(Event.APP_HOME_OPENED)(publish_home)
