"""Log lines written while the console's clock jumps: stamped with the console's time, and a
post the jump skipped over is put down to the clock moving, not to the bot being down."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

_DOWN = re.compile(r"the bot was down[^.;]*")


class ClockMoved(logging.Filter):
    def __init__(self, after: datetime, shown: str) -> None:
        super().__init__()
        self.after = after
        self.reason = f"the console's clock was moved past it ({shown})"

    def filter(self, record: logging.LogRecord) -> bool:
        record.created = self.after.timestamp()
        record.msecs = 0
        message = record.getMessage()
        if _DOWN.search(message):
            record.msg, record.args = _DOWN.sub(self.reason, message), None
        return True


@contextmanager
def clock_moved(after: datetime, shown: str) -> Iterator[None]:
    """While the bot catches up with a moved clock, its log lines say so."""
    handlers = list(logging.getLogger().handlers)
    moved = ClockMoved(after, shown)
    for handler in handlers:
        handler.addFilter(moved)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(moved)
