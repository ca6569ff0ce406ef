"""manifest.json, /help and the registered listeners must agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.ids import Command, Shortcut
from bot.manifest import MANIFEST_PATH, manifest_json
from tests.harness import Harness

ROOT = Path(__file__).resolve().parents[2]


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


def test_nothing_outside_the_manifest_is_routed(bot: Harness) -> None:
    assert bot.requests.command("/not-declared", "").status == 404
    assert bot.requests.message_shortcut("not_declared", "hello").status == 404


def test_every_registered_id_is_in_the_manifest() -> None:
    manifest = json.loads(MANIFEST_PATH.read_text())
    declared = {c["command"] for c in manifest["features"]["slash_commands"]}
    declared |= {s["callback_id"] for s in manifest["features"]["shortcuts"]}
    assert {str(c) for c in Command} | {str(s) for s in Shortcut} == declared
    # Handlers register only through the enums, so no literal can slip past the manifest.
    literal = re.compile(r"app\.(command|shortcut)\(\s*[\"']")
    for source in (ROOT / "handlers").rglob("*.py"):
        assert not literal.search(source.read_text()), f"{source} registers a literal ID"
