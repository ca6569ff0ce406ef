from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

BOT = "xoxb-1-abc"
APP = "xapp-1-abc"


def test_no_credentials_means_console_with_a_reason() -> None:
    settings = load_settings({})
    assert settings.mode == "console"
    assert settings.console_reason is not None
    assert "SLACK_BOT_TOKEN and SLACK_APP_TOKEN not set" in settings.console_reason
    assert "manifest.json" in settings.console_reason


def test_both_tokens_mean_socket_mode() -> None:
    assert load_settings({"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP}).mode == "socket"


def test_http_mode_needs_the_signing_secret() -> None:
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET is required when BOT_MODE=http"):
        load_settings({"BOT_MODE": "http", "SLACK_BOT_TOKEN": BOT})
    settings = load_settings(
        {"BOT_MODE": "http", "SLACK_BOT_TOKEN": BOT, "SLACK_SIGNING_SECRET": "s"}
    )
    assert settings.mode == "http"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SLACK_BOT_TOKEN": "xoxp-user"},
            "SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'",
        ),
        (
            {"SLACK_APP_TOKEN": "xoxb-1"},
            "SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'",
        ),
        ({"BOT_TIMEZONE": "Mars/Olympus"}, "BOT_TIMEZONE must be an IANA time zone"),
        ({"BOT_MODE": "carrier-pigeon"}, "BOT_MODE must be one of socket, http or console"),
        ({"PORT": "eighty"}, "PORT must be a whole number from 1 to 65535"),
        ({"PORT": "70000"}, "PORT must be a whole number from 1 to 65535"),
        (
            {"BOT_MANAGERS": "U01ABC,bob"},
            "BOT_MANAGERS must be a comma-separated list of Slack user IDs",
        ),
        ({"BOT_MANAGER_GROUP": "managers"}, "BOT_MANAGER_GROUP must be a Slack user group ID"),
        ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL must be one of"),
        ({"BOT_CONTENT_DIR": "/no/such/folder"}, "BOT_CONTENT_DIR must be an existing folder"),
        ({"BOT_RETENTION_DAYS": "0"}, "BOT_RETENTION_DAYS must be a whole number"),
        ({"BOT_MODE": "socket"}, "SLACK_BOT_TOKEN is required when BOT_MODE=socket"),
    ],
)
def test_a_bad_value_names_the_variable_and_what_is_expected(
    env: dict[str, str], message: str
) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_settings(env)


def test_a_bad_token_is_never_echoed_whole() -> None:
    secret = "xoxp-1234567890-very-secret"
    with pytest.raises(ConfigError) as raised:
        load_settings({"SLACK_BOT_TOKEN": secret})
    assert secret not in str(raised.value)


def test_secrets_stay_out_of_repr() -> None:
    settings = load_settings(
        {"SLACK_BOT_TOKEN": BOT, "SLACK_APP_TOKEN": APP, "SLACK_SIGNING_SECRET": "shh"}
    )
    assert BOT not in repr(settings) and APP not in repr(settings) and "shh" not in repr(settings)


def test_values_are_read(tmp_path: Path) -> None:
    settings = load_settings(
        {
            "BOT_DB_PATH": str(tmp_path / "x.json"),
            "BOT_TIMEZONE": "Europe/London",
            "BOT_MANAGERS": "U01ABC, W02DEF",
            "PORT": "8080",
            "LOG_LEVEL": "debug",
            "BOT_CONTENT_DIR": str(tmp_path),
        }
    )
    assert settings.db_path == tmp_path / "x.json"
    assert settings.zone.info.key == "Europe/London"
    assert settings.managers == {"U01ABC", "W02DEF"}
    assert (settings.port, settings.log_level, settings.content_dir) == (8080, "DEBUG", tmp_path)
