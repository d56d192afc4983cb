"""Fetching a page: what comes back, and one line naming the address for whatever goes wrong."""

from __future__ import annotations

import socket

import pytest

from reader.article import ArticleError
from reader.article.decode import MAX_ARTICLE_BYTES
from reader.sources.web import MAX_REDIRECTS, USER_AGENT, fetch, is_url
from tests.sources.web_server import Answer, LocalWeb, article_page


def problem(url: str, **kwargs: float) -> str:
    with pytest.raises(ArticleError) as caught:
        fetch(url, **kwargs)
    assert caught.value.path == url
    assert "\n" not in str(caught.value)
    return caught.value.problem


def test_a_page_is_fetched_with_the_readers_name(web: LocalWeb) -> None:
    url = web.page("/story", article_page())
    page = fetch(url)
    assert page.url == page.final_url == url
    assert "Ferry crews returned to the island route" in page.text
    assert page.content_type == "text/html"
    assert web.requests[-1]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("reader/")


def test_redirects_are_followed_to_the_page(web: LocalWeb) -> None:
    target = web.page("/story", article_page())
    start = web.redirect("/short", "/moved")
    web.redirect("/moved", target, status=301)
    page = fetch(start)
    assert page.url == start and page.final_url == target


def test_a_redirect_loop_is_named(web: LocalWeb) -> None:
    web.redirect("/a", "/b")
    url = web.redirect("/b", "/a")
    assert problem(url) == f"more than {MAX_REDIRECTS} redirects"


@pytest.mark.parametrize(("status", "said"), [(404, "404 Not Found"), (503, "503")])
def test_an_error_status_is_named(web: LocalWeb, status: int, said: str) -> None:
    url = web.answer("/x", Answer(status, b"<p>no</p>"))
    assert problem(url).startswith(f"the server answered {said}")


@pytest.mark.parametrize("kind", ["application/pdf", "image/png"])
def test_what_is_not_a_page_is_refused(web: LocalWeb, kind: str) -> None:
    url = web.answer("/file", Answer(body=b"%PDF-1.7 ...", headers={"Content-Type": kind}))
    assert problem(url) == f"not a web page ({kind})"


def test_a_body_over_the_limit_is_refused_by_its_length(web: LocalWeb) -> None:
    big = str(MAX_ARTICLE_BYTES + 1)
    url = web.answer("/big", Answer(body=b"<p>x</p>", headers={"Content-Length": big}))
    assert "too large" in problem(url)


def test_a_body_over_the_limit_is_refused_as_it_arrives(web: LocalWeb) -> None:
    body = b"<p>" + b"word " * (MAX_ARTICLE_BYTES // 5 + 10) + b"</p>"
    # Without a length to go by, the limit holds on what was read.
    url = web.answer("/big", Answer(body=body, length=False))
    assert "too large" in problem(url)


def test_a_server_that_does_not_answer_in_time(web: LocalWeb) -> None:
    url = web.answer("/slow", Answer(body=b"<p>late</p>", delay=3.0))
    assert problem(url, timeout=0.2) == "no answer within 0.2 s"


def test_nothing_listening_is_named() -> None:
    with socket.socket() as s:  # a port that was free a moment ago, and nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert problem(f"http://127.0.0.1:{port}/x").startswith("cannot connect (")


def test_an_address_without_a_host_is_named() -> None:
    assert problem("http:///story") == "not a web address (no host)"


def test_gzip_is_read(web: LocalWeb) -> None:
    url = web.gzipped("/z", article_page())
    assert "Owen Marsh" in fetch(url).text


def test_the_charset_comes_from_the_headers_then_the_page(web: LocalWeb) -> None:
    latin = "<html><body><p>Café in Tromsø.</p></body></html>".encode("latin-1")
    url = web.answer(
        "/h", Answer(body=latin, headers={"Content-Type": "text/html; charset=latin-1"})
    )
    assert "Café in Tromsø." in fetch(url).text
    meta = b"<html><head><meta charset='windows-1252'></head><body><p>\x93Yes,\x94 she said.</p>"
    url = web.answer("/m", Answer(body=meta, headers={"Content-Type": "text/html"}))
    assert "“Yes,” she said." in fetch(url).text


def test_urls_are_told_from_paths() -> None:
    assert is_url("https://news.example/a") and is_url("HTTP://news.example")
    assert not is_url("news/a.txt") and not is_url("ftp://x") and not is_url("-")
