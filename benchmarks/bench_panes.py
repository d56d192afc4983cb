"""How soon the entities and quotes panes are filled after the article's first paint.

Run from the repository root::

    python benchmarks/bench_panes.py [--reps N] [--quick] [--check] [--against TREE]

For each article (a bundled sample of about 600 words, and a 1 MB generated article) the app is
started headless at 120x40; the clock starts at the first frame that shows the article (the same
probe as ``bench_reading.py``) and stops when the entities pane, then the quotes pane, receive
their lists (extraction runs in a worker after the first frame). Goal: both within 100 ms of the
first paint for a news-length article. ``--check`` fails past 300 ms (a generous bound for CI).

``--against TREE`` times another checkout too, side by side: each tree's runs happen in a fresh
interpreter of their own (``PYTHONPATH``), a few at a time, the trees taking turns, so that a busy
machine slows both alike.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_reading
import corpus

from reader.article import load_article
from reader.paths import samples_dir
from reader.store import AnnotationStore
from reader.ui.app import make_app
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entities_pane import EntitiesPane
from reader.ui.widgets.quotes_pane import QuotesPane

GOAL_MS = 100.0
CHECK_MS = 300.0


class Stamps:
    """When each pane was handed its list."""

    def __init__(self) -> None:
        self.entities: float | None = None
        self.quotes: float | None = None

    def install(self) -> None:
        stamps = self
        set_entities, set_quotes = EntitiesPane.set_entities, QuotesPane.set_quotes

        def entities(pane: EntitiesPane, found: list) -> None:  # type: ignore[type-arg]
            set_entities(pane, found)
            stamps.entities = time.perf_counter()

        def quotes(pane: QuotesPane, found: list) -> None:  # type: ignore[type-arg]
            set_quotes(pane, found)
            stamps.quotes = time.perf_counter()

        EntitiesPane.set_entities = entities  # type: ignore[method-assign]
        QuotesPane.set_quotes = quotes  # type: ignore[method-assign]


async def one(path: Path, db: Path, stamps: Stamps) -> tuple[float, float]:
    stamps.entities = stamps.quotes = None
    event = bench_reading.PROBE.arm(ArticleView)
    article = load_article(path)
    with AnnotationStore.open(db) as store:
        app = make_app(store, article=article, cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            painted = await bench_reading._await_paint(event, "reader")
            while stamps.quotes is None:
                await asyncio.sleep(0.001)
            await pilot.pause()
    assert stamps.entities is not None and stamps.quotes is not None
    return (stamps.entities - painted) * 1000, (stamps.quotes - painted) * 1000


#: Rounds an ``--against`` run takes turns in (each tree's repetitions spread over them).
ROUNDS = 3


async def run(reps: int, *, quick: bool = False) -> dict[str, list[tuple[float, float]]]:
    """(entities ms, quotes ms) of each run, by article."""
    stamps = Stamps()
    stamps.install()
    bench_reading.PROBE.install(ArticleView)
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="reader-panes-") as tmp:
        folder = Path(tmp)
        big = folder / "one-mb.txt"
        big.write_text(corpus.make_text(1_000_000, seed=3), encoding="utf-8")
        articles = {"sample (~600 words)": samples_dir() / "tram-vote.txt", "1 MB": big}
        if quick:
            del articles["1 MB"]
        for label, path in articles.items():
            await one(path, folder / "warm.json", stamps)  # warm-up: gazetteers load once
            results[label] = [await one(path, folder / f"db{i}.json", stamps) for i in range(reps)]
    return results


def medians(timings: list[tuple[float, float]]) -> dict[str, float]:
    return {
        "entities_ms": statistics.median(t[0] for t in timings),
        "quotes_ms": statistics.median(t[1] for t in timings),
    }


def side_by_side(reps: int, against: Path, *, quick: bool) -> dict[str, dict[str, list]]:
    """Each tree's timings, from fresh interpreters that take turns."""
    trees = {"this tree": Path(__file__).resolve().parents[1], "against": against.resolve()}
    per_round = max(1, -(-reps // ROUNDS))
    timings: dict[str, dict[str, list]] = {name: {} for name in trees}
    for round_ in range(ROUNDS):
        names = list(trees) if round_ % 2 == 0 else list(reversed(trees))
        for name in names:
            env = dict(os.environ, PYTHONPATH=str(trees[name]))
            command = [sys.executable, __file__, "--json", "--reps", str(per_round)]
            done = subprocess.run(
                command + (["--quick"] if quick else []),
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            for label, runs in json.loads(done.stdout).items():
                timings[name].setdefault(label, []).extend(runs)
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--quick", action="store_true", help="the news-length article only")
    parser.add_argument("--against", type=Path, metavar="TREE", help="another checkout to compare")
    parser.add_argument("--json", action="store_true", help="print each run's timings as JSON")
    args = parser.parse_args()
    if args.json:
        print(json.dumps(asyncio.run(run(args.reps, quick=args.quick))))
        return 0
    if args.against:
        trees = side_by_side(args.reps, args.against, quick=args.quick)
    else:
        trees = {"this tree": asyncio.run(run(args.reps, quick=args.quick))}
    reps = len(next(iter(trees["this tree"].values())))
    print(f"Panes filled after first paint (median of {reps}, ms)")
    width = 22 if len(trees) == 1 else 34
    print(f"  {'article':{width}} {'entities':>9} {'quotes':>9}")
    for name, timings in trees.items():
        for label, runs in timings.items():
            row = medians(runs)
            shown = label if len(trees) == 1 else f"{label}, {name}"
            print(f"  {shown:{width}} {row['entities_ms']:9.1f} {row['quotes_ms']:9.1f}")
    sample = medians(trees["this tree"]["sample (~600 words)"])
    met = max(sample.values()) <= GOAL_MS
    print(f"Goal: news-length article within {GOAL_MS:.0f} ms: {'met' if met else 'NOT met'}")
    if args.check and max(sample.values()) > CHECK_MS:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
