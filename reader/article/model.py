"""The article as the rest of the program sees it: text plus exact structure.

Offsets are Python ``str`` indices into ``Article.text`` so that ``text[start:end]`` is exactly the
span. For the news-wire and plain-text forms ``text`` is the file as decoded (BOM removed, line
endings normalised to ``\\n``, each NUL replaced by U+FFFD); what stands above the body there (a
wire header, a title line) is in ``text`` but in no paragraph, and ``body_start`` is after it. For
Markdown and HTML ``text`` is the article text extracted from the markup, paragraphs separated by
a blank line.
"""

from __future__ import annotations

import datetime as _dt
import math
from bisect import bisect_right
from dataclasses import dataclass, field

#: Words per minute used for the reading-time estimate (a common figure for adult silent reading).
READING_WPM = 230


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, as ``text[start:end]`` (no surrounding whitespace)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its span (no surrounding whitespace) and its sentences, in order."""

    start: int
    end: int
    sentences: tuple[Sentence, ...]
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A loaded article with its metadata. Immutable, cheap to pass between threads."""

    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str
    title_derived: bool
    source: str
    format: str
    content_hash: str
    date: _dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    truncated: bool = False
    words: int = 0
    #: Where a web article came from (the page's own canonical address when it gives one).
    url: str | None = None
    #: The site's name, as the page gives it (or its host).
    site: str | None = None
    author: str | None = None
    #: Where a saved copy's front matter ends (0 for any other article): the block is in
    #: ``text`` but is no part of the story.
    front_end: int = 0
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _paragraph_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    _sentences: tuple[Sentence, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        # Kept for bisect lookups: caret motions on a 1 MB article must stay well under a frame.
        sentences = tuple(s for p in self.paragraphs for s in p.sentences)
        object.__setattr__(self, "_sentences", sentences)
        object.__setattr__(self, "_sentence_starts", tuple(s.start for s in sentences))
        object.__setattr__(self, "_paragraph_starts", tuple(p.start for p in self.paragraphs))

    @property
    def prose(self) -> str:
        """``text`` as the extractors read it: a saved copy's front matter blanked (the same
        length, so every offset still indexes ``text``), lest its keys be taken for names."""
        return _prose(self.text, self.front_end)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self._sentences

    @property
    def sentence_starts(self) -> tuple[int, ...]:
        """Where each sentence starts, in order (for bisecting)."""
        return self._sentence_starts

    @property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Where each paragraph starts, in order (for bisecting)."""
        return self._paragraph_starts

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / READING_WPM)) if self.words else 0

    @property
    def place(self) -> str | None:
        """The dateline place in reading case: ``BERGEN, Norway`` → ``Bergen, Norway``."""
        return place_of(self.dateline)

    @property
    def body_start(self) -> int:
        return self.paragraphs[0].start if self.paragraphs else 0

    def paragraph_index_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (or the last one starting before it)."""
        if not self._paragraph_starts:
            return -1
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset``; between two sentences, the one before."""
        index = self.sentence_index_at(offset)
        return self._sentences[index] if index >= 0 else None

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (or the last one starting before it)."""
        if not self._sentence_starts:
            return -1
        return max(0, bisect_right(self._sentence_starts, offset) - 1)


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What :class:`Article` says about an article besides its paragraphs and sentences, each
    value equal to the Article's: what ``reader extract`` reports, read without splitting the
    text into sentences."""

    text: str
    title: str
    title_derived: bool
    source: str
    format: str
    date: _dt.date | None = None
    dateline: str | None = None
    agency: str | None = None
    truncated: bool = False
    words: int = 0
    url: str | None = None
    site: str | None = None
    author: str | None = None
    front_end: int = 0

    @property
    def prose(self) -> str:
        """``text`` as the extractors read it (see :attr:`Article.prose`)."""
        return _prose(self.text, self.front_end)


def place_of(dateline: str | None) -> str | None:
    """A dateline in reading case (``BERGEN, Norway`` → ``Bergen, Norway``), as the reading
    pane's header and the library's list show it."""
    if not dateline:
        return None
    parts = [p.strip() for p in dateline.split(",")]
    return ", ".join(p.title() if p.isupper() else p for p in parts)


def _prose(text: str, front_end: int) -> str:
    if not front_end:
        return text
    head = text[:front_end]
    return "".join("\n" if c == "\n" else " " for c in head) + text[front_end:]
