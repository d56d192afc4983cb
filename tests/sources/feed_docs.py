"""Feeds written for the tests, in each format a reader meets: RSS 2.0 and 0.91, Atom, JSON Feed.

Every title and story here is invented. ``items`` are ``(guid, title, link)`` triples; a link of
None leaves the element out.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

Items = Sequence[tuple[str, str, str | None]]

RSS_TYPE = {"Content-Type": "application/rss+xml; charset=utf-8"}
ATOM_TYPE = {"Content-Type": "application/atom+xml; charset=utf-8"}
JSON_TYPE = {"Content-Type": "application/feed+json"}


def rss(title: str = "The Harwick Courier", items: Items = (), *, site: str = "") -> str:
    site = site or "https://courier.example/"
    entries = "".join(
        "<item>"
        f"<title>{escape(t)}</title>"
        + (f"<link>{escape(link)}</link>" if link else "")
        + f'<guid isPermaLink="false">{escape(g)}</guid>'
        f"<description>{escape('<p>About ' + t + ' &amp; more.</p>')}</description>"
        f"<pubDate>Tue, 0{n % 9 + 1} Apr 2025 08:00:00 GMT</pubDate>"
        "</item>"
        for n, (g, t, link) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{site}</link><description>News</description>"
        f"{entries}</channel></rss>"
    )


def rss091(title: str = "Dunmore Weekly", items: Items = ()) -> str:
    entries = "".join(
        f"<item><title>{escape(t)}</title>"
        + (f"<link>{escape(link)}</link>" if link else "")
        + f"<description>{escape(g)}</description></item>"
        for g, t, link in items
    )
    return (
        '<?xml version="1.0"?><rss version="0.91"><channel>'
        f"<title>{escape(title)}</title><link>https://dunmore.example/</link>"
        f"<description>Weekly</description><language>en</language>{entries}</channel></rss>"
    )


def atom(title: str = "Brackwell Ledger", items: Items = ()) -> str:
    entries = "".join(
        f"<entry><id>{escape(g)}</id><title>{escape(t)}</title>"
        + (f'<link rel="alternate" href="{escape(link)}"/>' if link else "")
        + f"<updated>2025-05-0{n % 9 + 1}T10:00:00Z</updated>"
        f"<author><name>Ana Ruiz</name></author>"
        f'<summary type="html">{escape("<b>" + t + "</b> in brief")}</summary></entry>'
        for n, (g, t, link) in enumerate(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:ledger</id>"
        '<link rel="alternate" href="https://ledger.example/"/>'
        f"<updated>2025-05-09T10:00:00Z</updated>{entries}</feed>"
    )


def json_feed(title: str = "Ostby Notes", items: Items = ()) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": "https://ostby.example/",
            "items": [
                {
                    "id": g,
                    "title": t,
                    **({"url": link} if link else {}),
                    "content_html": f"<p>{t} &amp; notes</p>",
                    "date_published": f"2025-06-0{n % 9 + 1}T12:00:00Z",
                    "authors": [{"name": "Mara Olsen"}],
                }
                for n, (g, t, link) in enumerate(items)
            ],
        }
    )


def stories(n: int, prefix: str = "s") -> list[tuple[str, str, str | None]]:
    """``n`` invented items with links."""
    return [
        (f"{prefix}-{i}", f"Harbour story {prefix}{i}", f"https://courier.example/{prefix}/{i}")
        for i in range(n)
    ]
