"""The JSON export: highlights grouped by document, with their offsets in the article as it is now.

Shape (``version`` 1)::

    {"format": "reader-highlights", "version": 1, "exported": "2024-05-01T10:22:33.123Z",
     "documents": [{"id", "path", "uri", "title", "content_hash", "available",
                    "highlights": [{"id", "created", "updated", "color", "note", "tags",
                                    "start", "end", "anchored", "method", "similarity",
                                    "text", "target": {"position": {...}, "quote": {...}}}]}]}

``start``/``end`` are the current offsets after re-anchoring; ``anchored`` is false for an orphan
(and for an article that cannot be read now, ``method`` "unavailable"). ``similarity`` says how
much of the highlighted text is still the same (0..1, three decimals): 1 unchanged, less when the
article was edited inside the highlight (``method`` "fuzzy"; ``text`` is the text now,
``target.quote.exact`` what was highlighted), 0 for an orphan, null when the article is
unreadable. ``target`` is the stored selector pair, so ``reader import`` gives back exactly what
was exported.
"""

from __future__ import annotations

import json
from typing import Any

from reader.exchange.gather import DocumentHighlights, Highlight
from reader.store import utc_now

FORMAT = "reader-highlights"
VERSION = 1


def highlight_dict(highlight: Highlight) -> dict[str, Any]:
    record = highlight.record
    return {
        "id": record.id,
        "created": record.created,
        "updated": record.updated,
        "color": record.color,
        "note": record.note,
        "tags": list(record.tags),
        "start": highlight.start,
        "end": highlight.end,
        "anchored": highlight.anchored,
        "method": highlight.method,
        "similarity": None if highlight.similarity is None else round(highlight.similarity, 3),
        "text": highlight.text,
        "target": record.target.to_dict(),
    }


def export_dict(documents: list[DocumentHighlights]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported": utc_now(),
        "documents": [
            {
                "id": group.document.id,
                "path": group.document.path,
                "uri": group.uri,
                "title": group.document.title,
                "content_hash": group.document.content_hash,
                "available": group.available,
                "highlights": [highlight_dict(h) for h in group.highlights],
            }
            for group in documents
        ],
    }


def export_json(documents: list[DocumentHighlights]) -> str:
    return json.dumps(export_dict(documents), ensure_ascii=False, indent=2) + "\n"
