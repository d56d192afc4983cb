"""Highlights and notes out of the annotation store and back in: Markdown, JSON, W3C, text.

Every export re-anchors each highlight against its article file as it is now (see
:mod:`reader.store.anchoring`), so offsets are current and orphans are marked, never dropped.
No Textual here: the command line (``reader export``, ``reader import``, ``reader notes``) and tests
call these modules directly.
"""

from reader.exchange.gather import DocumentHighlights, Highlight, gather

__all__ = ["DocumentHighlights", "Highlight", "gather"]
