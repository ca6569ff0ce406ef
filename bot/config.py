"""Settings, read once at start-up from the environment (and `.env`) and checked there.

A bad value stops start-up with one line that names the variable and what is expected, so
nobody has to read a traceback to find a typo in `.env`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.calllog.masking.regions import RegionError, parse_regions, regions_for_timezone
from bot.store.interface import StoreFileError
from bot.store.pg.url import parse_url

Mode = Literal["socket", "http", "console"]
MODES: tuple[Mode, ...] = ("socket", "http", "console")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_GROUP_ID = re.compile(r"^S[A-Z0-9]{2,}$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message is shown to the person starting the bot."""


@dataclass(frozen=True)
class Settings:
    mode: Mode
    bot_token: str | None = field(default=None, repr=False)
    app_token: str | None = field(default=None, repr=False)
    signing_secret: str | None = field(default=None, repr=False)
    db_path: Path = Path("data/service-coach.json")
    database_url: str | None = field(default=None, repr=False)  # may hold a password
    db_pool_size: int = 4  # connections per instance to BOT_DATABASE_URL
    timezone: str = "UTC"
    managers: frozenset[str] = frozenset()
    manager_group: str | None = None
    tips_admins: frozenset[str] = frozenset()  # empty: anyone may change a channel's tips
    port: int = 3000
    log_level: str = "INFO"
    content_dir: Path | None = None
    tip_catchup_hours: float = 4.0
    retention_days: int = 365
    # Phone numbers without a country code are read by these regions' numbering plans.
    phone_regions: tuple[str, ...] = ("US",)
    # Another Slack Web API base URL (a fake Slack for tests); None means Slack's own.
    api_url: str | None = None
    # Why the console was chosen, when it was chosen by default rather than asked for.
    console_reason: str | None = None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_settings(env: Mapping[str, str]) -> Settings:
    """Build settings from an environment mapping; raise ConfigError on the first bad value."""

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    bot_token = get("SLACK_BOT_TOKEN")
    app_token = get("SLACK_APP_TOKEN")
    signing_secret = get("SLACK_SIGNING_SECRET")
    _check_prefix("SLACK_BOT_TOKEN", bot_token, "xoxb-", "a bot token")
    _check_prefix("SLACK_APP_TOKEN", app_token, "xapp-", "an app-level token")

    mode, reason = _choose_mode(get("BOT_MODE"), bot_token, app_token, signing_secret)
    timezone = _timezone("BOT_TIMEZONE", get("BOT_TIMEZONE") or "UTC")
    return Settings(
        mode=mode,
        bot_token=bot_token,
        app_token=app_token,
        signing_secret=signing_secret,
        db_path=Path(get("BOT_DB_PATH") or "data/service-coach.json"),
        database_url=_database_url(get("BOT_DATABASE_URL")),
        db_pool_size=_int("BOT_DB_POOL_SIZE", get("BOT_DB_POOL_SIZE"), default=4, low=1, high=100),
        timezone=timezone,
        managers=_ids("BOT_MANAGERS", get("BOT_MANAGERS"), _USER_ID, "U0123ABCD"),
        manager_group=_group(get("BOT_MANAGER_GROUP")),
        tips_admins=_ids("BOT_TIPS_ADMINS", get("BOT_TIPS_ADMINS"), _USER_ID, "U0123ABCD"),
        port=_int("PORT", get("PORT"), default=3000, low=1, high=65535),
        log_level=_log_level(get("LOG_LEVEL")),
        content_dir=_folder("BOT_CONTENT_DIR", get("BOT_CONTENT_DIR")),
        tip_catchup_hours=_float("BOT_TIP_CATCHUP_HOURS", get("BOT_TIP_CATCHUP_HOURS"), 4.0),
        retention_days=_int(
            "BOT_RETENTION_DAYS", get("BOT_RETENTION_DAYS"), default=365, low=1, high=36500
        ),
        phone_regions=_phone_regions(get("BOT_PHONE_REGIONS"), timezone),
        api_url=_api_url(get("SLACK_API_URL")),
        console_reason=reason,
    )


def _choose_mode(
    asked: str | None, bot_token: str | None, app_token: str | None, secret: str | None
) -> tuple[Mode, str | None]:
    if asked is not None:
        mode = asked.lower()
        if mode not in MODES:
            raise ConfigError(f"BOT_MODE must be one of socket, http or console (got {asked!r}).")
        if mode == "socket":
            _require(
                "BOT_MODE=socket", ("SLACK_BOT_TOKEN", bot_token), ("SLACK_APP_TOKEN", app_token)
            )
        if mode == "http":
            _require(
                "BOT_MODE=http", ("SLACK_BOT_TOKEN", bot_token), ("SLACK_SIGNING_SECRET", secret)
            )
        return mode, None
    if bot_token and app_token:
        return "socket", None
    missing = [
        name
        for name, value in (("SLACK_BOT_TOKEN", bot_token), ("SLACK_APP_TOKEN", app_token))
        if not value
    ]
    return "console", (
        f"No Slack connection: {' and '.join(missing)} not set. "
        "Starting the local console. To connect to Slack, create the app from manifest.json "
        "and put its tokens in .env (see README)."
    )


def _require(context: str, *pairs: tuple[str, str | None]) -> None:
    for name, value in pairs:
        if not value:
            raise ConfigError(f"{name} is required when {context}; add it to .env.")


def _check_prefix(name: str, value: str | None, prefix: str, what: str) -> None:
    # Name only the prefix we found, never the secret itself, so logs stay clean.
    if value is not None and not value.startswith(prefix):
        raise ConfigError(
            f"{name} must be {what} starting with '{prefix}' "
            f"(it starts with '{value[:5]}…'). Copy it again from the Slack app settings."
        )


def _timezone(name: str, value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"{name} must be an IANA time zone such as Europe/London or America/Chicago "
            f"(got {value!r})."
        ) from None
    return value


def _ids(name: str, value: str | None, pattern: re.Pattern[str], example: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    ids = [part.strip() for part in value.split(",") if part.strip()]
    for one in ids:
        if not pattern.match(one):
            raise ConfigError(
                f"{name} must be a comma-separated list of Slack user IDs such as {example} "
                f"(got {one!r})."
            )
    return frozenset(ids)


def _group(value: str | None) -> str | None:
    if value is not None and not _GROUP_ID.match(value):
        raise ConfigError(
            f"BOT_MANAGER_GROUP must be a Slack user group ID such as S0123ABCD (got {value!r})."
        )
    return value


def _int(name: str, value: str | None, *, default: int, low: int, high: int) -> int:
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        number = low - 1
    if not low <= number <= high:
        raise ConfigError(f"{name} must be a whole number from {low} to {high} (got {value!r}).")
    return number


def _float(name: str, value: str | None, default: float) -> float:
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 24:
        raise ConfigError(f"{name} must be a number of hours from 0 to 24 (got {value!r}).")
    return number


def _log_level(value: str | None) -> str:
    level = (value or "INFO").upper()
    if level not in LOG_LEVELS:
        raise ConfigError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)} (got {value!r}).")
    return level


def _database_url(value: str | None) -> str | None:
    if value is not None and not value.startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            "BOT_DATABASE_URL must be a PostgreSQL URL such as "
            "postgresql://coach:secret@db.internal:5432/coach (leave it empty to use BOT_DB_PATH)."
        )
    if value is not None:
        try:
            parse_url(value)  # one clear line now, rather than a traceback on connecting
        except StoreFileError as error:
            raise ConfigError(str(error)) from None
    return value


def _api_url(value: str | None) -> str | None:
    if value is not None and not (
        value.startswith(("https://", "http://")) and value.endswith("/")
    ):
        raise ConfigError(
            "SLACK_API_URL must be a URL ending in a slash, such as https://slack.com/api/ "
            "(leave it empty for Slack's own)."
        )
    return value


def _folder(name: str, value: str | None) -> Path | None:
    if value is None:
        return None
    path = Path(value)
    if not path.is_dir():
        raise ConfigError(f"{name} must be an existing folder (got {value!r}).")
    return path


def _phone_regions(value: str | None, timezone: str) -> tuple[str, ...]:
    if value is None:
        return regions_for_timezone(timezone)
    try:
        return parse_regions(value)
    except RegionError as error:
        raise ConfigError(f"BOT_PHONE_REGIONS: {error} (got {value!r}).") from None
