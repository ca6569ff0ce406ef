"""`python -m bot demo-data`: fill the configured store (TinyDB or PostgreSQL) with demo data."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.calllog.log import COLLECTION as CALLS
from bot.config import Settings
from bot.content.loader import load_content
from bot.demo_data import fill
from bot.store import open_store

CALLS_PER_DAY = 100  # a busy team's difficult calls: 100,000 is about three years


def main_demo_data(settings: Settings, args: argparse.Namespace) -> int:
    days = args.days or max(30, -(-args.calls // CALLS_PER_DAY))
    categories = load_content(settings.content_dir).categories
    where = "PostgreSQL" if settings.database_url else str(settings.db_path)
    started = time.monotonic()
    store = open_store(
        Path(settings.db_path), settings.database_url, pool_size=settings.db_pool_size
    )
    try:
        held = store.count(CALLS)
        if held and not args.append:
            print(
                f"The store at {where} already holds {held} call(s): demo data is for an empty "
                "store. Point BOT_DB_PATH (or BOT_DATABASE_URL) at a new one, or pass --append.",
                file=sys.stderr,
            )
            return 1
        added = fill(
            store,
            calls=args.calls,
            days=days,
            channels=args.channels,
            now=datetime.now(UTC),
            categories=categories,
            seed=args.seed,
        )
    finally:
        store.close()
    print(
        f"Added {added.calls} call(s) over {days} day(s), {added.schedules} tip schedule(s) and "
        f"{added.audit} audit entr{'y' if added.audit == 1 else 'ies'} to {where} "
        f"in {time.monotonic() - started:.1f} s."
    )
    return 0
