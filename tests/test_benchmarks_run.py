"""The reading benchmarks run end to end and stay inside their generous regression bounds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "bench_reading.py"


def test_bench_reading_quick_check_passes(tmp_path: Path) -> None:
    env = {**os.environ, "READER_DB": str(tmp_path / "bench.json")}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Check: PASS" in done.stdout


def test_bench_panes_quick_check_passes(tmp_path: Path) -> None:
    env = {**os.environ, "READER_DB": str(tmp_path / "bench.json")}
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_panes.py"),
            "--quick",
            "--reps",
            "3",
            "--check",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Panes filled after first paint" in done.stdout


def test_bench_highlights_check_passes(tmp_path: Path) -> None:
    env = {**os.environ, "READER_DB": str(tmp_path / "bench.json")}
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "bench_highlights.py"),
            "--reps",
            "2",
            "--check",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "highlights drawn" in done.stdout
