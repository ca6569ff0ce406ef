"""Every Slack fault on every surface: what the user sees, and what is stored.

Faults: 429 with Retry-After, `ratelimited` without it, 500 and 503, an answer slower than the
bot waits (timeout), a connection refused (nothing sent), a reset before Slack acted and a
reset after it acted, `invalid_auth`, and an expired response_url (404).

The invariants, for every surface and fault:
- nothing is stored twice, and nothing acknowledged is lost;
- the user never sees the same message twice (the fake records what Slack acted on);
- a stored call is always confirmed once, on some surface, unless Slack itself failed in a
  way that leaves the bot unable to know (reset before acting): then the log says so;
- nobody is told to "try again" about a call that was saved.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit

import pytest

from handlers.console.fakeslack.server import ApiCall, FakeSlack
from tests.harness import Harness
from tests.security.conftest import Refusals

QUICK = "billing 4 escalated: customer charged twice"
Fault = Callable[[FakeSlack, str, Refusals], None]


def _refuse(fake: FakeSlack, method: str, refusals: Refusals) -> None:
    port = urlsplit(fake.url).port
    assert port is not None
    refusals.next(port)


def _invalid_auth(fake: FakeSlack, method: str) -> None:
    # The Web API answers 200 with ok: false; a response_url answers 403 in plain text.
    if method == "response_url":
        fake.fail_next(method, "invalid_token", status=403)
    else:
        fake.fail_next(method, "invalid_auth")


FAULTS: dict[str, Fault] = {
    "429-retry-after": lambda fake, m, _: fake.rate_limit_next(m, retry_after=2),
    "ratelimited": lambda fake, m, _: fake.fail_next(m, "ratelimited", status=429),
    "500": lambda fake, m, _: fake.fail_next(m, "internal_error", status=500),
    "503": lambda fake, m, _: fake.fail_next(m, "service_unavailable", status=503),
    "timeout": lambda fake, m, _: fake.delay_next(m, 1.0),
    "refused-before-sending": _refuse,
    "reset-before-acting": lambda fake, m, _: fake.reset_next(m, after=False),
    "reset-after-acting": lambda fake, m, _: fake.reset_next(m, after=True),
    "invalid_auth": lambda fake, m, _: _invalid_auth(fake, m),
    "expired-404": lambda fake, m, _: fake.fail_next(m, "expired_url", status=404),
}
# Faults after which the bot cannot know whether Slack acted: it must not send again.
AMBIGUOUS = {"timeout", "reset-before-acting", "reset-after-acting"}
# Faults Slack answered: the bot knows nothing happened, and may use another surface.
DEFINITE = set(FAULTS) - AMBIGUOUS - {"429-retry-after", "ratelimited", "refused-before-sending"}
USER_METHODS = ("response_url", "chat.postEphemeral", "chat.postMessage")


def seen(bot: Harness, pattern: str) -> list[ApiCall]:
    """What Slack acted on (recorded by the fake and answered ok, or acted then cut off)
    whose text shows `pattern`."""
    return [
        call
        for call in bot.fake.calls_to(*USER_METHODS)
        if call.answer.get("ok") is not False and re.search(pattern, bot.text(call))
    ]


def settle(bot: Harness) -> None:
    """Wait until the bot's listener threads are done with the request."""
    executor = bot.app.listener_runner.listener_executor
    executor.submit(lambda: None).result(timeout=10)  # queued behind the request's work
    time.sleep(0.3)


def stored(bot: Harness) -> int:
    return bot.services.store.count("calls")


@pytest.fixture(autouse=True)
def _quiet(fast: Harness, waits: list[float]) -> None:
    """Every test here: short client timeout, no real sleeping on retries."""


# --- /logcall in one line: the confirmation, on each surface -------------------------------


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("surface", ["response_url", "chat.postEphemeral", "chat.postMessage"])
def test_a_quick_log_is_stored_once_and_confirmed_at_most_once(
    bot: Harness,
    refusals: Refusals,
    caplog: pytest.LogCaptureFixture,
    fault: str,
    surface: str,
) -> None:
    """The fault hits `surface`; the surfaces before it fail definitely (so the bot reaches
    it), the ones after it work."""
    before = USER_METHODS[: USER_METHODS.index(surface)]
    for method in before:
        FAULTS["500"](bot.fake, method, refusals)
    FAULTS[fault](bot.fake, surface, refusals)
    with caplog.at_level(logging.INFO):
        bot.command("/logcall", QUICK)
        settle(bot)
    assert stored(bot) == 1
    confirmations = seen(bot, r"#1\b")
    assert len(confirmations) <= 1, [c.method for c in confirmations]
    if fault == "reset-before-acting":
        assert confirmations == []
        assert "UNCERTAIN" in caplog.text
    elif fault in DEFINITE and surface == "chat.postMessage":
        # The full confirmation failed everywhere: the short one goes out instead.
        [shown] = confirmations
        assert shown.method == "response_url"
        assert "Your call is saved as #1" in bot.text(shown)
    else:
        [shown] = confirmations
        expected = surface if fault not in DEFINITE else USER_METHODS[len(before) + 1]
        assert shown.method == expected
    texts = " ".join(bot.text(c) for c in bot.fake.calls_to(*USER_METHODS))
    assert "try again" not in texts.lower()

    # The agent, unsure, sends the same line again: recognised, not stored twice.
    bot.command("/logcall", QUICK)
    settle(bot)
    assert stored(bot) == 1
    assert seen(bot, r"logged this same call a moment ago as \*#1\*")


# --- the form: opening it, and the confirmation after submitting it ------------------------

FORM = {"contact": "chat", "category": "billing", "heat": "4", "outcome": "resolved"}


def _opened(bot: Harness) -> list[ApiCall]:
    return [c for c in bot.fake.calls_to("views.open") if c.answer.get("ok") is not False]


@pytest.mark.parametrize("fault", FAULTS)
def test_opening_the_form_never_opens_it_twice(
    bot: Harness, refusals: Refusals, fault: str
) -> None:
    FAULTS[fault](bot.fake, "views.open", refusals)
    bot.command("/logcall")
    # The form opening or the agent being told: on a busy machine either may come after
    # settle()'s short grace, so wait for one of them, then let the rest finish.
    deadline = time.monotonic() + 10
    while not (_opened(bot) or bot.fake.calls_to("response_url")) and time.monotonic() < deadline:
        time.sleep(0.02)
    settle(bot)
    opened = _opened(bot)
    assert len(opened) <= 1
    told = [bot.text(c) for c in bot.fake.calls_to("response_url")]
    if opened:
        # It may have opened: never "try again" as if it surely had not.
        assert not any("Please try again" in text for text in told), told
    else:
        assert any("error ID" in text for text in told), told


@pytest.mark.parametrize("fault", FAULTS)
def test_a_submitted_form_is_stored_once_and_confirmed_at_most_once(
    bot: Harness, refusals: Refusals, fault: str
) -> None:
    bot.command("/logcall")
    form = bot.wait("views.open")
    FAULTS[fault](bot.fake, "response_url", refusals)
    response = bot.submit(form, notes="Charged twice.", **FORM)
    assert response.status == 200
    settle(bot)
    assert stored(bot) == 1
    confirmations = seen(bot, r"#1\b")
    assert len(confirmations) <= 1
    if fault != "reset-before-acting":
        [shown] = confirmations
        assert shown.method == ("chat.postMessage" if fault in DEFINITE else "response_url")
    # Submitted again (Slack retried, or a second click): still one call.
    bot.submit(form, notes="Charged twice.", **FORM)
    settle(bot)
    assert stored(bot) == 1


# --- /deescalate and /help: a card or an answer, shown at most once -------------------------


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize(("command", "text"), [("/deescalate", "refund"), ("/help", "")])
def test_a_command_answer_is_shown_at_most_once(
    bot: Harness, refusals: Refusals, fault: str, command: str, text: str
) -> None:
    FAULTS[fault](bot.fake, "response_url", refusals)
    bot.command(command, text)
    settle(bot)
    answers = [
        c
        for c in bot.fake.calls_to(*USER_METHODS)
        if c.answer.get("ok") is not False and "error ID" not in bot.text(c)
    ]
    assert len(answers) <= 1, [c.method for c in answers]
    if fault in ("429-retry-after", "ratelimited", "refused-before-sending"):
        assert [c.method for c in answers] == ["response_url"]


# --- the daily tip: posted at most once, whatever Slack does --------------------------------


@pytest.mark.parametrize("fault", FAULTS)
def test_a_daily_tip_is_never_posted_twice(
    bot: Harness, refusals: Refusals, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoneinfo import ZoneInfo

    chicago = ZoneInfo("America/Chicago")
    bot.clock.set(datetime(2026, 11, 30, 7, 0, tzinfo=chicago))
    bot.command("/tips", "on 09:00 America/Chicago")
    settle(bot)

    def channel_posts() -> list[ApiCall]:
        return [
            c
            for c in bot.fake.calls_to("chat.postMessage")
            if c.args.get("channel") == "C0SUPPORT" and c.answer.get("ok") is not False
        ]

    announced = len(channel_posts())  # "turned daily tips on here", before any tip
    FAULTS[fault](bot.fake, "chat.postMessage", refusals)
    for minute in range(5):  # the due tick, then the ones after it that would retry
        bot.clock.set(datetime(2026, 11, 30, 9, minute, tzinfo=chicago))
        bot.tick()
    posts = channel_posts()[announced:]
    assert len(posts) <= 1
    if fault not in ("reset-before-acting", "invalid_auth"):
        assert len(posts) == 1  # a definite failure is retried on the next tick


# --- the client itself: reads retried, writes never repeated after an ambiguous failure -----


@pytest.mark.parametrize("fault", ["reset-after-acting", "timeout", "reset-before-acting"])
def test_a_read_is_retried_after_an_ambiguous_failure(
    bot: Harness, refusals: Refusals, fault: str
) -> None:
    FAULTS[fault](bot.fake, "users.info", refusals)
    answer = bot.app.client.users_info(user="U0AGENT01")
    assert answer["ok"] is True


@pytest.mark.parametrize("fault", ["reset-after-acting", "timeout", "reset-before-acting"])
@pytest.mark.parametrize("method", ["chat_postMessage", "chat_postEphemeral", "chat_update"])
def test_a_write_is_not_repeated_after_an_ambiguous_failure(
    bot: Harness,
    refusals: Refusals,
    caplog: pytest.LogCaptureFixture,
    fault: str,
    method: str,
) -> None:
    api = method.replace("_p", ".p").replace("_u", ".u")
    FAULTS[fault](bot.fake, api, refusals)
    with caplog.at_level(logging.WARNING), pytest.raises((ConnectionError, TimeoutError)):
        getattr(bot.app.client, method)(channel="C0SUPPORT", user="U0AGENT01", ts="1.0", text="hi")
    acted = len(bot.fake.calls_to(api))
    assert acted == (0 if fault == "reset-before-acting" else 1)
    assert len(bot.fake.calls_to(api)) + len(bot.fake.dropped) == 1  # sent exactly once
    assert f"UNCERTAIN: {api} failed after it was sent" in caplog.text


def test_a_refused_connection_is_retried_for_a_write(bot: Harness, refusals: Refusals) -> None:
    FAULTS["refused-before-sending"](bot.fake, "chat.postMessage", refusals)
    bot.app.client.chat_postMessage(channel="C0SUPPORT", text="hi")
    assert refusals.refused == 1
    assert len(bot.fake.calls_to("chat.postMessage")) == 1
