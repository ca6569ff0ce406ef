"""Everything the listeners and jobs need, built once at start-up and passed in.

A plain dataclass: each feature of the Slack edge receives it in `register(app, services)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from bot.calllog.masking import Masker
from bot.calllog.service import CallService
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.content import Content, load_content
from bot.guides.hold_timer import HoldTimers
from bot.outbox import Outbox
from bot.people import People
from bot.rephrase.engine import Engine
from bot.reports.access import ManagerDirectory
from bot.reports.service import Reports
from bot.scheduler import Ticker
from bot.store import Store, open_store
from bot.tips.feedback import Feedback
from bot.tips.manage import TipsManager
from bot.tips.schedules import Schedules


@dataclass
class Services:
    settings: Settings
    store: Store
    clock: Clock
    ticker: Ticker
    outbox: Outbox  # every post the bot makes on a schedule goes through it
    content: Content
    rephrase: Engine
    calls: CallService
    managers: ManagerDirectory
    people: People
    reports: Reports
    hold_timers: HoldTimers
    tips: TipsManager
    tip_schedules: Schedules
    tip_feedback: Feedback


def build_services(
    settings: Settings,
    *,
    clock: Clock | None = None,
    store: Store | None = None,
    content: Content | None = None,
) -> Services:
    """Everything the listeners need. Content is checked before the store is opened, so a
    broken content file stops start-up without touching the data."""
    clock = clock or SystemClock()
    content = content or load_content(settings.content_dir)
    store = store or open_store(
        Path(settings.db_path), settings.database_url, pool_size=settings.db_pool_size
    )
    managers = ManagerDirectory(settings, clock)
    tip_schedules = Schedules(store)
    outbox = Outbox(store, clock.now)
    ticker = Ticker(clock)
    ticker.on_stop(outbox.wait_idle)  # posts in flight finish before the store closes
    people = People(clock)
    return Services(
        settings=settings,
        store=store,
        clock=clock,
        ticker=ticker,
        outbox=outbox,
        content=content,
        rephrase=Engine(content),
        calls=CallService(store, clock, settings.zone, Masker(settings.phone_regions)),
        managers=managers,
        people=people,
        reports=Reports(store, clock, content, managers, people, settings.timezone),
        hold_timers=HoldTimers(store),
        tips=TipsManager(
            store,
            content,
            timedelta(hours=settings.tip_catchup_hours),
            settings.tips_admins,
            schedules=tip_schedules,
            leases=outbox.leases,
        ),
        tip_schedules=tip_schedules,
        tip_feedback=Feedback(store),
    )
