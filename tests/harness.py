"""The end-to-end harness: the real app, signed requests through Bolt, a fake Slack on 127.0.0.1."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from slack_bolt import App, BoltResponse

from bot.clock import ManualClock
from bot.config import Settings
from bot.services import Services, build_services
from handlers.app import create_app
from handlers.console.fakeslack.render import Control, Rendered, render_message, render_view
from handlers.console.fakeslack.requests import SlackRequests, field_state
from handlers.console.fakeslack.server import ApiCall, FakeSlack

SECRET = "test-signing-secret"
AGENT = "U0AGENT01"
CHANNEL = "C0SUPPORT"
MESSAGE_METHODS = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")
VIEW_METHODS = ("views.open", "views.push", "views.update", "views.publish")


def render_call(call: ApiCall) -> Rendered:
    if call.method in VIEW_METHODS:
        return render_view(call.args.get("view") or {})
    return render_message(call.args.get("blocks"), call.args.get("text"))


class Harness:
    def __init__(self, settings: Settings, clock: ManualClock, fake: FakeSlack) -> None:
        self.settings = replace(settings, signing_secret=SECRET)
        self.clock = clock
        self.fake = fake
        self.services: Services
        self.app: App
        self.requests: SlackRequests
        self._boot()

    def _boot(self) -> None:
        self.services = build_services(self.settings, clock=self.clock)
        self.app = create_app(self.services, api_url=self.fake.api_url)
        self.requests = SlackRequests(self.app, SECRET, self.fake)

    def restart(self) -> None:
        """Stop and start the bot on the same data file, as a deploy would."""
        self.services.outbox.wait_idle(30)
        self.services.store.close()
        self._boot()

    def close(self) -> None:
        self.services.outbox.wait_idle(30)
        self.services.store.close()

    def raw_data(self) -> str:
        """Everything the store holds, as text: the data file, or every table's rows."""
        if not self.settings.database_url:
            return self.settings.db_path.read_text()
        import psycopg

        with psycopg.connect(self.settings.database_url) as conn:
            tables = conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
            return "\n".join(
                str(row[0])
                for (table,) in tables
                for row in conn.execute(f'SELECT t::text FROM "{table}" t').fetchall()  # noqa: S608
            )

    # --- doing things ------------------------------------------------------------------------

    def command(
        self, command: str, text: str = "", *, user: str = AGENT, channel: str = CHANNEL
    ) -> BoltResponse:
        response = self.requests.command(command, text, user=user, channel=channel)
        assert response.status == 200, f"{command} answered HTTP {response.status}: {response.body}"
        return response

    def click(
        self, call: ApiCall, label: str, *, user: str = AGENT, option: str | None = None
    ) -> BoltResponse:
        """Press the button (or pick `option` of the menu) labelled `label` in `call`."""
        control = self.control(call, label)
        picked = None
        if option is not None:
            picked = next(o for o in control.options if option in (o[0], o[1]))
        view = None
        if call.method in VIEW_METHODS:
            view = {
                **(call.args.get("view") or {}),
                "id": (call.answer.get("view") or {}).get("id"),
            }
        channel = call.args.get("channel") or CHANNEL
        message = {**call.args, "ts": call.answer.get("ts", "1.0")}
        response = self.requests.click(
            control, user=user, channel=str(channel), message=message, view=view, option=picked
        )
        assert response.status == 200, f"click {label!r} answered HTTP {response.status}"
        return response

    def control(self, call: ApiCall, label: str) -> Control:
        controls = render_call(call).controls
        for control in controls:
            if control.label == label:
                return control
        raise AssertionError(f"no control {label!r}; have {[c.label for c in controls]}")

    def submit(self, call: ApiCall, *, user: str = AGENT, **given: str) -> BoltResponse:
        """Submit the modal that `call` opened, filling fields by name like the console does."""
        view = {**(call.args.get("view") or {}), "id": (call.answer.get("view") or {}).get("id")}
        values: dict[str, Any] = {}
        for one in render_view(view).fields:
            raw = given.pop(one.name, None)
            if raw is None and one.initial:
                raw = ",".join(one.initial) if isinstance(one.initial, list) else str(one.initial)
            if raw:
                values[one.name] = field_state(one, raw)
        assert not given, f"no such fields: {sorted(given)}"
        return self.requests.submit(view, values, user=user)

    def tick(self) -> None:
        """One tick, and every post it handed to the outbox finished, as the user would see."""
        self.services.ticker.tick()
        assert self.services.outbox.wait_idle(30), "scheduled posts still running after 30 s"

    # --- reading what Slack would show -------------------------------------------------------

    def wait(self, *methods: str, count: int = 1) -> ApiCall:
        """The newest call of `methods`, once at least `count` were made."""
        return self.fake.wait_for(*methods, count=count)[-1]

    def text(self, call: ApiCall) -> str:
        return render_call(call).text
