"""Collect a store's highlights per document, re-anchored against each article file as it is now."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader.article import ArticleError, load_article
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord
from reader.store.anchoring import anchor, make_target, percent_same
from reader.store.records import Target

#: ``method`` of a highlight whose article cannot be read now (gone, or read from stdin).
UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Highlight:
    """An annotation placed on the current text: ``start``/``end`` are offsets into it."""

    record: AnnotationRecord
    start: int
    end: int
    anchored: bool
    method: str  # position | quote | fuzzy | orphan | unavailable
    text: str  # the highlighted text now, or the stored quote when not anchored
    #: Position and quote selectors on the current text (the stored ones when not anchored).
    target: Target
    #: How much of the highlighted text is still the same, 0..1: 1.0 unchanged, below for text
    #: edited since (``method`` "fuzzy"), 0.0 for an orphan, None when the article is unreadable.
    similarity: float | None = 1.0

    @property
    def changed(self) -> bool:
        """Placed on text that is no longer what was highlighted (``record.target.quote.exact``)."""
        return self.anchored and self.similarity is not None and self.similarity < 1.0

    @property
    def percent_same(self) -> int | None:
        """:attr:`similarity` in whole percent (never 100 for changed text), None if unknown."""
        return None if self.similarity is None else percent_same(self.similarity)


@dataclass(frozen=True, slots=True)
class DocumentHighlights:
    document: DocumentRecord
    highlights: tuple[Highlight, ...]
    #: Why the article could not be read (its highlights are then not anchored), else None.
    problem: str | None = None

    @property
    def available(self) -> bool:
        return self.problem is None

    @property
    def uri(self) -> str | None:
        """The article's ``file://`` URI, or None for text read from standard input."""
        return file_uri(self.document.path)


def file_uri(path: str) -> str | None:
    return Path(path).as_uri() if os.path.isabs(path) else None


def in_scope(document: DocumentRecord, scope: Path | None) -> bool:
    """Whether ``document`` is the file ``scope``, or lies under the folder ``scope``."""
    if scope is None:
        return True
    if not os.path.isabs(document.path):
        return False
    path = Path(document.path)
    return path == scope or (scope.is_dir() and scope in path.parents)


def gather(
    store: AnnotationStore, scope: str | os.PathLike[str] | None = None
) -> list[DocumentHighlights]:
    """Documents with at least one highlight (limited to a file or folder), most recent first."""
    where = Path(scope).expanduser().resolve() if scope is not None else None
    counts = store.annotation_counts()
    collected = []
    for document in store.documents():
        if not counts.get(document.id) or not in_scope(document, where):
            continue
        collected.append(place(document, store.annotations_for(document.id)))
    return collected


def place(document: DocumentRecord, records: list[AnnotationRecord]) -> DocumentHighlights:
    """Re-anchor ``records`` on the article at ``document.path``, in current text order."""
    text, problem = _current_text(document)
    highlights = []
    for record in records:
        if text is None:
            start, end, exact = record.start, record.end, record.target.quote.exact
            highlights.append(
                Highlight(record, start, end, False, UNAVAILABLE, exact, record.target, None)
            )
            continue
        found = anchor(text, record.target)
        highlights.append(
            placed_on(
                text, record, found.start, found.end, found.anchored, found.method, found.similarity
            )
        )
    highlights.sort(key=text_order)
    return DocumentHighlights(document, tuple(highlights), problem)


def placed_on(
    text: str,
    record: AnnotationRecord,
    start: int,
    end: int,
    anchored: bool,
    method: str,
    similarity: float,
) -> Highlight:
    """``record`` as anchoring placed it on ``text``: its text there and selectors for it (the
    stored ones when it did not move, or is no longer in the text)."""
    if method == "position" or not anchored:
        target = record.target
    else:
        target = make_target(text, start, end)
    shown = text[start:end] if anchored else record.target.quote.exact
    return Highlight(record, start, end, anchored, method, shown, target, similarity)


def text_order(highlight: Highlight) -> tuple[bool, int, int, str]:
    """The order of an article's highlights: in the text, those no longer in it last."""
    return (not highlight.anchored, highlight.start, highlight.end, highlight.record.created)


def _current_text(document: DocumentRecord) -> tuple[str | None, str | None]:
    if not os.path.isabs(document.path):
        return None, "read from standard input"
    try:
        return load_article(document.path).text, None
    except ArticleError as error:
        return None, error.problem
