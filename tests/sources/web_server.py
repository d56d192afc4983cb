"""A local web server for the tests: pages, redirects, slow and broken answers, on 127.0.0.1.

Every page here is written for the tests (no copied articles); nothing reaches the internet.
A test sets what a path answers with :meth:`LocalWeb.page` (or a handler of its own), then
fetches ``web.url(path)``; ``web.hits`` counts the requests each path got.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Seconds to wait before answering (for timeouts; the client gives up long before).
    delay: float = 0.0
    #: Send a Content-Length (else the body ends when the connection closes).
    length: bool = True


class LocalWeb:
    """The server and what each path answers."""

    def __init__(self) -> None:
        self.answers: dict[str, Answer | Callable[[], Answer]] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[dict[str, str]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                web.hits[self.path] += 1
                web.requests.append(dict(self.headers))
                found = web.answers.get(self.path)
                answer = found() if callable(found) else found
                if answer is None:
                    answer = Answer(404, b"<html><body><p>Not here.</p></body></html>")
                if answer.delay:
                    time.sleep(answer.delay)
                try:
                    self.send_response(answer.status)
                    headers = {"Content-Type": "text/html; charset=utf-8", **answer.headers}
                    for key, value in headers.items():
                        self.send_header(key, value)
                    if answer.length and "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout, a size limit): as it should

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> LocalWeb:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def page(self, path: str, html: str, **headers: str) -> str:
        """Serve ``html`` at ``path``; returns its address."""
        self.answers[path] = Answer(body=html.encode("utf-8"), headers=dict(headers))
        return self.url(path)

    def answer(self, path: str, answer: Answer | Callable[[], Answer]) -> str:
        self.answers[path] = answer
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.answers[path] = Answer(status, b"", {"Location": to})
        return self.url(path)

    def gzipped(self, path: str, html: str) -> str:
        body = gzip.compress(html.encode("utf-8"))
        self.answers[path] = Answer(body=body, headers={"Content-Encoding": "gzip"})
        return self.url(path)


def article_page(
    title: str = "Ferry crews return to the island route",
    site: str = "The Harwick Courier",
    author: str = "Lena Brandt",
    canonical: str | None = None,
    paragraphs: tuple[str, ...] | None = None,
    extra_head: str = "",
) -> str:
    """A news page written for the tests: menus, a byline, an article, related links, a footer."""
    paragraphs = paragraphs or (
        "HARWICK, England (AP) — Ferry crews returned to the island route on Tuesday after a "
        "two-week strike over rosters ended with an agreement late on Monday night.",
        "“The boats are full again, and that is what we wanted,” said Owen Marsh, who speaks "
        "for the crews’ union. He said the new rosters give every crew two weekends a month.",
        "The operator, Harwick Sea Lines, said the first sailing left on time at 6:40 a.m. "
        "and that tickets bought for cancelled crossings would be honoured until June.",
        "Council leader Priya Nair welcomed the agreement. She said the island’s shops had "
        "lost a fortnight of visitors and asked the operator to add sailings in the spring.",
    )
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {site}</title>"
        f"<meta property='og:title' content='{title}'>"
        f"<meta property='og:site_name' content='{site}'>"
        f"<meta name='author' content='{author}'>"
        "<meta property='article:published_time' content='2025-03-04T08:00:00Z'>"
        f"{link}{extra_head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
        "<li><a href='/sport'>Sport</a></li></ul></nav>"
        f"<header><h1>{title}</h1><p class='byline'>By {author}</p></header>"
        f"<article>{body}</article>"
        "<aside class='related'><h3>Related</h3><ul><li><a href='/a'>Harbour dues rise</a></li>"
        "<li><a href='/b'>Lifeboat open day</a></li></ul></aside>"
        f"<footer><p>© {site} · Contact us · Privacy</p></footer>"
        "</body></html>"
    )
