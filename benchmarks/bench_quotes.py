"""Quote extraction on its own: its cost beside entity extraction, and its share of the two.

Run: ``python benchmarks/bench_quotes.py [--reps N] [--check]``. ``extract_quotes`` gets the
entities it needs computed beforehand, so its time is its own; ``extract_entities`` is timed on
the same text. Texts: about 1 MB of synthetic news-wire text (``corpus.make_text``), the dev-set
articles concatenated to about 1 MB, and 1,000 generated articles one by one (as the reader
opens them). Times are process CPU time, the best of N interleaved runs, which a busy shared
machine disturbs least. ``--check`` exits 1 when quotes alone run slower than 2 MB/s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402
from bench_extract import devset_text  # noqa: E402

from reader.extract import Entity, extract_entities, extract_quotes  # noqa: E402

CHECK_MB_S = 2.0


def best(runs: int, *jobs: Callable[[], object]) -> list[float]:
    """The best CPU time of each job over ``runs`` rounds, the jobs interleaved."""
    out = [float("inf")] * len(jobs)
    for _ in range(runs):
        for i, job in enumerate(jobs):
            t0 = time.process_time()
            job()
            out[i] = min(out[i], time.process_time() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    extract_quotes("“Warm up,” she said.", extract_entities("Warm up."))
    texts: list[tuple[str, list[str]]] = [
        ("corpus.make_text(1_000_000)", [corpus.make_text(1_000_000)]),
        ("dev set x N, 1 MB", [devset_text(1_000_000)]),
    ]
    rng = random.Random(7)
    texts.append(("1,000 generated articles", [corpus.make_article(rng) for _ in range(1000)]))
    print(f"{'text':28} {'chars':>9} {'entities':>9} {'quotes':>9} {'quotes':>8} {'share':>6}")
    ok = True
    for label, parts in texts:
        ents: list[list[Entity]] = [extract_entities(p) for p in parts]
        t_ent, t_quo = best(
            args.reps,
            lambda parts=parts: [extract_entities(p) for p in parts],
            lambda parts=parts, ents=ents: [
                extract_quotes(p, e) for p, e in zip(parts, ents, strict=True)
            ],
        )
        chars = sum(len(p) for p in parts)
        rate = chars / 1e6 / t_quo if t_quo else float("inf")
        ok &= rate >= CHECK_MB_S
        print(
            f"{label:28} {chars:>9} {t_ent * 1000:7.0f}ms {t_quo * 1000:7.0f}ms "
            f"{rate:5.1f}MB/s {t_quo / (t_quo + t_ent):6.0%}"
        )
    if args.check:
        print("Check: PASS" if ok else f"Check: FAIL (quotes alone under {CHECK_MB_S} MB/s)")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
