"""A message that may or may not have reached Slack: the connection failed after it was sent.

Jobs that claim a post before sending it (daily tips, reminders) give the claim back when a
send fails, so the next tick tries again. After this failure they keep it instead: trying
again could post the same thing twice, and a post that may be missing is the lesser harm.
"""

from __future__ import annotations


class MaybeSent(Exception):
    """Raised by a sender when Slack may have acted on the message although no answer came."""
