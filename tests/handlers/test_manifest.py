"""manifest.json, /help and the registered listeners must agree."""

from __future__ import annotations

import json
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from handlers import register_all
from handlers.ids import Command, Event, Shortcut
from handlers.manifest import MANIFEST_PATH, manifest_json
from tests.harness import Harness


def test_manifest_json_is_up_to_date() -> None:
    assert MANIFEST_PATH.read_text(encoding="utf-8") == manifest_json(), (
        "run: python -m bot manifest > manifest.json"
    )


def test_manifest_declares_what_the_issues_expect() -> None:
    manifest = json.loads(MANIFEST_PATH.read_text())
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    assert commands >= {"/tip", "/tips", "/deescalate", "/logcall", "/calls", "/rephrase", "/help"}
    shortcuts = {s["callback_id"] for s in manifest["features"]["shortcuts"]}
    assert shortcuts == {"rephrase_message", "log_call_from_message"}
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
    assert "app_home_opened" in manifest["settings"]["event_subscriptions"]["bot_events"]


def test_every_manifest_command_and_shortcut_reaches_a_listener(bot: Harness) -> None:
    manifest = json.loads(MANIFEST_PATH.read_text())
    for entry in manifest["features"]["slash_commands"]:
        response = bot.requests.command(entry["command"], "")
        assert response.status == 200, f"{entry['command']} has no listener"
    for entry in manifest["features"]["shortcuts"]:
        response = bot.requests.message_shortcut(entry["callback_id"], "hello")
        assert response.status == 200, f"{entry['callback_id']} has no listener"
    # Each answers with a reply or a form; wait for them, so none is still running at teardown.
    answered = len(manifest["features"]["slash_commands"]) + len(manifest["features"]["shortcuts"])
    bot.wait("response_url", "views.open", count=answered)


def test_nothing_outside_the_manifest_is_routed(bot: Harness) -> None:
    assert bot.requests.command("/not-declared", "").status == 404
    assert bot.requests.message_shortcut("not_declared", "hello").status == 404


class Recorder:
    """Stands in for the Bolt app while the handlers register, noting every listener."""

    def __init__(self, client: object) -> None:
        self.registered: dict[str, list[object]] = {}
        self.client = client  # features hand it to their scheduled jobs

    def __getattr__(self, kind: str) -> Callable[..., Callable[[Any], Any]]:
        def listener(*ids: object, **_: object) -> Callable[[Any], Any]:
            self.registered.setdefault(kind, []).extend(ids)
            return lambda function: function

        return listener


def test_every_registered_listener_is_in_the_manifest(bot: Harness) -> None:
    recorder = Recorder(bot.app.client)
    register_all(recorder, bot.services)  # type: ignore[arg-type]
    manifest = json.loads(MANIFEST_PATH.read_text())
    features, settings = manifest["features"], manifest["settings"]
    registered = recorder.registered
    assert set(registered) <= {"use", "command", "shortcut", "event", "action", "view"}, registered
    assert sorted(map(str, registered["command"])) == sorted(
        c["command"] for c in features["slash_commands"]
    )
    assert sorted(map(str, registered["shortcut"])) == sorted(
        s["callback_id"] for s in features["shortcuts"]
    )
    assert sorted(map(str, registered["event"])) == sorted(
        settings["event_subscriptions"]["bot_events"]
    )
    # Every ID is an enum member, so none can slip past the manifest as a literal.
    for kind in ("command", "shortcut", "event", "action", "view"):
        literals = [i for i in registered.get(kind, []) if not isinstance(i, StrEnum)]
        assert literals == [], f"{kind} listeners registered with literal IDs: {literals}"
    assert {str(c) for c in Command} | {str(s) for s in Shortcut} | {str(e) for e in Event} == {
        *map(str, registered["command"]),
        *map(str, registered["shortcut"]),
        *map(str, registered["event"]),
    }


def test_every_manifest_event_reaches_a_listener(bot: Harness) -> None:
    manifest = json.loads(MANIFEST_PATH.read_text())
    for event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        response = bot.requests.event({"type": event, "user": "U0AGENT01", "tab": "home"})
        assert response.status == 200, f"{event} has no listener"
    bot.wait("views.publish")
