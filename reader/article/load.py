"""Load an article from a file, standard input or a string, in any of the supported forms.

One entry point per need: :func:`load_article` for a path (or ``-``), :func:`parse_article` for
text already in memory. Every failure is an :class:`ArticleError` naming the file and the problem,
so callers (the app, ``reader extract``) can print one line and carry on.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass, fields, replace
from itertools import filterfalse
from pathlib import Path
from typing import TYPE_CHECKING

from reader.article.decode import MAX_ARTICLE_BYTES, decode_bytes, too_large_problem
from reader.article.errors import ArticleError
from reader.article.front_matter import FrontMatter, read_front_matter
from reader.article.model import Article, ArticleFacts, Paragraph
from reader.article.newswire import Header, match_dateline, parse_header
from reader.article.sentences import CLOSERS, FINAL_MARKS, split_sentences

# The Markdown and HTML readers (their patterns, an HTML parser) load with the first such file.
if TYPE_CHECKING:
    from reader.article.html import Page
    from reader.article.markdown import Extracted

FORMATS = ("newswire", "text", "markdown", "html")
#: Extensions that fix the format; any other file is sniffed.
FORMAT_BY_EXTENSION = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
#: Files a folder walk picks up as articles.
ARTICLE_EXTENSIONS = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
#: Longest derived title before it is cut at a word boundary and given an ellipsis.
MAX_TITLE = 90

_PARA_BREAK = re.compile(r"\n\s*\n")
_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE)
_FINAL = re.compile(r"[" + re.escape(FINAL_MARKS) + r"][" + re.escape(CLOSERS) + r"]*\Z")
#: A word: letters and digits, joined by single hyphens, apostrophes, points, colons, commas or
#: slashes (``well-known``, ``U.S``, ``3:30``, ``1,000``). Possessive: a word never gives back.
_WORD = re.compile(r"[^\W_]++(?:[-'’.:,/][^\W_]++)*+")
#: Punctuation stripped from a token's ends before it is taken for one word: none of it is part
#: of a word there (a word starts and ends with a letter or digit).
_EDGES = ".,;:!?'\"“”‘’()[]{}—–-…/*"


# -- reading -------------------------------------------------------------------------------------
def read_source(path: str | os.PathLike[str]) -> tuple[bytes, str]:
    """The raw bytes of ``path`` (``-`` is standard input) and the name to report it by."""
    if isinstance(path, str) and path == "-":
        try:
            data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        except (OSError, ValueError) as exc:
            raise ArticleError("-", f"cannot read standard input ({exc})") from exc
        if len(data) > MAX_ARTICLE_BYTES:
            raise ArticleError("-", too_large_problem(None))
        return data, "-"
    source = os.fsdecode(os.fspath(path))
    try:
        with open(source, "rb") as f:
            st = os.fstat(f.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise ArticleError(source, "is a folder, not a file")
            if stat.S_ISREG(st.st_mode) and st.st_size > MAX_ARTICLE_BYTES:
                raise ArticleError(source, too_large_problem(st.st_size))
            data = f.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError as exc:
        raise ArticleError(source, "no such file") from exc
    except IsADirectoryError as exc:
        raise ArticleError(source, "is a folder, not a file") from exc
    except PermissionError as exc:
        raise ArticleError(source, "permission denied") from exc
    except NotADirectoryError as exc:
        raise ArticleError(source, "no such file (a parent is not a folder)") from exc
    except OSError as exc:
        raise ArticleError(source, (exc.strerror or str(exc)).lower()) from exc
    except ValueError as exc:  # e.g. a NUL byte in the name
        raise ArticleError(source, "invalid file name") from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(source, too_large_problem(None))
    return data, source


def format_for_path(path: str) -> str | None:
    """The format an extension fixes (``.md``, ``.html`` …), or ``None`` to sniff the text."""
    return FORMAT_BY_EXTENSION.get(Path(path).suffix.lower())


def sniff_format(text: str) -> str:
    """``html`` for a page, ``newswire`` for text with a date/dateline header, else ``text``."""
    if _HTML_START.match(text):
        return "html"
    if parse_header(text).found:
        return "newswire"
    return "text"


def load_article(path: str | os.PathLike[str]) -> Article:
    """Load the article at ``path`` (``"-"`` reads binary standard input)."""
    return _article(_read(path))


def load_article_facts(path: str | os.PathLike[str]) -> ArticleFacts:
    """The facts of the article at ``path``, equal to its :class:`Article`'s, several times
    faster: no sentences (``reader extract`` needs none). Raises as :func:`load_article` does."""
    return _facts(_read(path))


def _read(path: str | os.PathLike[str]) -> _Parsed:
    data, source = read_source(path)
    text = decode_bytes(data, source)
    fmt = None if source == "-" else format_for_path(source)
    return _parse(text, source=source, fmt=fmt, url=None)


# -- structure -----------------------------------------------------------------------------------
def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the blank-line separated paragraphs in ``text[start:end]``, whitespace trimmed."""
    spans = []
    pos = start
    for m in _PARA_BREAK.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def derive_title(sentence: str) -> str:
    """A headline from a first sentence: whitespace collapsed, cut at a word if over 90 chars."""
    title = " ".join(sentence.split())
    if len(title) <= MAX_TITLE:
        return title
    cut = title[: MAX_TITLE - 1]
    space = cut.rfind(" ")
    if space > MAX_TITLE // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def ends_cut_off(text: str, para: Paragraph) -> bool:
    """True when a paragraph stops without sentence-final punctuation (the file was cut off)."""
    return _cut_off(text, para.start, para.end)


def _cut_off(text: str, start: int, end: int) -> bool:
    tail = text[max(start, end - 16) : end]
    return _FINAL.search(tail) is None


def count_words(text: str, start: int = 0) -> int:
    """How many words (:data:`_WORD`) ``text[start:]`` holds.

    No word spans whitespace, so the count is the sum over the whitespace-separated tokens; most
    tokens are one word of letters and digits, or one with punctuation at its ends (``said,``),
    and only the rest are matched with the pattern, which is several times slower."""
    tokens = text[start:].split()
    count = len(tokens)
    for token in filterfalse(str.isalnum, tokens):
        core = token.strip(_EDGES)
        if not core.isalnum():
            count += len(_WORD.findall(core)) - 1
    return count


def parse_date(value: str) -> _dt.date | None:
    """A date written ``YYYY-MM-DD`` (what a saved copy writes), else None."""
    try:
        return _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class _Parsed:
    """An article's text cut into paragraph spans ``(start, end, heading)``, with what its
    header, front matter or markup said: what an :class:`Article` and its
    :class:`ArticleFacts` are both made from."""

    text: str
    spans: list[tuple[int, int, bool]]
    source: str
    fmt: str
    #: The title the file gives, if any (else the first sentence gives one).
    title: str | None
    header: Header
    cut_off_check: bool
    url: str | None = None
    site: str | None = None
    author: str | None = None
    front_end: int = 0


def _facts(parsed: _Parsed) -> ArticleFacts:
    """The metadata of the article: only the paragraph that gives a derived title is split."""
    text, spans = parsed.text, parsed.spans
    if not spans:
        raise ArticleError(parsed.source, "no article text found")
    title = parsed.title
    derived = not title
    if derived:
        s, e, _ = next((span for span in spans if not span[2]), spans[0])
        first = split_sentences(text, s, e)[0]
        title = derive_title(text[first.start : first.end])
    s, e, heading = spans[-1]
    header = parsed.header
    return ArticleFacts(
        text=text,
        title=title or "",
        title_derived=derived,
        source=parsed.source,
        format=parsed.fmt,
        date=header.date,
        dateline=header.dateline,
        agency=header.agency,
        truncated=parsed.cut_off_check and not heading and _cut_off(text, s, e),
        words=count_words(text, spans[0][0]),
        url=parsed.url,
        site=parsed.site,
        author=parsed.author,
        front_end=parsed.front_end,
    )


def _article(parsed: _Parsed) -> Article:
    """The article with every paragraph split into sentences; its metadata is its facts', field
    by field (an ArticleFacts field the Article lacks fails here at once)."""
    facts = _facts(parsed)
    text = parsed.text
    return Article(
        paragraphs=tuple(
            Paragraph(s, e, split_sentences(text, s, e), heading) for s, e, heading in parsed.spans
        ),
        content_hash=content_hash(text),
        **{f.name: getattr(facts, f.name) for f in fields(ArticleFacts)},
    )


def _from_markup(
    extracted: Extracted, *, source: str, fmt: str, page: Page | None = None
) -> _Parsed:
    parts: list[str] = []
    spans: list[tuple[int, int, bool]] = []
    pos = 0
    blocks = extracted.blocks
    if not blocks and extracted.title:  # a page that is only a headline still shows it
        blocks = [(extracted.title, True)]
    for block, heading in blocks:
        spans.append((pos, pos + len(block), heading))
        parts.append(block)
        pos += len(block) + 2
    text = "\n\n".join(parts)
    header = Header(date=extracted.date)
    # A wire story pasted into a page keeps its dateline at the start of the first paragraph.
    for i, (s, e, heading) in enumerate(spans):
        if heading:
            continue
        found = match_dateline(text, s)
        if found and found[2] < e:
            header = Header(date=extracted.date, dateline=found[0], agency=found[1])
            spans[i] = (found[2], e, heading)
        break
    parsed = _Parsed(
        text, spans, source, fmt, title=extracted.title, header=header, cut_off_check=False
    )
    if page is None:
        return parsed
    return replace(parsed, url=page.url, site=page.site, author=page.author)


def _from_front_matter(text: str, front: FrontMatter, *, source: str) -> _Parsed:
    """A saved web article: the block above gives title, site, author, date and address; the
    text below is read as wire copy (its first paragraph may hold a dateline) with no title
    line, since the title is given."""
    fields = front.fields
    header = parse_header(text, wire=True, start=front.end, title_line=False)
    date = parse_date(fields.get("date", "")) or header.date
    header = Header(date, header.dateline, header.agency, header.body_start, None)
    headings = {int(n) for n in fields.get("headings", "").split(",") if n.strip().isdigit()}
    spans = [
        (s, e, i in headings)
        for i, (s, e) in enumerate(paragraph_spans(text, header.body_start, len(text)))
    ]
    return _Parsed(
        text,
        spans,
        source,
        "newswire" if header.dateline else "text",
        title=fields.get("title") or None,
        header=header,
        cut_off_check=False,
        url=fields.get("url") or None,
        site=fields.get("site") or None,
        author=fields.get("author") or None,
        front_end=front.end,
    )


def _parse(text: str, *, source: str, fmt: str | None, url: str | None) -> _Parsed:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(source, "no text in file")
    if fmt is None:
        fmt = sniff_format(text)
    if fmt not in FORMATS:
        raise ArticleError(source, f"unknown format {fmt!r}")
    if fmt == "markdown":
        from reader.article.markdown import extract_markdown

        return _from_markup(extract_markdown(text), source=source, fmt=fmt)
    if fmt == "html":
        from reader.article.html import extract_page

        page = extract_page(text, url)
        return _from_markup(page.extracted, source=source, fmt=fmt, page=page)
    front = read_front_matter(text)
    if front is not None:
        return _from_front_matter(text, front, source=source)
    header = parse_header(text, wire=fmt == "newswire")
    spans = [(s, e, False) for s, e in paragraph_spans(text, header.body_start, len(text))]
    if not spans:  # a header and nothing after it: show it all as plain text
        header, fmt = parse_header(text, wire=False), "text"
        spans = [(s, e, False) for s, e in paragraph_spans(text, header.body_start, len(text))]
    return _Parsed(text, spans, source, fmt, title=header.title, header=header, cut_off_check=True)


def parse_article(
    text: str, *, source: str, fmt: str | None = None, url: str | None = None
) -> Article:
    """Build an :class:`Article` from decoded text; ``fmt`` is one of :data:`FORMATS` or sniffed.

    ``url``: where a page was fetched from (its links and metadata are read against it)."""
    return _article(_parse(text, source=source, fmt=fmt, url=url))
