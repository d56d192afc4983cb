"""Entity-extraction throughput.

Run: ``python benchmarks/bench_extract.py`` — times ``extract_entities`` on about 1 MB of
synthetic news-wire text (``corpus.make_text(1_000_000)``), on the dev-set articles
concatenated to about 1 MB (each also with ``extract_quotes`` added: entities and quotes
together), and on the seed article (mean of 200 runs). Targets: at least
1 MB/s on one core, and the seed article in under 5 ms. Exit status 1 when a target is missed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from reader.extract import extract_entities, extract_quotes  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_384cad6f7657633b.txt"
DEVSET = ROOT / "tests" / "extract" / "devset"


def devset_text(n_chars: int) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    text = "\n\n".join(parts)
    while len(text) < n_chars:
        text += "\n\n" + text
    return text[:n_chars]


def best_of(text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        extract_entities(text)
        best = min(best, time.perf_counter() - t0)
    return best


def both_best_of(text: str, runs: int = 3) -> float:
    """Entities and quotes together, as the reader runs them."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        extract_quotes(text, extract_entities(text))
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    extract_entities("Warm Up the gazetteers.")
    ok = True
    texts = []
    try:
        import corpus

        texts.append(("corpus.make_text(1_000_000)", corpus.make_text(1_000_000)))
    except ImportError:
        pass
    texts.append(("dev set x N, 1 MB", devset_text(1_000_000)))
    for label, text in texts:
        dt = best_of(text)
        rate = len(text) / 1e6 / dt
        ok &= rate >= 1.0
        print(f"{label:32} {len(text):>9} chars  {dt * 1000:7.1f} ms  {rate:5.2f} MB/s")
        dt = both_best_of(text)
        rate = len(text) / 1e6 / dt
        ok &= rate >= 1.0
        print(f"{'  + quotes':32} {len(text):>9} chars  {dt * 1000:7.1f} ms  {rate:5.2f} MB/s")
    try:
        import random

        import corpus

        rng = random.Random(7)
        articles = [corpus.make_article(rng) for _ in range(1000)]
        chars = sum(len(a) for a in articles)
        t0 = time.perf_counter()
        for article in articles:
            extract_quotes(article, extract_entities(article))
        dt = time.perf_counter() - t0
        rate = chars / 1e6 / dt
        ok &= rate >= 1.0
        label = "1,000 generated articles, both"
        print(f"{label:32} {chars:>9} chars  {dt * 1000:7.1f} ms  {rate:5.2f} MB/s")
    except ImportError:
        pass
    if SEED.exists():
        seed = SEED.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        for _ in range(200):
            extract_entities(seed)
        ms = (time.perf_counter() - t0) / 200 * 1000
        ok &= ms < 5
        print(f"{'seed article':32} {len(seed):>9} chars  {ms:7.2f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
