"""The benchmarks run end to end and stay inside their generous regression bounds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

#: (script, arguments, a line its report must hold)
RUNS = [
    ("bench_reading.py", ["--quick", "--check"], "Check: PASS"),
    ("bench_panes.py", ["--quick", "--reps", "3", "--check"], "Panes filled after first paint"),
    ("bench_highlights.py", ["--reps", "2", "--check"], "highlights drawn"),
    ("bench_extract_jobs.py", ["--quick", "--check"], "Check: PASS"),
    ("bench_startup.py", ["--quick", "--check"], "Check: PASS"),
    ("bench_web.py", ["--quick", "--check"], "Check: PASS"),
    ("bench_index.py", ["--quick", "--check"], "Check: PASS"),
    ("bench_feeds.py", ["--quick", "--check"], "Check: PASS"),
]


@pytest.mark.parametrize(("script", "args", "expected"), RUNS, ids=[r[0] for r in RUNS])
def test_benchmark_passes_its_check(
    tmp_path: Path, script: str, args: list[str], expected: str
) -> None:
    env = {**os.environ, "READER_DB": str(tmp_path / "bench.json")}
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / script), *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert expected in done.stdout
