"""Slack's rate limits, enforced by the fake Slack when a test or benchmark asks for them.

Web API methods have tiers, counted per minute per workspace (Tier 1: 1, Tier 2: 20, Tier 3:
50, Tier 4: 100). chat.postMessage is special: about one message a second per channel, and a
workspace-wide ceiling of several hundred a minute. Over a limit the fake answers as Slack
does: HTTP 429, {"ok": false, "error": "ratelimited"} and Retry-After in whole seconds.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

TIER_PER_MINUTE = {1: 1, 2: 20, 3: 50, 4: 100}
METHOD_TIERS = {
    "auth.test": 4,
    "chat.postEphemeral": 4,
    "chat.update": 3,
    "chat.delete": 3,
    "conversations.open": 3,
    "files.getUploadURLExternal": 4,
    "files.completeUploadExternal": 4,
    "usergroups.users.list": 2,
    "users.info": 4,
    "views.open": 4,
    "views.push": 4,
    "views.update": 4,
    "views.publish": 4,
}
PER_CHANNEL = ("chat.postMessage",)


class RateLimits:
    def __init__(
        self,
        *,
        per_channel_seconds: float = 1.0,
        posts: int = 600,
        posts_window: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_channel_seconds = per_channel_seconds
        self.posts = posts  # chat.postMessage across the workspace, per `posts_window`
        self.posts_window = posts_window
        self.monotonic = monotonic
        self.refused: dict[str, int] = {}  # why calls were refused: "per channel", a method
        self._last_post: dict[str, float] = {}
        self._windows: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, method: str, args: dict[str, Any]) -> int | None:
        """Retry-After seconds if this call is over a limit; otherwise None (and it counts)."""
        with self._lock:
            now = self.monotonic()
            if method in PER_CHANNEL:
                channel = str(args.get("channel", ""))
                wait = self._last_post.get(channel, -math.inf) + self.per_channel_seconds - now
                if wait > 0:
                    return self._refuse("per channel", wait)
                over = self._window(method, now, self.posts, self.posts_window)
                if over is not None:
                    return self._refuse(method, over)
                self._last_post[channel] = now
            elif method in METHOD_TIERS:
                allowed = TIER_PER_MINUTE[METHOD_TIERS[method]]
                over = self._window(method, now, allowed, 60.0)
                if over is not None:
                    return self._refuse(method, over)
            self._windows.setdefault(method, deque()).append(now)
            return None

    def _window(self, method: str, now: float, allowed: int, seconds: float) -> float | None:
        window = self._windows.setdefault(method, deque())
        while window and window[0] <= now - seconds:
            window.popleft()
        if len(window) < allowed:
            return None
        return window[0] + seconds - now

    def _refuse(self, why: str, wait: float) -> int:
        self.refused[why] = self.refused.get(why, 0) + 1
        return max(1, math.ceil(wait))
