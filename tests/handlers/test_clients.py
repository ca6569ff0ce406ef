"""Every client that talks to Slack waits out a 429 and tries again: the Web API client, the
replies through a response_url (respond(), and the call-log form's confirmation), and the
Web API steps of a file upload."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest
from slack_sdk.http_retry import builtin_handlers

from bot.config import Settings
from handlers.clients import make_client, webhook_client
from tests.harness import Harness

MANAGER = "U0MANAGER1"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, managers=frozenset({MANAGER}))


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """slack_sdk's retry handler sleeps Retry-After (plus up to a second of jitter): recorded
    here instead of slept, so the suite stays fast."""
    waited: list[float] = []
    monkeypatch.setattr(builtin_handlers, "time", SimpleNamespace(sleep=waited.append))
    return waited


def test_every_client_retries_rate_limits() -> None:
    web = make_client("xoxb-x", "http://127.0.0.1:9/api/")
    for client in (web, webhook_client("http://127.0.0.1:9/respond/1", web)):
        kinds = {type(handler) for handler in client.retry_handlers}
        assert builtin_handlers.RateLimitErrorRetryHandler in kinds


def test_a_reply_through_respond_waits_out_a_429(bot: Harness, waits: list[float]) -> None:
    bot.fake.rate_limit_next("response_url", retry_after=3)
    bot.command("/help")
    limited, delivered = bot.fake.wait_for("response_url", count=2)
    assert limited.answer["error"] == "ratelimited"
    assert "/logcall" in bot.text(delivered)
    assert "error ID" not in bot.text(delivered)  # delivered, not apologised for
    [waited] = waits
    assert 3 <= waited < 4


def test_the_call_log_confirmation_waits_out_a_429(bot: Harness, waits: list[float]) -> None:
    bot.command("/logcall")
    form = bot.wait("views.open")
    bot.fake.rate_limit_next("response_url", retry_after=2)
    fields = {"contact": "chat", "category": "billing", "heat": "4", "outcome": "resolved"}
    bot.submit(form, notes="Charged twice.", **fields)
    limited, delivered = bot.fake.wait_for("response_url", count=2)
    assert limited.answer["error"] == "ratelimited"
    assert "Logged call *#1*" in bot.text(delivered)
    assert bot.fake.calls_to("chat.postMessage") == []  # no fallback DM was needed
    [waited] = waits
    assert 2 <= waited < 3


def test_a_file_upload_waits_out_429s_on_its_web_api_steps(
    bot: Harness, waits: list[float]
) -> None:
    bot.command("/logcall", "billing 4 escalated: charged twice")
    bot.wait("response_url")
    bot.fake.rate_limit_next("files.getUploadURLExternal", retry_after=1)
    bot.fake.rate_limit_next("files.completeUploadExternal", retry_after=1)
    bot.command("/calls", "export 7d", user=MANAGER)
    done = bot.fake.wait_for("files.completeUploadExternal", count=2)
    assert [call.answer.get("ok") for call in done] == [False, True]
    assert "I sent you" in bot.text(bot.wait("response_url", count=2))
    assert len(waits) == 2
