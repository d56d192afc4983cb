"""Markdown to article text, read with markdown-it-py.

The reader shows prose, not markup: the first ``# Heading`` (or setext heading, or front-matter
``title:``) becomes the title, other headings become heading paragraphs, list items (nested ones
too), table rows and code blocks become paragraphs of their own, blockquotes are unwrapped, HTML is
reduced to its text (comments, scripts and styles dropped), and inline markup is reduced to its
text (links keep their text, images are dropped, entities are decoded).

markdown-it-py reads Markdown the CommonMark way (nested lists, reference links, HTML blocks and
fences as a real parser sees them), and it is already installed with Rich and Textual. It is
imported on first use only, so start-up and HTML articles (which share :class:`Extracted` and
:func:`parse_date` from here) never load it. The token stream is walked directly; nothing is
rendered to HTML. Front matter (``---`` … ``---``) is read here before markdown-it sees the rest.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Sequence

    from markdown_it import MarkdownIt
    from markdown_it.token import Token


class Extracted(NamedTuple):
    """Article text pulled out of markup: title, date, and paragraphs as ``(text, is_heading)``."""

    title: str | None
    date: _dt.date | None
    blocks: list[tuple[str, bool]]


_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

#: The name of an inline HTML tag, and whether it closes: ``</b>`` -> ("/", "b").
_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
#: Elements whose contents are never prose.
_HIDDEN_TAGS = frozenset({"script", "style"})
#: HTML elements that end a paragraph inside an HTML block.
_BLOCK_TAG_NAMES = (
    "p div section article main aside header footer nav li ul ol dl dt dd blockquote pre figure "
    "figcaption table tr td th thead tbody tfoot caption h1 h2 h3 h4 h5 h6 hr br address details "
    "summary center"
)
_HTML_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_HTML_HEADINGS = {f"h{n}": n for n in range(1, 7)}
#: A character some inline rule starts at (escape, code, strikethrough, emphasis, link, image,
#: autolink, HTML, entity); content without one is plain text. Line breaks become spaces either way.
_MARKUP = re.compile(r"[\\`~*_\[<&]")
#: Between the cells of a table row.
CELL_SEPARATOR = " · "
#: How deep lists and quotes may nest before markdown-it stops reading (commonmark's 20 loses the
#: text of a deeper item; 100 is markdown-it's own default and stays well inside Python's stack).
_MAX_NESTING = 100


def parse_date(value: str) -> _dt.date | None:
    m = _ISO_DATE.search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


@functools.cache
def _parser() -> MarkdownIt:
    """The block parser; inline content is parsed by :func:`_inline_of`, and only when needed."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])
    md.core.ruler.disable(["inline", "text_join"])
    # Link targets are dropped, so they are neither normalised nor vetted: a link to a scheme
    # markdown-it refuses (``javascript:``) still reads as its text, not as literal brackets.
    md.normalizeLink = md.normalizeLinkText = _same
    md.validateLink = _always
    return md


def _same(url: str) -> str:
    return url


def _always(url: str) -> bool:
    return True


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, text
    end = _FRONT_END.search(text, first_nl + 1)
    if end is None:
        return {}, text
    meta = {
        k.lower(): v.strip().strip("\"'")
        for k, v in _FRONT_KEY.findall(text[first_nl + 1 : end.start()])
    }
    return meta, text[end.end() :]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _inline_text(children: Sequence[Token]) -> str:
    """The text of one inline token's children: markup dropped, whitespace collapsed."""
    out: list[str] = []
    hidden: str | None = None  # inside an inline <script> or <style>
    for tok in children:
        kind = tok.type
        if hidden is not None:
            if kind == "html_inline":
                m = _TAG_NAME.match(tok.content)
                if m and m[1] and m[2].lower() == hidden:
                    hidden = None
            continue
        if kind in ("text", "code_inline", "text_special"):
            out.append(tok.content)
        elif kind in ("softbreak", "hardbreak"):
            out.append(" ")
        elif kind == "html_inline":
            m = _TAG_NAME.match(tok.content)
            if m is None:  # a comment, declaration or processing instruction
                continue
            name = m[2].lower()
            if name in _HIDDEN_TAGS and not m[1] and not tok.content.rstrip().endswith("/>"):
                hidden = name
            elif name == "br":
                out.append(" ")
        # image (alt text and all), link_open/close, em/strong/s open/close: dropped
    return _collapse("".join(out))


def _inline_of(content: str, env: dict[str, Any]) -> str:
    """The text of one block's inline content (``env`` holds the document's link references)."""
    if _MARKUP.search(content) is None:  # plain prose: no inline rule would fire
        return _collapse(content)
    md = _parser()
    children: list[Token] = []
    md.inline.parse(content, md, env, children)
    return _inline_text(children)


def inline(text: str) -> str:
    """Reduce one block's inline Markdown to plain text, whitespace collapsed."""
    return _inline_of(text, {})


class _HtmlText(HTMLParser):
    """The text of an HTML block as ``(text, heading level or 0)`` paragraphs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, int]] = []
        self._parts: list[str] = []
        self._hidden = 0
        self._level = 0

    def _flush(self) -> None:
        text = _collapse("".join(self._parts))
        self._parts.clear()
        if text:
            self.blocks.append((text, self._level))
        self._level = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag in _HTML_BLOCK_TAGS:
            self._flush()
            self._level = _HTML_HEADINGS.get(tag, 0)

    def handle_startendtag(self, tag: str, attrs: object) -> None:
        if tag in _HTML_BLOCK_TAGS:  # <br/>, <hr/>; a self-closed <script/> hides nothing
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _HTML_BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(html: str) -> list[tuple[str, int]]:
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def _code(text: str) -> str:
    """A code block kept as its lines, blank ones dropped (a block never holds a blank line)."""
    return "\n".join(line.rstrip() for line in text.split("\n") if line.strip()).strip()


def extract_markdown(text: str) -> Extracted:
    """Title, date and paragraphs of a Markdown document."""
    meta, body = _front_matter(text)
    title = inline(meta["title"]) if meta.get("title") else None
    from_front = title is not None
    date = parse_date(meta.get("date", ""))

    blocks: list[tuple[str, bool]] = []

    def heading(level: int, t: str) -> None:
        nonlocal title
        if not t:
            return
        if level == 1 and title is None:
            title = t
        elif level == 1 and from_front and t == title and not blocks:
            return
        else:
            blocks.append((t, True))

    def paragraph(t: str) -> None:
        if t:
            blocks.append((t, False))

    env: dict[str, Any] = {}
    tokens = _parser().parse(body, env)
    row: list[str] | None = None
    for i, tok in enumerate(tokens):
        kind = tok.type
        if kind == "inline":
            t = _inline_of(tok.content, env)
            opener = tokens[i - 1]
            if opener.type == "heading_open":
                heading(int(opener.tag[1:]), t)
            elif row is not None:  # a table cell
                if t:
                    row.append(t)
            else:
                paragraph(t)
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if row:
                paragraph(CELL_SEPARATOR.join(row))
            row = None
        elif kind in ("fence", "code_block"):
            paragraph(_code(tok.content))
        elif kind == "html_block":
            for t, level in _html_blocks(tok.content):
                if level:
                    heading(level, t)
                else:
                    paragraph(t)
    return Extracted(title, date, blocks)
