"""A web page's article, read with trafilatura: its paragraphs and what the page says of itself.

Pages wrap an article in menus, captions, share buttons and related links; finding the article
among them is a job of its own, and trafilatura (maintained, made for exactly this, and among
the best on public benchmarks of real news pages) does it well. It also reads the page's
metadata: title, author, date, site name and canonical address. This module turns its result
into the reader's paragraphs: each paragraph, heading, list item, quotation and table row of the
article becomes one block, its whitespace collapsed. trafilatura and lxml load with the first
page (this module is imported only then), so opening a text file never pays for them.
"""

from __future__ import annotations

import logging
from typing import NamedTuple

import trafilatura

from reader.article.markdown import Extracted, parse_date

# The extractors log what they could not read; the reader reports a page without an article
# itself, and a log line written to the terminal would land in the middle of the screen.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    _logger = logging.getLogger(_name)
    _logger.addHandler(logging.NullHandler())
    _logger.propagate = False

#: Elements of trafilatura's article tree that hold other blocks rather than text of their own.
_CONTAINERS = frozenset({"body", "div", "main", "list", "quote", "table", "row", "cell", "item"})
#: Elements that are blocks of text (as opposed to inline markup inside a block).
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "item", "code", "row", "div"})
#: What trafilatura may fall back on for a page with no article: never the article.
_NOT_ARTICLE = frozenset({"nav", "header", "footer", "aside", "menu"})
#: Separates a table row's cells in its block.
CELL_SEPARATOR = " · "


class Page(NamedTuple):
    """A page's article (:class:`Extracted`) and what else the page says about itself."""

    extracted: Extracted
    url: str | None = None
    site: str | None = None
    author: str | None = None


def extract_page(html: str, url: str | None = None) -> Page:
    """The article of the page ``html`` (fetched from ``url``, when known) and its metadata."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
    )
    if doc is None:  # no article found: what the page says of itself may still be read
        doc = trafilatura.extract_metadata(html, default_url=url)
        if doc is None:
            blocks = _every_block(html)
            return Page(Extracted(_headline(blocks), None, blocks))
    blocks: list[tuple[str, bool]] = []
    root = getattr(doc, "body", None)
    if root is not None and root.tag not in _NOT_ARTICLE and not _all_in_one(root):
        # The article's tree, or for a page too small to have one a single block of it.
        _collect(root if root.tag in _CONTAINERS else [root], blocks)
    if not blocks:
        blocks = _every_block(html)
    title = _clean(doc.title) or _headline(blocks)
    if title is not None:  # the headline is the title: not a paragraph as well
        for i, (text, heading) in enumerate(blocks):
            if heading and text.casefold() == title.casefold():
                del blocks[i]
                break
    date = parse_date(doc.date) if doc.date else None
    return Page(
        Extracted(title, date, blocks),
        url=_clean(doc.url) or url,
        site=_clean(doc.sitename) or _clean(doc.hostname) or None,
        author=_clean(doc.author) or None,
    )


def extract_html(html: str) -> Extracted:
    """Title, date and paragraphs of a page's article (no metadata beyond those)."""
    return extract_page(html).extracted


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _collect(element, out: list[tuple[str, bool]]) -> None:
    """The blocks under ``element``, in document order."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "graphic" or not tag:
            continue
        if tag == "table":
            for row in child.iter("row"):
                cells = [text for cell in row if (text := _text(cell))]
                if cells:
                    out.append((CELL_SEPARATOR.join(cells), False))
            continue
        nested = any(isinstance(sub.tag, str) and sub.tag in _BLOCKS for sub in child)
        if tag in _CONTAINERS and nested:
            own = _own_text(child)
            if own:
                out.append((own, False))
            _collect(child, out)
            continue
        text = _text(child)
        if text:
            out.append((text, tag == "head"))


def _text(element) -> str:
    return " ".join("".join(_pieces(element, skip=frozenset())).split())


def _own_text(element) -> str:
    """The text of ``element`` outside its block children (a list item's words before the list
    nested in it)."""
    return " ".join("".join(_pieces(element, skip=_BLOCKS)).split())


def _pieces(element, skip: frozenset[str]):
    """The text under ``element`` in order, a line break (``lb``) as a space, the children
    tagged in ``skip`` left out (their tails kept)."""
    yield element.text or ""
    for sub in element:
        tag = sub.tag if isinstance(sub.tag, str) else ""
        if tag == "lb":
            yield " "
        elif tag and tag not in skip:
            yield from _pieces(sub, frozenset())
        yield sub.tail or ""


#: Below this many characters a result of one paragraph is trafilatura's last resort (its own
#: threshold for an extraction to count), not an article it found.
_TOO_SHORT = 250


def _all_in_one(root) -> bool:
    """trafilatura's last resort for a small page with no article it can tell: all its text in
    one short paragraph (a line for each element of the page, menus too). The page's own
    structure says more then: its paragraphs, and none from its menus."""
    return len(root) == 1 and root[0].tag == "p" and len(_text(root[0])) < _TOO_SHORT


#: Never part of an article, on a page too small for trafilatura to find one in.
_NEVER = "script style noscript template nav header footer aside form button select svg iframe"
_TEXT_BLOCKS = ("p", "li", "blockquote", "pre", "dd", "dt", "td", "th", "figcaption", "div")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _every_block(html: str) -> list[tuple[str, bool]]:
    """The blocks of a page too small for trafilatura to find an article in (it declines
    pages of a few sentences): the text of its ``<article>``, ``<main>`` or body, a block for
    each paragraph, heading or item that holds no other, without menus, scripts or forms."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    for element in tree.xpath(" | ".join(f"//{tag}" for tag in _NEVER.split())):
        element.drop_tree()
    scope = next(iter(tree.xpath("//article | //main")), None)
    if scope is None:
        scope = tree.body if tree.find("body") is not None else tree
    wanted = frozenset(_TEXT_BLOCKS + _HEADINGS)
    blocks: list[tuple[str, bool]] = []
    for element in scope.iter(*wanted):
        if any(isinstance(sub.tag, str) and sub.tag in wanted for sub in element.iterdescendants()):
            text = " ".join((element.text or "").split())  # its own words before its blocks
        else:
            text = " ".join(element.text_content().split())
        if text:
            blocks.append((text, element.tag in _HEADINGS))
    return blocks


def _headline(blocks: list[tuple[str, bool]]) -> str | None:
    """The first heading of a small page without a title of its own, as its title."""
    return next((text for text, heading in blocks if heading), None)
