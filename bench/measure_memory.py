"""Run in a fresh process by the store benchmarks: open a store, answer /calls 30d once, then
report resident memory and how long full garbage collections take, as JSON on stdout."""

from __future__ import annotations

import gc
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import orjson

from bench.baseline_store import SingleFileStore
from bench.realistic import NOW
from bot.calllog.log import CallLog
from bot.store import Store, TinyStore


def memory_kb(name: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(name + ":"):
            return int(line.split()[1])
    return 0


def main(layout: str, path: str) -> None:
    started = time.perf_counter()
    store: Store = SingleFileStore(Path(path)) if layout == "single-file" else TinyStore(Path(path))
    store.count("calls")  # the single-file store builds its key index on first use
    opened = time.perf_counter() - started
    month = CallLog(store).find(since=NOW - timedelta(days=30), until=NOW)
    pauses = []
    for _ in range(5):
        begun = time.perf_counter()
        gc.collect()
        pauses.append((time.perf_counter() - begun) * 1000)
    tracked = len(gc.get_objects())
    gc.freeze()  # as the bot does once started (handlers.run.settle_for_serving)
    frozen = []
    for _ in range(5):
        begun = time.perf_counter()
        gc.collect()
        frozen.append((time.perf_counter() - begun) * 1000)
    result = {
        "open_s": round(opened, 2),
        "calls_30d": len(month),
        "rss_mb": round(memory_kb("VmRSS") / 1024),
        "peak_mb": round(memory_kb("VmHWM") / 1024),
        "gc_full_ms": round(statistics.median(pauses), 1),
        "gc_full_ms_after_freeze": round(statistics.median(frozen), 2),
        "tracked_objects": tracked,
    }
    sys.stdout.write(orjson.dumps(result).decode())


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
