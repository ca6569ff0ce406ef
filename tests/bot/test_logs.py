from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from bot.logs import secrets_of, setup_logging


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    yield
    root.handlers[:], _ = saved
    root.setLevel(saved[1])


@pytest.mark.usefixtures("restore_logging")
def test_tokens_and_secrets_are_redacted_even_in_tracebacks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    secrets = secrets_of("my-signing-secret", "postgresql://coach:pa55word@db:5432/coach")
    setup_logging("INFO", secrets)
    log = logging.getLogger("test.redact")
    log.info("token %s app %s secret %s", "xoxb-123-abc", "xapp-1-A0-xyz", "my-signing-secret")
    try:
        raise RuntimeError("could not connect with xoxb-999-secret and pa55word")
    except RuntimeError:
        log.exception("failed")
    err = capsys.readouterr().err
    assert "token xoxb-*** app xapp-*** secret ***" in err
    assert "RuntimeError: could not connect with xoxb-*** and ***" in err
    for secret in ("123-abc", "A0-xyz", "my-signing-secret", "999-secret", "pa55word"):
        assert secret not in err


def test_only_secrets_that_are_set_are_listed() -> None:
    assert secrets_of(None, None) == ()
    assert secrets_of(None, "postgresql://db/coach") == ()
