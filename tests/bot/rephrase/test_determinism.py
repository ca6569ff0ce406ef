"""Detection must not depend on PYTHONHASHSEED: a set or dict iterates in hash order, and
a float sum in another order can differ in its last bits, which moves a score across a
threshold now and then. Two processes with different seeds must print the same scores,
findings and analyses, byte for byte, for a few hundred train and dev drafts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _outputs(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "bench.detection_identity", "--limit", "300", "--whole"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_scores_and_findings_do_not_depend_on_the_hash_seed() -> None:
    first, second = _outputs("1"), _outputs("2")
    assert len(first.splitlines()) >= 300
    assert '"units"' in first and '"findings": [[' in first
    assert first == second
