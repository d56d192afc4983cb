"""Opening an article that has 500 highlights, against the same article with none.

Run from the repository root::

    python benchmarks/bench_highlights.py [--reps N] [--check]

Headless at 120x40, interleaved (with, without, with, ...), medians. Reported: the first paint
(the same probe as ``bench_reading.py``) and, for the article with highlights, the moment they are
drawn (stored highlights are loaded and re-anchored in a worker right after the first frame).
Goal: with 500 highlights the article paints within 1.25x of the same article without.
``--check`` fails past 2x (a generous bound for CI).
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
from reader.store import AnnotationStore
from reader.store.anchoring import new_highlight
from reader.ui.app import make_app
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.article_view import ArticleView

HIGHLIGHTS = 500


def annotate(db: Path, path: Path, count: int) -> None:
    """``count`` highlights spread over the article's sentences, written in one go."""
    article = load_article(path)
    with AnnotationStore.open(db) as store:
        document = store.document_for(article)
        sentences = article.sentences
        for index in range(count):
            span = sentences[(index * 7) % len(sentences)]
            store.add_annotation(
                new_highlight(document.id, article.text, span.start, span.end, note=f"note {index}")
            )


async def one(path: Path, db: Path, shown: list[float]) -> tuple[float, float | None]:
    shown.clear()
    event = bench_reading.PROBE.arm(ArticleView)
    start = time.perf_counter()
    article = load_article(path)
    with AnnotationStore.open(db) as store:
        app = make_app(store, article=article, cursor_blink=False)
        async with app.run_test(size=(120, 40)) as pilot:
            painted = await bench_reading._await_paint(event, "reader")
            await app.workers.wait_for_complete()
            await pilot.pause()
    drawn = shown[0] - start if shown else None
    return painted - start, drawn


async def run(reps: int) -> dict[str, float]:
    shown: list[float] = []
    original = ReadingScreen._show_highlights

    def stamp(screen: ReadingScreen, highlights) -> None:
        original(screen, highlights)
        if len(highlights):
            shown.append(time.perf_counter())

    ReadingScreen._show_highlights = stamp  # type: ignore[method-assign]
    bench_reading.PROBE.install(ArticleView)
    with tempfile.TemporaryDirectory(prefix="reader-highlights-") as tmp:
        folder = Path(tmp)
        path = folder / "article.txt"
        path.write_text(corpus.make_text(50_000, seed=5), encoding="utf-8")
        with_db, without_db = folder / "with.json", folder / "without.json"
        annotate(with_db, path, HIGHLIGHTS)
        await one(path, with_db, shown)  # warm-up
        with_paint, without_paint, drawn = [], [], []
        for _ in range(reps):
            painted, seen = await one(path, with_db, shown)
            with_paint.append(painted)
            if seen is not None:
                drawn.append(seen)
            without_paint.append((await one(path, without_db, shown))[0])
    return {
        "with_ms": statistics.median(with_paint) * 1000,
        "without_ms": statistics.median(without_paint) * 1000,
        "drawn_ms": statistics.median(drawn) * 1000 if drawn else float("nan"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    result = asyncio.run(run(args.reps))
    ratio = result["with_ms"] / result["without_ms"]
    print(f"Article of 50 KB, headless 120x40, median of {args.reps} interleaved runs (ms)")
    print(f"  first paint without highlights   {result['without_ms']:7.1f}")
    print(f"  first paint with {HIGHLIGHTS} highlights  {result['with_ms']:7.1f}  ({ratio:.2f}x)")
    print(f"  the {HIGHLIGHTS} highlights drawn        {result['drawn_ms']:7.1f}")
    print(f"Goal: within 1.25x: {'met' if ratio <= 1.25 else 'NOT met'}")
    return 1 if args.check and ratio > 2.0 else 0


if __name__ == "__main__":
    sys.exit(main())
