"""Logging set-up, with a filter that keeps Slack secrets out of every log line."""

from __future__ import annotations

import logging
import re

_SECRET = re.compile(r"\b(xox[abpers]|xapp)-[A-Za-z0-9-]+")


class RedactSecrets(logging.Filter):
    def __init__(self, extra_secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self._extra = tuple(secret for secret in extra_secrets if secret)

    def redact(self, text: str) -> str:
        text = _SECRET.sub(lambda m: m.group(1) + "-***", text)
        for secret in self._extra:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.redact(record.getMessage())
        record.args = None
        return True


class DropKnownNoise(logging.Filter):
    # Bolt warns that SLACK_BOT_TOKEN is unused because the app is given a client built from
    # that very token (for its retry handlers); the warning is true and harmless.
    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


def setup_logging(level: str, secrets: tuple[str, ...] = ()) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(DropKnownNoise())
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
