"""Range and equality queries on a document field: the same answers from TinyStore's indexes,
from its scan of unindexed fields, and from PostgreSQL's SQL."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.store import Query, Store, TinyStore
from bot.store.interface import answer_by_scan
from bot.store.layout import CollectionLayout


def seed(store: Store) -> list[str]:
    calls = [
        ("2026-03-30T10:00:00+00:00", "U1", None),
        ("2026-04-02T09:00:00+00:00", "U2", "2026-04-03T09:00:00+00:00"),
        ("2026-04-02T09:00:00+00:00", "U1", None),
        ("2026-04-15T12:00:00+00:00", "U1", "2026-04-16T09:00:00+00:00"),
        ("2026-05-01T00:00:00+00:00", "U2", None),
    ]
    return [
        store.add("calls", {"created_at": at, "agent": agent, "follow_up_due": due})
        for at, agent, due in calls
    ]


def keys(found: list[tuple[str, dict[str, object]]]) -> list[str]:
    return [key for key, _doc in found]


def test_a_month_range_is_half_open_and_in_time_order(store: Store) -> None:
    k = seed(store)
    april = Query("created_at", low="2026-04-01", high="2026-05-01")
    assert keys(store.find("calls", april)) == [k[1], k[2], k[3]]
    through = Query("created_at", high="2026-05-01T00:00:00+00:00", include_high=True)
    assert keys(store.find("calls", through)) == k
    newest = Query("created_at", descending=True, limit=2)
    assert keys(store.find("calls", newest)) == [k[4], k[3]]


def test_equality_with_another_order_a_filter_and_a_limit(store: Store) -> None:
    k = seed(store)
    mine = Query("agent", equals="U1", order_by="created_at", descending=True)
    assert keys(store.find("calls", mine)) == [k[3], k[2], k[0]]
    first_in_april = Query(
        "agent", equals="U1", where=lambda doc: doc["created_at"] >= "2026-04", limit=1
    )
    assert keys(store.find("calls", first_in_april)) == [k[2]]
    assert store.find("calls", Query("agent", equals="U9")) == []


def test_documents_without_the_field_never_match(store: Store) -> None:
    k = seed(store)
    due = store.find("calls", Query("follow_up_due", high="2026-04-10"))
    assert keys(due) == [k[1]]
    assert keys(store.find("calls", Query("follow_up_due"))) == [k[1], k[3]]
    assert store.find("calls", Query("no_such_field")) == []


def test_answers_follow_writes_and_deletes(store: Store) -> None:
    k = seed(store)
    store.put("calls", k[0], {"created_at": "2026-04-20T00:00:00+00:00", "agent": "U3"})
    store.delete("calls", k[1])
    store.update("calls", k[3], lambda doc: {**doc, "agent": "U3"})
    april = store.find("calls", Query("created_at", low="2026-04-01", high="2026-05-01"))
    assert keys(april) == [k[2], k[3], k[0]]
    assert keys(store.find("calls", Query("agent", equals="U3"))) == [k[0], k[3]]
    assert store.delete_where("calls", lambda doc: doc["agent"] == "U3") == 2
    assert keys(store.find("calls", Query("agent", low="U"))) == [k[2], k[4]]


documents = st.lists(
    st.fixed_dictionaries(
        {
            "t": st.sampled_from(["2026-01-05T00:00", "2026-02-01T00:00", "2026-02-28T23:59"]),
            "a": st.one_of(st.none(), st.sampled_from(["U1", "U2", "U3"])),
        }
    ),
    max_size=25,
)
bounds = st.one_of(st.none(), st.sampled_from(["2026-01", "2026-02-01T00:00", "2026-03", "U2"]))


@settings(max_examples=60, deadline=None)
@given(
    docs=documents,
    field=st.sampled_from(["t", "a"]),
    low=bounds,
    high=bounds,
    include_high=st.booleans(),
    equals=st.one_of(st.none(), st.sampled_from(["U1", "2026-02-01T00:00"])),
    descending=st.booleans(),
    limit=st.one_of(st.none(), st.integers(0, 5)),
    deleted=st.sets(st.integers(0, 24)),
)
def test_the_index_answers_as_a_scan_would(
    tmp_path_factory: pytest.TempPathFactory,
    docs: list[dict[str, str | None]],
    field: str,
    low: str | None,
    high: str | None,
    include_high: bool,
    equals: str | None,
    descending: bool,
    limit: int | None,
    deleted: set[int],
) -> None:
    folder = tmp_path_factory.mktemp("find")
    layout = {"c": CollectionLayout(partition_by="t", indexes=("t", "a"))}
    store = TinyStore(folder / "db.json", layout=layout)
    added = [store.add("c", doc) for doc in docs]
    for n in deleted:
        if n < len(added):
            store.delete("c", added[n])
    query = Query(field, low, high, include_high, equals, "t", descending, limit)
    assert store.find("c", query) == answer_by_scan(store.scan("c"), query)
    store.close()
