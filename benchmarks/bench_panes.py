"""How soon the entities and quotes panes are filled after the article's first paint.

Run from the repository root::

    python benchmarks/bench_panes.py [--reps N] [--quick] [--check]

For each article (a bundled sample of about 600 words, and a 1 MB generated article) the app is
started headless at 120x40; the clock starts at the first frame that shows the article (the same
probe as ``bench_reading.py``) and stops when the entities pane, then the quotes pane, receive
their lists (extraction runs in a worker after the first frame). Goal: both within 100 ms of the
first paint for a news-length article. ``--check`` fails past 300 ms (a generous bound for CI).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
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


async def run(reps: int, *, quick: bool = False) -> dict[str, dict[str, float]]:
    stamps = Stamps()
    stamps.install()
    bench_reading.PROBE.install(ArticleView)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="reader-panes-") as tmp:
        folder = Path(tmp)
        big = folder / "one-mb.txt"
        big.write_text(corpus.make_text(1_000_000, seed=3), encoding="utf-8")
        articles = {"sample (~600 words)": samples_dir() / "tram-vote.txt", "1 MB": big}
        if quick:
            del articles["1 MB"]
        for label, path in articles.items():
            await one(path, folder / "warm.json", stamps)  # warm-up: gazetteers load once
            timings = [await one(path, folder / f"db{i}.json", stamps) for i in range(reps)]
            results[label] = {
                "entities_ms": statistics.median(t[0] for t in timings),
                "quotes_ms": statistics.median(t[1] for t in timings),
            }
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--quick", action="store_true", help="the news-length article only")
    args = parser.parse_args()
    results = asyncio.run(run(args.reps, quick=args.quick))
    print(f"Panes filled after first paint (median of {args.reps}, ms)")
    print(f"  {'article':22} {'entities':>9} {'quotes':>9}")
    for label, row in results.items():
        print(f"  {label:22} {row['entities_ms']:9.1f} {row['quotes_ms']:9.1f}")
    sample = results["sample (~600 words)"]
    met = max(sample.values()) <= GOAL_MS
    print(f"Goal: news-length article within {GOAL_MS:.0f} ms: {'met' if met else 'NOT met'}")
    if args.check and max(sample.values()) > CHECK_MS:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
