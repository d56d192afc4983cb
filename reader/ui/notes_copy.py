"""``Y``: every highlight and note of the article as Markdown, the way ``reader export`` writes it.

The highlights are the ones the reading pane shows, already placed on the text on screen, so
copying reads no file; the section is the export's own (:func:`article_markdown`), so the two agree.
"""

from __future__ import annotations

from reader.exchange.gather import DocumentHighlights, Highlight, placed_on, text_order
from reader.exchange.markdown import article_markdown
from reader.store import DocumentRecord
from reader.ui.highlighting import HighlightSet, Placed


def notes_markdown(document: DocumentRecord, text: str, highlights: HighlightSet) -> str:
    """The article's section of the Markdown export, for ``highlights`` placed on ``text``."""
    exported = sorted((_exported(text, placed) for placed in highlights.all), key=text_order)
    return article_markdown(DocumentHighlights(document, tuple(exported)))


def _exported(text: str, placed: Placed) -> Highlight:
    # A highlight no longer in the text is exported with no likeness to it.
    similarity = placed.similarity if placed.anchored else 0.0
    return placed_on(
        text, placed.record, placed.start, placed.end, placed.anchored, placed.method, similarity
    )
