"""Text for Slack's mrkdwn: escaping what people typed, clipping to a limit, echoing as code.

Plain strings only, so the core can word its messages safely without knowing Block Kit.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """Escape user text for mrkdwn, so `<!channel>` or `<@U123>` shows as text and pings nobody."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Read back what Slack escaped in a command's text (`&amp;`, `&lt;`, `&gt;`)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def code(text: str, limit: int = 80) -> str:
    """Echo what a person typed as `code`, e.g. in an error message.

    The text may arrive escaped by Slack or not (the console), so it is read back first and
    escaped once: an echoed `<!channel>` pings nobody. A backtick would end the span early.
    """
    return "`" + escape(clip(unescape(text).replace("`", "'"), limit)) + "`"
