from __future__ import annotations

from handlers.console.fakeslack.requests import signed_headers
from handlers.registry import COMMANDS
from tests.harness import Harness


def test_help_lists_every_command_privately(bot: Harness) -> None:
    bot.command("/help")
    reply = bot.wait("response_url")
    assert reply.args["response_type"] == "ephemeral"
    shown = bot.text(reply)
    # Bolt checks the bot token with auth.test on the first request; the fake Slack answers.
    assert [call.answer["ok"] for call in bot.fake.calls_to("auth.test")] == [True]
    for info in COMMANDS:
        assert f"*{info.command}*" in shown
        assert info.description in shown
        for example in info.examples:
            assert example == info.command or f"`{example}`" in shown, example


def test_a_request_with_a_bad_signature_is_refused(bot: Harness) -> None:
    form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
    from urllib.parse import urlencode

    from slack_bolt import BoltRequest

    body = urlencode(form)
    headers = signed_headers("not-the-secret", body, "application/x-www-form-urlencoded")
    response = bot.app.dispatch(BoltRequest(body=body, headers=headers))
    assert response.status == 401
    assert bot.fake.calls_to("response_url") == []
