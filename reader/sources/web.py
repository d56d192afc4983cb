"""Fetching a web page: one GET with a timeout, a bound on redirects and on size, and a line
naming the address and the problem for everything that can go wrong on the way.

httpx (maintained, with timeouts and redirect limits of its own, gzip and brotli) loads here,
when a page is first fetched, so that opening a file never pays for it.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader import __version__
from reader.article.decode import MAX_ARTICLE_BYTES, decode_bytes, format_size
from reader.article.errors import ArticleError

if TYPE_CHECKING:
    import ssl

#: Seconds to wait for the server, for each step (connecting, each read).
TIMEOUT = 10.0
MAX_REDIRECTS = 10
USER_AGENT = f"reader/{__version__} (terminal news reader)"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
#: What a page that is an article can be served as.
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain", ""})
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it: the address asked for, the one it ended at, its text."""

    url: str
    final_url: str
    text: str
    content_type: str


def is_url(value: str) -> bool:
    """Whether a command-line argument is a web address (http or https) rather than a path."""
    head = value[:8].lower()
    return head.startswith("http://") or head.startswith("https://")


@dataclass(frozen=True, slots=True)
class Response:
    """What a server answered to one GET, read in full: for callers that look at the status and
    the headers themselves (feeds ask conditionally and take a 304 for "nothing new")."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    content_type: str
    charset: str | None


def fetch(url: str, *, timeout: float = TIMEOUT) -> Fetched:
    """GET ``url``; every failure is an :class:`ArticleError` naming it."""
    answer = get(url, timeout=timeout, kinds=PAGE_TYPES)
    text = decode_page(answer.body, answer.charset, url)
    return Fetched(url, answer.final_url, text, answer.content_type)


def get(
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    timeout: float = TIMEOUT,
    accept: str = ACCEPT,
    kinds: frozenset[str] | None = None,
    what: str = "page",
) -> Response:
    """GET ``url`` with the reader's name, a timeout, at most MAX_REDIRECTS redirects and the
    8 MB limit on the body. A status of 400 or more, a content type not in ``kinds`` (when given)
    and every network failure are an :class:`ArticleError` naming ``url``; a 304 is returned."""
    import httpx

    if not urlsplit(url).hostname:
        raise ArticleError(url, "not a web address (no host)")
    sent = {"User-Agent": USER_AGENT, "Accept": accept, **(headers or {})}
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers=sent,
                verify=_tls(),
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise ArticleError(url, f"the server answered {response.status_code} {reason}")
            kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if kinds is not None and kind not in kinds:
                raise ArticleError(url, f"not a web page ({kind})")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > MAX_ARTICLE_BYTES:
                raise ArticleError(url, _too_large(int(length), what))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_ARTICLE_BYTES:
                    raise ArticleError(url, _too_large(None, what))
            return Response(
                url=url,
                final_url=str(response.url),
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                body=bytes(body),
                content_type=kind,
                charset=response.charset_encoding,
            )
    except httpx.TooManyRedirects as error:
        raise ArticleError(url, f"more than {MAX_REDIRECTS} redirects") from error
    except httpx.TimeoutException as error:
        raise ArticleError(url, f"no answer within {timeout:g} s") from error
    except httpx.ConnectError as error:
        raise ArticleError(url, f"cannot connect ({_reason(error)})") from error
    except httpx.UnsupportedProtocol as error:
        raise ArticleError(url, "not an http or https address") from error
    except httpx.DecodingError as error:
        raise ArticleError(url, f"the {what}'s compressed body is damaged") from error
    except httpx.HTTPError as error:
        raise ArticleError(url, f"the fetch failed ({_reason(error)})") from error


@functools.cache
def _tls() -> ssl.SSLContext:
    """The certificate check every GET shares: building it (loading the CA bundle) is most of
    what a new client costs, about 40 ms, so a refresh of many feeds builds it once. An
    SSLContext may be shared between threads."""
    import httpx

    return httpx.create_ssl_context()


def _too_large(size: int | None, what: str = "page") -> str:
    limit = MAX_ARTICLE_BYTES // (1024 * 1024)
    said = f"the {what} is {format_size(size)}" if size else f"the {what} is over {limit} MB"
    for_what = "an article" if what == "page" else f"a {what}"
    return f"{said}, too large: the limit for {for_what} is {limit} MB"


def decode_page(body: bytes, charset: str | None, url: str) -> str:
    """A page's text: in the charset its headers name, else the one its ``<meta>`` names, else
    as a file is read (UTF-8, or a legacy code page when that fails)."""
    for name in (charset, _meta_charset(body)):
        if name and _known(name):
            return body.decode(name, errors="replace")
    return decode_bytes(body, url)


def _meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body, 0, 4096)
    return m[1].decode("ascii", "replace") if m else None


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _reason(error: Exception) -> str:
    """The last line of what the network library said, lower case, without a trailing stop."""
    text = str(error).strip().splitlines()[-1:] or [type(error).__name__]
    reason = text[0].strip().rstrip(".")
    return reason[:1].lower() + reason[1:] if reason else type(error).__name__
