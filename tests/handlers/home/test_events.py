from __future__ import annotations

from tests.harness import Harness


def test_opening_the_app_home_publishes_it(bot: Harness) -> None:
    bot.requests.open_home("U0AGENT01")
    home = bot.wait("views.publish")
    assert home.args["user_id"] == "U0AGENT01"
    assert home.args["view"]["type"] == "home"
    assert "/deescalate" in bot.text(home)


def test_the_home_help_button_sends_help_by_direct_message(bot: Harness) -> None:
    bot.requests.open_home("U0AGENT01")
    home = bot.wait("views.publish")
    bot.click(home, "Show help")
    dm = bot.wait("chat.postMessage")
    assert dm.args["channel"] == "U0AGENT01"
    assert "/logcall" in bot.text(dm)
