"""Logging set-up that keeps Slack secrets out of every log line, tracebacks included."""

from __future__ import annotations

import logging
import re

from bot.store.interface import StoreFileError
from bot.store.pg.url import parse_url

_SECRET = re.compile(r"\b(xox[abpers]|xapp)-[A-Za-z0-9-]+")


class RedactingFormatter(logging.Formatter):
    """Redacts the finished line, so a token inside an exception's text or traceback (a
    Slack error quoting a request, say) is caught as well as one in the message."""

    def __init__(self, fmt: str, extra_secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self._extra = tuple(secret for secret in extra_secrets if secret)

    def redact(self, text: str) -> str:
        text = _SECRET.sub(lambda m: m.group(1) + "-***", text)
        for secret in self._extra:
            text = text.replace(secret, "***")
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


class DropKnownNoise(logging.Filter):
    # Bolt warns that SLACK_BOT_TOKEN is unused because the app is given a client built from
    # that very token (for its retries); the warning is true and harmless.
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def secrets_of(signing_secret: str | None, database_url: str | None) -> tuple[str, ...]:
    """Secrets that have no recognisable prefix: the signing secret, the database password."""
    found = [signing_secret] if signing_secret else []
    if database_url:
        try:
            found += parse_url(database_url).secrets()  # the password however it is written
        except StoreFileError:
            found.append(database_url)
    return tuple(secret for secret in found if secret)


def setup_logging(level: str, secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(DropKnownNoise())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
