from __future__ import annotations

import logging

import pytest

from bot.logs import RedactSecrets


def test_tokens_and_the_signing_secret_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("test.redact")
    logger.addFilter(RedactSecrets(("my-signing-secret",)))
    with caplog.at_level(logging.INFO, logger="test.redact"):
        logger.info(
            "token %s app %s secret %s", "xoxb-123-abc", "xapp-1-A0-xyz", "my-signing-secret"
        )
    assert caplog.messages == ["token xoxb-*** app xapp-*** secret ***"]
