"""``Y``: every highlight and note of the article as Markdown, the way ``reader export`` writes it.

The highlights are the ones the reading pane shows, already placed on the text on screen, so
copying reads no file; the section is the export's own (:func:`article_markdown`), so the two agree.
"""

from __future__ import annotations

from reader.exchange.gather import DocumentHighlights, Highlight, text_order
from reader.exchange.markdown import article_markdown
from reader.store import DocumentRecord
from reader.store.anchoring import make_target
from reader.ui.highlighting import HighlightSet, Placed


def notes_markdown(document: DocumentRecord, text: str, highlights: HighlightSet) -> str:
    """The article's section of the Markdown export, for ``highlights`` placed on ``text``."""
    exported = sorted((_exported(text, placed) for placed in highlights.all), key=text_order)
    return article_markdown(DocumentHighlights(document, tuple(exported)))


def _exported(text: str, placed: Placed) -> Highlight:
    record = placed.record
    if not placed.anchored:
        exact = record.target.quote.exact
        return Highlight(
            record, placed.start, placed.end, False, placed.method, exact, record.target, 0.0
        )
    moved = placed.method != "position"
    target = make_target(text, placed.start, placed.end) if moved else record.target
    shown = text[placed.start : placed.end]
    return Highlight(
        record, placed.start, placed.end, True, placed.method, shown, target, placed.similarity
    )
