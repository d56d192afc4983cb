"""Where each reading-pane motion takes the caret: sentence, paragraph and word steps.

Pure functions over an :class:`~reader.article.Article` (no Textual), so the motions of the keyboard
contract are tested without a screen. A caret is an offset into ``article.text`` that always sits on
a character of the body (never in the news-wire header or in the gap between paragraphs).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from reader.article import Article

_WORD_START = re.compile(r"(?<!\S)\S")


def first(article: Article) -> int:
    return article.body_start


def last(article: Article) -> int:
    """The start of the last sentence: ``G`` shows the end of the article with its caret on text."""
    if article.sentence_starts:
        return article.sentence_starts[-1]
    return article.paragraphs[-1].start if article.paragraphs else 0


def clamp(article: Article, offset: int) -> int:
    """The nearest body character to ``offset`` (a gap between paragraphs snaps back)."""
    paragraphs = article.paragraphs
    if not paragraphs or offset <= paragraphs[0].start:
        return paragraphs[0].start if paragraphs else 0
    index = article.paragraph_index_at(offset)
    para = paragraphs[index]
    return offset if offset < para.end else para.end - 1


def _step(starts: tuple[int, ...], offset: int, step: int) -> int:
    """The start ``step`` units away in ``starts`` (``-1`` from inside a unit: its own start)."""
    if not starts:
        return offset
    index = max(0, bisect_right(starts, offset) - 1)
    if step < 0 and offset > starts[index]:
        step += 1
    return starts[min(max(index + step, 0), len(starts) - 1)]


def sentence(article: Article, offset: int, step: int) -> int:
    """The start of the sentence ``step`` sentences away."""
    return _step(article.sentence_starts, offset, step)


def paragraph(article: Article, offset: int, step: int) -> int:
    """The start of the paragraph ``step`` paragraphs away."""
    return _step(article.paragraph_starts, offset, step)


def word(article: Article, offset: int, step: int) -> int:
    """The start of the next (``step > 0``) or previous word in the body."""
    text = article.text
    low = first(article)
    high = article.paragraphs[-1].end if article.paragraphs else len(text)
    if step > 0:
        match = _WORD_START.search(text, offset + 1, high)
        return match.start() if match else offset
    starts = [m.start() for m in _WORD_START.finditer(text, max(low, offset - 200), offset)]
    if starts:
        return starts[-1]
    if offset - 200 > low:
        return word(article, offset - 200, -1)
    return offset
