"""Index snapshots of old months (`bot.store.snapshot`): start-up reads them instead of the
months, and the index never disagrees with the data, whatever was left on disk."""

from __future__ import annotations

from pathlib import Path

from bot.store import Query, TinyStore, callscan
from bot.store.calls import CallFilter
from bot.store.layout import STANDARD_LAYOUT, CollectionLayout

NOW = "2026-06-30T12:00:00+00:00"


def call(month: int, n: int) -> dict[str, object]:
    return {
        "agent": f"U{n % 3}",
        "created_at": f"2026-{month:02d}-{1 + n % 27:02d}T10:00:00+00:00",
        "category": ("billing", "refund")[n % 2],
        "outcome": "resolved",
        "heat": 1 + n % 5,
        "notes": "long notes that the snapshot leaves out " * 3,
        "follow_up_due": f"2026-{month:02d}-28T10:00:00+00:00" if n % 4 == 0 else None,
        "follow_up_done_at": None,
    }


def _fill(path: Path) -> None:
    store = TinyStore(path)
    for month in range(1, 7):
        store.add_many("calls", [call(month, n) for n in range(20)])
    store.close()


def _answers(store: TinyStore) -> tuple[object, ...]:
    flt = CallFilter("2026-01-15T00:00:00+00:00", "2026-06-15T00:00:00+00:00")
    return (
        store.count("calls"),
        store.find("calls", Query("agent", equals="U1")),
        store.find("calls", Query("follow_up_due", low="2026-02-01")),
        store.call_figures(flt, "2026-01-01T00:00:00+00:00", NOW, 5),
        store.call_agents(flt, "2026-01-01T00:00:00+00:00", NOW),
        callscan.figures(store, flt, "2026-01-01T00:00:00+00:00", NOW, 5),
    )


def test_old_months_get_a_snapshot_and_a_start_from_it_answers_the_same(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _fill(path)
    months = tmp_path / "db.json.d" / "calls"
    first = TinyStore(path)  # reads the old months in full, and writes their snapshots
    expected = _answers(first)
    first.close()
    assert sorted(p.name for p in months.glob("*.index")) == [
        f"2026-0{m}.index" for m in range(1, 5)
    ]  # the two newest months are read in full anyway
    second = TinyStore(path)
    assert _answers(second) == expected
    second.close()


def test_a_month_changed_after_its_snapshot_is_read_from_the_data(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _fill(path)
    TinyStore(path).close()  # snapshots written
    store = TinyStore(path)
    [(key, doc)] = store.find("calls", Query("created_at", equals=str(call(2, 0)["created_at"])))
    store.put("calls", key, {**doc, "agent": "U9", "heat": 5})  # February's file replaced
    gone = store.find("calls", Query("created_at", equals=str(call(3, 1)["created_at"])))
    store.delete("calls", gone[0][0])
    expected = _answers(store)
    store.close()
    # The snapshots on disk still describe the old files (as after a crash right after the
    # write): they must be refused.
    reopened = TinyStore(path)
    assert _answers(reopened) == expected
    assert [k for k, _ in reopened.find("calls", Query("agent", equals="U9"))] == [key]
    reopened.close()


def test_a_broken_or_foreign_snapshot_is_ignored_and_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "db.json"
    _fill(path)
    store = TinyStore(path)
    expected = _answers(store)
    store.close()
    months = tmp_path / "db.json.d" / "calls"
    (months / "2026-01.index").write_text("{not json")
    (months / "2026-02.index").write_bytes((months / "2026-03.index").read_bytes())
    (months / "2026-04.index").write_text("")
    reopened = TinyStore(path)
    assert _answers(reopened) == expected
    reopened.close()
    assert (months / "2026-01.index").read_text().startswith("{")
    # A store with another index layout does not use these snapshots.
    other = {
        **STANDARD_LAYOUT,
        "calls": CollectionLayout(partition_by="created_at", indexes=("created_at",)),
    }
    narrow = TinyStore(path, other)
    assert narrow.count("calls") == 120
    narrow.close()
    again = TinyStore(path)
    assert _answers(again) == expected
    again.close()
