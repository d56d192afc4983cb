"""Quoted spans: which quotation marks open and close, apostrophes, multi-paragraph quotes.

Double marks (“…”, "…", «…», „…“) delimit quotes. Single curly marks (‘…’) are quotes only
nested inside a double-quoted span (they never end it) or, in an article that uses no double
marks at all, as its primary marks. The right single mark ’ is far more often an apostrophe
("isn’t", "’90s", "the Smiths’"), so it closes a single-quoted span only when it is not between
letters and one is open. News style lets a quote run over paragraphs: an opening mark with no
closing one continues when the next paragraph starts with an opening mark.

Everything here works on ``str`` indices into the article text and never raises.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
_LEFT_CONTEXT = set(" \t\n([{—–-/:;")  # before an opening mark
# Trimmed from the ends of a quote's text: spaces, and the comma that replaces a full stop.
_STRIP_END = " \t\n,"
_STRIP_START = " \t\n"


@dataclass(slots=True)
class Piece:
    """One quoted span inside one paragraph.

    ``start``/``end`` bound the quote's text (marks and the trailing comma excluded);
    ``open``/``close`` are the marks' positions (``close`` is None when the quote runs on past
    the paragraph end). ``carried`` is True for a piece that continues a quote left open at the
    end of the previous paragraph, ``runs_on`` when this one is left open.
    """

    start: int
    end: int
    open: int
    close: int | None
    para: int
    carried: bool = False
    runs_on: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-blank lines as (start, end): news text puts one paragraph on each line."""
    out = []
    pos = 0
    for line in text.split("\n"):  # a split finds the line breaks far quicker than a regex
        end = pos + len(line)
        if line and not line.isspace():
            out.append((pos, end))
        pos = end + 1
    return out


def _span(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _STRIP_START:
        a += 1
    while b > a and text[b - 1] in _STRIP_END:
        b -= 1
    return a, b


def _opens(text: str, i: int, lo: int) -> bool:
    """A straight or ambiguous mark at ``i`` looks like an opening one."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _LEFT_CONTEXT or before in OPENERS or before == "‘") and not after.isspace()


def _marks(text: str, chars: str) -> list[tuple[int, str]]:
    """Where each of ``chars`` stands in ``text``, in text order: a find per character, which
    skips through the text far quicker than a regex for a set of characters."""
    out = []
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            out.append((i, ch))
            i = text.find(ch, i + 1)
    out.sort()
    return out


def _double_pairs(
    text: str, lo: int, hi: int, marks: list[tuple[int, str]]
) -> tuple[list[tuple[int, int | None]], bool]:
    """Quote spans inside one paragraph as (open, close); close None for a run-on quote.
    ``marks`` are the paragraph's double marks, in order.

    Returns the spans and whether the paragraph ends with a quote left open.
    """
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i, ch in marks:
        if open_at is None:
            if ch in CLOSERS and not _opens(text, i, lo):
                continue  # stray closing mark
            if ch == '"' and not _opens(text, i, lo):
                continue  # inch mark or stray
            open_at = i
            continue
        # a quote is open
        if ch in OPENERS and ch != "„":
            if text[open_at] == "„" and ch == "“":
                spans.append((open_at, i))  # German „…“
                open_at = None
                continue
            # an opening mark while one is open: the first was stray or never closed
            if _opens(text, i, lo):
                spans.append((open_at, i))
                open_at = i
            elif not text[i - 1].isspace() and (i + 1 >= hi or text[i + 1].isspace()):
                spans.append((open_at, i))  # "…,“ said X": an opening mark typed to close
                open_at = None
            continue
        # `" "` ambiguity: a straight mark after a space while open is more often a missing
        # close followed by a new quote than a close after a space
        after_space = i - 1 >= lo and text[i - 1].isspace()
        if ch == '"' and after_space and _opens(text, i, lo) and text.count('"', i + 1, hi) % 2:
            spans.append((open_at, i))
            open_at = i
            continue
        spans.append((open_at, i))
        open_at = None
    if open_at is not None:
        spans.append((open_at, None))
        return spans, True
    return spans, False


def _single_pairs(
    text: str, lo: int, hi: int, marks: list[tuple[int, str]]
) -> list[tuple[int, int | None]]:
    """‘…’ spans in a paragraph, for articles with no double marks (``marks``: the
    paragraph's single ones, in order)."""
    spans: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for i, ch in marks:
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if ch == "‘":
            if open_at is None and (before in _LEFT_CONTEXT) and after.isalpha():
                open_at = i
            continue
        # ’: apostrophe between letters ("isn’t"), before digits ("’90s"), or a closer
        if open_at is None or before.isspace() or after.isalnum():
            continue
        spans.append((open_at, i))
        open_at = None
    if open_at is not None:
        spans.append((open_at, None))
    return spans


def _starts_with_opener(text: str, lo: int, hi: int, single: bool) -> bool:
    i = lo
    while i < hi and text[i] in " \t":
        i += 1
    if i >= hi:
        return False
    ch = text[i]
    if single:
        return ch == "‘"
    return ch in OPENERS or (ch == '"' and _opens(text, i, lo))


def find_pieces(text: str, paras: list[tuple[int, int]] | None = None) -> list[Piece]:
    """Every quoted span of ``text``, one piece per paragraph, in text order (``paras``: its
    paragraphs, when the caller has them already)."""
    if not text:
        return []
    single = not any(m in text for m in '“”«»"„')
    if single and "‘" not in text:
        return []
    if paras is None:
        paras = paragraphs(text)
    pieces: list[Piece] = []
    carried = False
    marks = _marks(text, "‘’" if single else '“”«»„"')
    at = [i for i, _ in marks]
    for k, (lo, hi) in enumerate(paras):
        here = marks[bisect.bisect_left(at, lo) : bisect.bisect_left(at, hi)]
        if not carried and not here:
            continue  # most paragraphs quote nobody
        if single:
            spans = _single_pairs(text, lo, hi, here)
        else:
            spans, _ = _double_pairs(text, lo, hi, here)
        this_carried, carried = carried, False
        for n, (o, c) in enumerate(spans):
            end = hi if c is None else c
            a, b = _span(text, o + 1, end)
            runs_on = False
            if c is None:
                nxt = paras[k + 1] if k + 1 < len(paras) else None
                runs_on = nxt is not None and _starts_with_opener(text, nxt[0], nxt[1], single)
                carried = runs_on
            if b <= a:
                continue
            is_carried = this_carried and n == 0 and text[lo:o].strip() == ""
            pieces.append(Piece(a, b, o, c, k, is_carried, runs_on))
    return pieces
