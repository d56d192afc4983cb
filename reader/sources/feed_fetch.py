"""Fetching a feed: a conditional GET (nothing is sent twice that the server says is unchanged),
and, for an address being subscribed, the feed a web page links to.

The network part is :func:`reader.sources.web.get`, shared with web articles: the same timeout,
redirect and size limits and the same ``User-Agent``.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.article.errors import ArticleError
from reader.sources.feed_parse import NotAFeed, ParsedFeed, feed_links, looks_like_html, parse_feed
from reader.sources.feed_records import FeedError
from reader.sources.web import TIMEOUT, Response, decode_page, get

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.3"
)


@dataclass(frozen=True, slots=True)
class FeedAnswer:
    """What fetching a feed gave: its address (the linked feed's, when a page was given), its
    content (None: unchanged since ``etag``/``modified``, a 304) and the validators to send next."""

    url: str
    feed: ParsedFeed | None
    etag: str | None
    modified: str | None


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = TIMEOUT,
    discover: bool = False,
) -> FeedAnswer:
    """GET the feed at ``url``, conditionally when ``etag`` or ``modified`` is known. With
    ``discover``, a web page that links a feed gives that feed. Every failure is a
    :class:`FeedError` (an ArticleError) naming ``url``."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        answer = get(url, headers=headers, timeout=timeout, accept=FEED_ACCEPT, what="feed")
    except ArticleError as error:
        raise FeedError(url, error.problem) from error
    new_etag = answer.headers.get("etag") or etag
    new_modified = answer.headers.get("last-modified") or modified
    if answer.status == 304:
        return FeedAnswer(url, None, new_etag, new_modified)
    try:
        feed = parse_feed(answer.body, url=answer.final_url, content_type=answer.content_type)
    except NotAFeed as not_feed:
        if not looks_like_html(answer.body, answer.content_type):
            raise FeedError(url, f"not a feed ({not_feed})") from None
        if not discover:
            raise FeedError(url, "not a feed (a web page)") from None
        return _linked_feed(url, answer, timeout)
    return FeedAnswer(url, feed, new_etag, new_modified)


def _linked_feed(url: str, page: Response, timeout: float) -> FeedAnswer:
    """The first feed among those the page links that can be read."""
    html = decode_page(page.body, page.charset, url)
    links = [link for link in feed_links(html, page.final_url) if link != url]
    if not links:
        raise FeedError(url, "no feed found on the page")
    first: FeedError | None = None
    for link in links:
        try:
            return fetch_feed(link, timeout=timeout)
        except FeedError as error:
            first = first or error
    assert first is not None
    raise FeedError(url, f"the page links {first.path}, which failed: {first.problem}")
