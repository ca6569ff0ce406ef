"""The Slack app manifest, built from the command registry. `manifest.json` is its output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handlers.ids import Event
from handlers.registry import COMMANDS, SHORTCUTS

MANIFEST_PATH = Path(__file__).resolve().parent.parent / "manifest.json"

BOT_SCOPES = (
    "chat:write",  # tips, replies, reminders
    "commands",  # slash commands and shortcuts
    "im:write",  # direct messages: reminders, errors, exports
    "files:write",  # CSV exports and charts
    "usergroups:read",  # BOT_MANAGER_GROUP membership
    "users:read",  # names in reports
)


def build_manifest() -> dict[str, Any]:
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "Service Coach",
            "description": "Coaching for support teams: calmer calls, kinder replies, daily tips.",
            "long_description": (
                "Service Coach helps customer-support agents through difficult calls. "
                "/deescalate walks through an angry call step by step, /rephrase suggests "
                "kinder and clearer wording for a draft reply and says why, /logcall records a "
                "difficult call, and /calls lets managers coach from those records. Teams can "
                "get a daily service tip in their channel at their local time. Everything it "
                "teaches is drawn from articles on customer service, and it cites them."
            ),
            "background_color": "#1d4e5f",
        },
        "features": {
            "app_home": {
                "home_tab_enabled": True,
                "messages_tab_enabled": True,
                "messages_tab_read_only_enabled": True,
            },
            "bot_user": {"display_name": "Service Coach", "always_online": True},
            "slash_commands": [
                {
                    "command": str(info.command),
                    "description": info.description,
                    "usage_hint": info.usage_hint,
                    "should_escape": True,
                }
                for info in COMMANDS
            ],
            "shortcuts": [
                {
                    "name": s.name,
                    "type": "message",
                    "callback_id": str(s.callback_id),
                    "description": s.description,
                }
                for s in SHORTCUTS
            ],
        },
        "oauth_config": {"scopes": {"bot": list(BOT_SCOPES)}},
        "settings": {
            "event_subscriptions": {"bot_events": [str(event) for event in Event]},
            "interactivity": {"is_enabled": True},
            "org_deploy_enabled": False,
            "socket_mode_enabled": True,
            "token_rotation_enabled": False,
        },
    }


def manifest_json() -> str:
    return json.dumps(build_manifest(), indent=2, ensure_ascii=False) + "\n"
