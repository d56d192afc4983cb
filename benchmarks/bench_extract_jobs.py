"""``reader extract --jobs 2`` against ``--jobs 1`` over a folder of generated articles.

Run from the repository root::

    python benchmarks/bench_extract_jobs.py [--count N] [--reps N] [--jobs N] [--quick] [--check]

Writes ``--count`` news-sized articles (``corpus.write_corpus``: 6 to 18 paragraphs, about 2 KB
each, in subfolders of 100) to a temporary folder, then times the whole command,
``python -m reader extract FOLDER --format jsonl --jobs N``, start to exit, as a user would run
it. The two settings run interleaved (1, N, N, 1, …) after one untimed warm-up run each, and
the table shows medians. Every run's output must be byte for byte the same as the first run's
with ``--jobs 1``.

Goal: on two free cores ``--jobs 2`` takes at most 0.65x the time of ``--jobs 1``. The fixed
cost of a run (starting Python, importing the extractor, loading its word lists and model) is
paid by either setting, so the ratio gets better as the corpus grows.

Other work on a shared machine takes cores away from ``--jobs 2`` far more than from ``--jobs 1``.
On Linux the script therefore also measures, for each run, how much processor time the rest of
the machine used meanwhile (``/proc/stat`` less this run's own), and shows the ratio again over
the pairs whose two runs had the rest of the machine under 5 % busy; the goal is judged on
those pairs when there are any. ``--check`` fails when even the best back-to-back pair is past
0.9x (a generous bound: other work can only make a pair slower, while a ``--jobs`` that stopped
working in parallel would never get under 1x), and on any difference in the output. It does not
judge the ratio on fewer than two cores.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus

ROOT = Path(__file__).resolve().parents[1]
GOAL = 0.65
CHECK = 0.9
#: A run counts as on a quiet machine when the rest of it used less than this share of the cores.
QUIET = 0.05


def cores() -> int:
    """How many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def machine_busy() -> float | None:
    """Processor seconds the whole machine has spent busy since boot (Linux), else None."""
    try:
        ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except (OSError, ValueError):
        return None
    idle = ticks[3] + ticks[4]  # idle, iowait
    return (sum(ticks) - idle) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    seconds: float
    others: float | None  # the share of the cores the rest of the machine used meanwhile
    output: bytes


def one(folder: Path, jobs: int) -> Run:
    """One ``reader extract`` run: its wall time, what else the machine did, what it printed."""
    command = [sys.executable, "-m", "reader", "extract", str(folder), "--format", "jsonl"]
    busy_before, times_before = machine_busy(), os.times()
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "--jobs", str(jobs)], cwd=ROOT, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    busy_after, times_after = machine_busy(), os.times()
    if done.returncode != 0:
        raise SystemExit(f"reader extract --jobs {jobs} failed: {done.stderr.decode()[-500:]}")
    others = None
    if busy_before is not None and busy_after is not None:
        ours = sum(times_after[2:4]) - sum(times_before[2:4])  # children: the run and its workers
        others = max(0.0, busy_after - busy_before - ours) / (cores() * elapsed)
    return Run(elapsed, others, done.stdout)


@dataclass(frozen=True)
class Result:
    articles: int
    chars: int
    serial: list[Run]
    parallel: list[Run]
    same_output: bool

    @property
    def ratio(self) -> float:
        return median_s(self.parallel) / median_s(self.serial)

    @property
    def pairs(self) -> list[float]:
        """``--jobs N`` over ``--jobs 1`` for each pair of runs that ran back to back."""
        return [p.seconds / s.seconds for s, p in zip(self.serial, self.parallel, strict=True)]

    def quiet(self) -> tuple[list[Run], list[Run]]:
        """The pairs whose two runs had the rest of the machine nearly idle."""
        kept = [
            (s, p)
            for s, p in zip(self.serial, self.parallel, strict=True)
            if s.others is not None and p.others is not None and max(s.others, p.others) < QUIET
        ]
        return [s for s, _ in kept], [p for _, p in kept]


def median_s(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def run(count: int, reps: int, jobs: int, warm_up: bool) -> Result:
    with tempfile.TemporaryDirectory(prefix="reader-extract-jobs-") as tmp:
        folder = Path(tmp) / "corpus"
        paths = corpus.write_corpus(folder, count, seed=3)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
        expected = one(folder, 1).output if warm_up else None
        if warm_up:
            one(folder, jobs)
        serial: list[Run] = []
        parallel: list[Run] = []
        same = True
        for rep in range(reps):
            order = (1, jobs) if rep % 2 == 0 else (jobs, 1)
            for setting in order:
                result = one(folder, setting)
                (serial if setting == 1 else parallel).append(result)
                if expected is None:
                    expected = result.output
                same &= result.output == expected
    return Result(count, chars, serial, parallel, same)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=500, help="articles in the corpus (500)")
    parser.add_argument("--reps", type=int, default=5, help="interleaved runs of each (5)")
    parser.add_argument("--jobs", type=int, default=2, help="the setting set against 1 (2)")
    parser.add_argument(
        "--quick", action="store_true", help="200 articles, 4 runs of each, no warm-up"
    )
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.quick:
        args.count, args.reps = 200, 4
    result = run(args.count, args.reps, args.jobs, warm_up=not args.quick)
    available = cores()
    print(
        f"reader extract --format jsonl over {result.articles} articles ({result.chars:,} chars), "
        f"median of {args.reps} interleaved runs, {available} cores"
    )
    pairs = result.pairs
    rows = [
        ("--jobs 1", f"{median_s(result.serial):.2f} s"),
        (f"--jobs {args.jobs}", f"{median_s(result.parallel):.2f} s"),
        ("ratio", f"{result.ratio:.2f}x (median of the pairs {statistics.median(pairs):.2f}x)"),
        ("best pair", f"{min(pairs):.2f}x"),
    ]
    others = [r.others for r in result.serial + result.parallel if r.others is not None]
    judged_ratio = None
    if others:
        serial, parallel = result.quiet()
        busiest = f"the rest of the machine up to {max(others):.0%} busy"
        if serial:
            judged_ratio = median_s(parallel) / median_s(serial)
            quiet = (
                f"{median_s(serial):.2f} s / {median_s(parallel):.2f} s = {judged_ratio:.2f}x "
                f"({len(serial)} of {len(pairs)} pairs; {busiest})"
            )
        else:
            quiet = f"none of the {len(pairs)} pairs ({busiest})"
        rows.append((f"quiet pairs (<{QUIET:.0%})", quiet))
    else:
        judged_ratio = result.ratio
    rows.append(("same output", "yes" if result.same_output else "NO"))
    for label, value in rows:
        print(f"  {label:<20}{value}")
    if judged_ratio is None:
        print(f"Goal: --jobs 2 within {GOAL}x of --jobs 1 on two free cores: not judged (busy)")
    else:
        met = "met" if judged_ratio <= GOAL else "NOT met"
        print(f"Goal: --jobs 2 within {GOAL}x of --jobs 1 on two free cores: {met}")
    if not args.check:
        return 0
    judged = available >= 2
    passed = result.same_output and (not judged or min(pairs) <= CHECK)
    note = "" if judged else ", ratio not judged on one core"
    print(f"Check: {'PASS' if passed else 'FAIL'} (best pair within {CHECK}x{note})")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
