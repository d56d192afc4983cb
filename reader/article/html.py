"""HTML to article text with the stdlib ``html.parser``.

Web pages wrap an article in navigation, scripts, share buttons and ads; the reader wants only the
article. Text is taken from ``<article>``/``<main>`` when the page has one (else from the whole
body); junk elements (by tag, or by a class/id such as ``nav``, ``share``, ``ad-``) are dropped.
Every block-level tag ends a paragraph, so loose text in ``<div>``s is kept too. Entities are
decoded and whitespace collapsed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from reader.article.markdown import Extracted, parse_date


def _words(words: str) -> frozenset[str]:
    """A set from a space-separated list (easier to read and extend than a literal)."""
    return frozenset(words.split())


SKIP_TAGS = _words(
    "script style noscript nav header footer aside form iframe svg template button select "
    "textarea object embed canvas dialog menu"
)
#: Tags whose class/id is never used to drop them (a ``<body class="nav-open">`` is still the page).
NEVER_JUNK = _words("html body article main")
VOID_TAGS = _words("area base br col embed hr img input link meta param source track wbr keygen")
BLOCK_TAGS = _words(
    "p div section article main li ul ol dl dt dd blockquote pre figure figcaption table tr td th "
    "thead tbody tfoot caption h1 h2 h3 h4 h5 h6 hr address details summary center"
)
HEADING_TAGS = _words("h2 h3 h4 h5 h6")
PROSE_TAGS = _words("p li blockquote td th dd figcaption")
_JUNK = re.compile(
    r"nav|menu|footer|sidebar|share|sharing|social|comment|advert|sponsor|promo|related|"
    r"newsletter|subscribe|cookie|banner|breadcrumb|(?:^|[-_])ads?(?:$|[-_])|^ad\d",
    re.IGNORECASE,
)
#: What follows the headline in a page title that adds the site's name (`` | Courier``,
#: `` — Courier``, ``: Courier``); a dash or slash needs a space before it (``Mid-term``,
#: ``AC/DC`` are words).
_SITE_SUFFIX = re.compile(r"(?:\s+[|·•»/\-–—:]|\s*[|:·•»])\s*\S")


def _same_headline(heading: str, title: str, h1s: set[str]) -> bool:
    """True when ``heading`` is ``title``, or an ``<h1>`` that ``title`` adds a site name to."""
    if heading.casefold() == title.casefold():
        return True
    return (
        heading in h1s
        and title.startswith(heading)
        and _SITE_SUFFIX.match(title, len(heading)) is not None
    )


def _is_junk(attrs: dict[str, str]) -> bool:
    for key in ("class", "id"):
        for token in attrs.get(key, "").split():
            if _JUNK.search(token):
                return True
    return False


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.skip = 0
        self.main_depth = 0
        self.saw_main = False
        self.buf: list[str] = []
        self.buf_in_main = False
        self.blocks: list[tuple[str, bool, bool]] = []  # text, heading, in main
        self.h1: list[tuple[str, bool]] = []
        self.h1_buf: list[str] | None = None
        self.h1_in_main = False
        self.doc_title: list[str] | None = None
        self.doc_title_text = ""
        self.og_title: str | None = None
        self.meta_date: str | None = None
        self.time_date: str | None = None
        self.time_in_main = False

    # -- paragraphs ------------------------------------------------------------------------
    def _flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf.clear()
        if text:
            heading = any(t in HEADING_TAGS for t, _ in self.stack[-1:])
            self.blocks.append((text, heading, self.buf_in_main))

    def _flush_as(self, heading: bool) -> None:
        text = " ".join("".join(self.buf).split())
        self.buf.clear()
        if text:
            self.blocks.append((text, heading, self.buf_in_main))

    # -- parser callbacks ------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            if prop == "og:title" and self.og_title is None:
                self.og_title = " ".join(a.get("content", "").split()) or None
            elif prop in ("article:published_time", "date", "pubdate") and not self.meta_date:
                self.meta_date = a.get("content")
            return
        if (
            tag == "time"
            and a.get("datetime")
            and (self.time_date is None or (self.main_depth and not self.time_in_main))
        ):
            self.time_date = a["datetime"]
            self.time_in_main = bool(self.main_depth)
        if tag == "title" and self.doc_title is None:
            self.doc_title = []
        if tag in BLOCK_TAGS and not self.skip:
            self._flush_as(self._in_heading())
        if tag in VOID_TAGS:
            if tag == "br":
                self.buf.append(" ")
            return
        dropped = (
            tag in SKIP_TAGS
            or (tag not in NEVER_JUNK and _is_junk(a))
            # A stand-alone <time> is a date stamp (read above), not a sentence of the article.
            or (tag == "time" and not any(t in PROSE_TAGS for t, _ in self.stack))
        )
        self.stack.append((tag, dropped))
        if dropped:
            self.skip += 1
        if tag in ("article", "main"):
            self.main_depth += 1
            self.saw_main = True
        if tag == "h1":
            self.h1_buf = []
            self.h1_in_main = bool(self.main_depth)
        if tag in BLOCK_TAGS:
            self.buf_in_main = bool(self.main_depth)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID_TAGS or tag == "meta":
            self.handle_starttag(tag, attrs)
        elif tag in BLOCK_TAGS and not self.skip:
            self._flush_as(self._in_heading())

    def _in_heading(self) -> bool:
        for t, _ in reversed(self.stack):
            if t in BLOCK_TAGS:
                return t in HEADING_TAGS
        return False

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.doc_title is not None and not self.doc_title_text:
            self.doc_title_text = " ".join("".join(self.doc_title).split())
        if not any(t == tag for t, _ in self.stack):
            return
        while self.stack:
            t, dropped = self.stack[-1]
            if t in BLOCK_TAGS and not self.skip:
                if t == "h1":
                    self._end_h1()
                else:
                    self._flush_as(t in HEADING_TAGS)
            elif t == "h1":
                self._end_h1()
            self.stack.pop()
            if dropped:
                self.skip -= 1
            if t in ("article", "main"):
                self.main_depth -= 1
            if t == tag:
                break
        if not self.skip:
            self.buf_in_main = bool(self.main_depth)

    def _end_h1(self) -> None:
        if self.h1_buf is None:
            return
        text = " ".join("".join(self.h1_buf).split())
        self.h1_buf = None
        if text:
            self.h1.append((text, self.h1_in_main))
            self.buf.clear()
            if not self.skip:
                # Kept as a heading paragraph; the first one may become the title instead.
                self.blocks.append((text, True, self.buf_in_main))

    def handle_data(self, data: str) -> None:
        if self.doc_title is not None and not self.doc_title_text:
            self.doc_title.append(data)
        if self.h1_buf is not None:
            self.h1_buf.append(data)
        if self.skip or any(t in ("title", "head") for t, _ in self.stack[-2:]):
            return
        self.buf.append(data)


def extract_html(text: str) -> Extracted:
    """Title, date and paragraphs of an HTML page's article."""
    p = _ArticleParser()
    p.feed(text)
    p.close()
    while p.stack:
        p.handle_endtag(p.stack[-1][0])
    p._flush()

    blocks = [(t, h) for t, h, in_main in p.blocks if in_main or not p.saw_main]
    title = None
    main_h1 = [t for t, in_main in p.h1 if in_main]
    if main_h1:
        title = main_h1[0]
    elif p.og_title:
        title = p.og_title
    elif p.doc_title_text:
        title = p.doc_title_text
    elif p.h1:
        title = p.h1[0][0]
    if title is not None:
        h1s = {t for t, _ in p.h1}
        for i, (t, h) in enumerate(blocks):
            if h and _same_headline(t, title, h1s):
                title = t  # the headline as the page shows it, without a site name
                del blocks[i]
                break
    date = None
    for raw in (p.time_date, p.meta_date):
        if raw and (date := parse_date(raw)):
            break
    return Extracted(title, date, blocks)
