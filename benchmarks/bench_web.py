"""A web article from fetch to screen-ready: fetch, extract, save, open, over loopback.

Run from the repository root::

    python benchmarks/bench_web.py            # 15 runs of each step
    python benchmarks/bench_web.py --quick    # 5 runs
    python benchmarks/bench_web.py --check    # exit 1 past the generous bound below

A page of about 100 KB (a news article of some 2,000 words among menus, a byline, related links
and a footer, written here) is served from ``http.server`` on 127.0.0.1 in this process. Each
run times, in one process after a warm-up (imports done, as in a reader that has fetched one
page already):

* *fetch*: ``reader.sources.web.fetch`` (httpx: the GET, the body read and decoded);
* *extract*: the article of the page (trafilatura, then the reader's paragraphs);
* *save*: writing the saved copy (front matter and text, atomically);
* *open*: ``load_article`` on the saved copy (what opening it again costs);
* *all*: ``SavedArticles.open(url)`` into an empty folder: fetch, extract and save together;
* *cold command*: ``python -m reader fetch URL`` as a fresh process (imports included).

``--check`` fails when *all* is over 2 s (a generous bound: it is a few tens of milliseconds
on a laptop; the bound catches a hang or a timeout, not noise).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from reader.article import load_article  # noqa: E402
from reader.sources.saved import (  # noqa: E402
    SavedArticles,
    _write_atomic,
    page_article,
    saved_text,
)
from reader.sources.web import fetch  # noqa: E402

CHECK_BOUND = 2.0
TOWNS = ["Harwick", "Dunmore", "Brackwell", "Ostby", "Kellan", "Maravel"]


def page(target_bytes: int = 100_000) -> bytes:
    """An invented news page of about ``target_bytes``."""
    paragraphs = []
    n = 0
    while sum(len(p) for p in paragraphs) < target_bytes * 0.6:
        town = TOWNS[n % len(TOWNS)]
        paragraphs.append(
            f"<p>Council officers in {town} said on Tuesday that the harbour works would "
            f"resume in week {n + 1}, after crews finished the survey of the old quay. "
            f"“We expect the first boats back by spring,” said Mara Olsen, who chairs the "
            f"{town} harbour board, adding that the cost had risen by {n % 9 + 2} percent.</p>"
        )
        n += 1
    related = "".join(f"<li><a href='/r{i}'>Related story number {i}</a></li>" for i in range(60))
    menu = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(40))
    html = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        "<title>Harbour works to resume | The Coast Ledger</title>"
        "<meta property='og:title' content='Harbour works to resume'>"
        "<meta property='og:site_name' content='The Coast Ledger'>"
        "<meta name='author' content='Ana Ruiz'>"
        "<meta property='article:published_time' content='2025-04-01T09:00:00Z'>"
        f"</head><body><nav><ul>{menu}</ul></nav><header><h1>Harbour works to resume</h1>"
        f"<p class='byline'>By Ana Ruiz</p></header><article>{''.join(paragraphs)}</article>"
        f"<aside class='related'><ul>{related}</ul></aside>"
        "<footer><p>© The Coast Ledger · Contact · Privacy</p></footer></body></html>"
    )
    body = html.encode("utf-8")
    return body + b" " * max(0, target_bytes - len(body))


def serve(body: bytes) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}/harbour"


def timed(step, reps: int) -> list[float]:
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5 runs of each step, not 15")
    parser.add_argument("--check", action="store_true", help="exit 1 past the bound")
    args = parser.parse_args()
    reps = 5 if args.quick else 15
    os.environ["NO_PROXY"] = "127.0.0.1,localhost"
    body = page()
    server, url = serve(body)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        saved = SavedArticles(folder)
        warm = saved.open(url)  # imports and first-use work, untimed
        fetched = fetch(url)
        article = page_article(fetched)
        rows = {
            "fetch": timed(lambda: fetch(url), reps),
            "extract": timed(lambda: page_article(fetched), reps),
            "save": timed(lambda: _write_atomic(warm, saved_text(article, fetched)), reps),
            "open": timed(lambda: load_article(warm), reps),
        }
        counter = iter(range(10**6))

        def save_fresh() -> None:
            SavedArticles(Path(tmp) / f"fresh-{next(counter)}").open(url)

        rows["all"] = timed(save_fresh, reps)
        env = {**os.environ, "READER_DB": str(Path(tmp) / "cold" / "reader.json")}

        def cold() -> None:
            done = subprocess.run(
                [sys.executable, "-m", "reader", "fetch", "--refresh", url],
                cwd=REPO,
                env=env,
                capture_output=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr

        rows["cold command"] = timed(cold, max(3, reps // 3))
    server.shutdown()
    text = len(saved_text(article, fetched).encode("utf-8"))
    print(f"page {len(body) / 1000:.0f} KB, article {text / 1000:.0f} KB, {reps} runs, medians")
    print(f"{'step':14s} {'median ms':>10s} {'min ms':>8s}")
    for name, times in rows.items():
        print(f"{name:14s} {statistics.median(times) * 1000:10.1f} {min(times) * 1000:8.1f}")
    worst = statistics.median(rows["all"])
    if args.check:
        ok = worst <= CHECK_BOUND
        print(f"Check: {'PASS' if ok else 'FAIL'} (all {worst:.3f} s, bound {CHECK_BOUND} s)")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
