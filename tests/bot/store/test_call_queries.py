"""The call-log questions answer the same on both stores: PgStore's SQL against the Python
reference (`bot.store.callscan`) over the same random calls."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.store import Store, callscan
from bot.store.calls import CALLS, CallFilter

NOW = datetime(2026, 11, 30, 14, 0, tzinfo=UTC)
AGENTS = ("U1", "U2", "U3")
CATEGORIES = ("billing", "outage", "refund")
OUTCOMES = ("resolved", "escalated", "unresolved")


def _fill(store: Store, count: int = 300) -> None:
    rng = random.Random(7)
    for _ in range(count):
        created = NOW - timedelta(minutes=rng.randrange(0, 60 * 24 * 70))
        due = created + timedelta(days=rng.randrange(-2, 5)) if rng.random() < 0.3 else None
        done = due + timedelta(hours=1) if due and rng.random() < 0.3 else None
        store.add(
            CALLS,
            {
                "created_at": created.isoformat(),
                "agent": rng.choice(AGENTS),
                "team": "T1",
                "category": rng.choice(CATEGORIES),
                "outcome": rng.choice(OUTCOMES),
                "heat": rng.randrange(1, 6),
                "notes": rng.choice(["Charged TWICE", "line dropped", "angry about refund"]),
                "follow_up_due": due.isoformat() if due else None,
                "follow_up_done_at": done.isoformat() if done else None,
            },
        )


FILTERS = [
    CallFilter(),
    CallFilter(categories=frozenset({"billing"}), heat=(4, 5)),
    CallFilter(agents=frozenset({"U2"}), outcomes=frozenset({"escalated", "unresolved"})),
    CallFilter(texts=("twice",)),
]


def test_figures_breakdowns_and_export_agree_with_the_reference(store: Store) -> None:
    _fill(store)
    since, until = (NOW - timedelta(days=30)).isoformat(), NOW.isoformat()
    previous, now = (NOW - timedelta(days=60)).isoformat(), NOW.isoformat()
    for base in FILTERS:
        flt = CallFilter(
            since, until, base.categories, base.outcomes, base.agents, base.heat, base.texts
        )
        assert store.call_figures(flt, previous, now, 10) == callscan.figures(
            store, flt, previous, now, 10
        )
        assert list(store.call_rows(flt)) == list(callscan.calls(store, flt))
        mine = sorted(store.call_agents(flt, previous, now), key=lambda row: row.agent)
        reference = sorted(callscan.agents(store, flt, previous, now), key=lambda row: row.agent)
        assert mine == reference


def test_answers_still_agree_after_edits_deletes_and_calls_logged_in_the_same_instant(
    store: Store,
) -> None:
    """TinyStore answers from its index (bot.store.callindex): edits and deletes must reach it,
    and calls sharing a timestamp must come out in the reference's order."""
    _fill(store, 200)
    instant = (NOW - timedelta(days=1)).isoformat()
    for n in range(15):
        store.add(
            CALLS,
            {"created_at": instant, "agent": AGENTS[n % 3], "category": "billing",
             "outcome": "resolved", "heat": 1 + n % 5, "notes": "same minute",
             "follow_up_due": instant, "follow_up_done_at": None},
        )  # fmt: skip
    for n, (key, _doc) in enumerate(store.scan(CALLS)):
        if n % 7 == 0:
            store.delete(CALLS, key)
        elif n % 5 == 0:
            store.update(CALLS, key, lambda doc: {**doc, "follow_up_done_at": NOW.isoformat()})
        elif n % 11 == 0:
            store.update(CALLS, key, lambda doc: {**doc, "heat": 5, "category": "outage"})
    since, until = (NOW - timedelta(days=30)).isoformat(), NOW.isoformat()
    previous, now = (NOW - timedelta(days=60)).isoformat(), NOW.isoformat()
    for base in FILTERS:
        flt = CallFilter(
            since, until, base.categories, base.outcomes, base.agents, base.heat, base.texts
        )
        for recent in (0, 3, 10, 500):
            assert store.call_figures(flt, previous, now, recent) == callscan.figures(
                store, flt, previous, now, recent
            )
        mine = store.call_agents(flt, previous, now)
        assert mine == callscan.agents(store, flt, previous, now) or sorted(
            mine, key=lambda row: row.agent
        ) == sorted(callscan.agents(store, flt, previous, now), key=lambda row: row.agent)
