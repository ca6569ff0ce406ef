"""Slow clients cannot lock Slack out: with 150 sockets trickling a request a byte at a time
(waitress's default limit of 100 connections would have refused everyone else), a signed
/help is still answered within a second, and a request that takes too long to arrive is cut
off. bench/loadtest_slow_clients.py runs the same with 500 sockets."""

from __future__ import annotations

import time

from handlers.server import Limits
from tests.harness import SECRET, Harness
from tests.security.conftest import serve, shut
from tests.security.slowloris import Trickle, signed_help


def test_a_signed_help_is_answered_within_a_second_among_150_slow_clients(
    bot: Harness,
) -> None:
    server, thread = serve(bot)
    url = f"http://127.0.0.1:{server.effective_port}"
    trickle = Trickle(server.effective_port, 150, interval=0.5)
    try:
        time.sleep(1.0)  # every slow client connected and trickling
        timings = []
        for _ in range(4):
            form = bot.requests.command_form("/help", "", "U0AGENT01", "C0SUPPORT")
            timings.append(signed_help(url, SECRET, form))
        assert max(timings) < 1.0, timings
        assert len(trickle.sockets) == 150  # none was dropped to make room
    finally:
        trickle.close()
        shut(server, thread)
    assert len(bot.fake.calls_to("response_url")) == 4


def test_a_request_still_arriving_after_the_deadline_is_cut_off(bot: Harness) -> None:
    server, thread = serve(bot, Limits(request_deadline=1, cleanup_interval=1))
    trickle = Trickle(server.effective_port, 5, interval=0.2)
    try:
        deadline = time.monotonic() + 8
        while trickle.closed_by_server < 5 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert trickle.closed_by_server == 5
    finally:
        trickle.close()
        shut(server, thread)
