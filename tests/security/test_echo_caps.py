"""Whatever a person types, what comes back fits Slack's limits and says when it was cut.

The fake Slack rejects (and the fixture fails on) any message over Slack's limits, so each
test only has to send the longest input and check what was shown.
"""

from __future__ import annotations

import pytest

from handlers.caps import CUT, MESSAGE_TEXT_LIMIT, cut, fit_message
from tests.harness import Harness

LONG = "x&<" * 14_000  # 42,000 characters, and longer still once escaped


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/tip", LONG),
        ("/tips", "on " + LONG),
        ("/tips", LONG),
        ("/logcall", LONG),
        ("/logcall", "billing 4 escalated: " + LONG),
        ("/deescalate", LONG),
        ("/rephrase", LONG),
        ("/calls", LONG),
        ("/help", LONG),
    ],
    ids=[
        "tip",
        "tips-on",
        "tips",
        "logcall",
        "logcall-quick",
        "deescalate",
        "rephrase",
        "calls",
        "help",
    ],
)
def test_a_40000_character_input_is_answered_within_slacks_limits(
    bot: Harness, command: str, text: str
) -> None:
    bot.command(command, text)
    reply = bot.wait("response_url", "chat.postEphemeral", "chat.postMessage", "views.open")
    shown = str(reply.args.get("text") or "")
    assert len(shown) <= MESSAGE_TEXT_LIMIT
    assert reply.answer.get("ok") is not False, reply.answer  # Slack would have taken it
    assert "x&amp;&lt;" * 200 not in bot.text(reply)  # never echoed whole


def test_cut_marks_the_cut_and_never_splits_an_escape_or_a_mention() -> None:
    assert cut("short", 10) == "short"
    cut_text = cut("a" * 90 + "&amp;" + "b" * 20, 100)
    assert cut_text.endswith(CUT) and len(cut_text) <= 100 and "&a" not in cut_text
    mention = cut("hello <@U0123456789> " * 10, 40)
    assert mention.count("<") == mention.count(">")


def test_every_message_is_fitted_before_it_leaves() -> None:
    message = {
        "text": "t" * 50_000,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": "s" * 5000}},
            {"type": "header", "text": {"type": "plain_text", "text": "h" * 500}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": "c" * 3000}]},
        ],
    }
    fitted = fit_message(message)
    assert len(fitted["text"]) <= 40_000 and fitted["text"].endswith(CUT)
    section, header, context = fitted["blocks"]
    assert len(section["text"]["text"]) <= 3000
    assert len(header["text"]["text"]) <= 150
    assert len(context["elements"][0]["text"]) <= 2000
    assert message["text"] == "t" * 50_000  # the caller's message is left as it was
