"""W3C Web Annotation Data Model (JSON-LD) export: one AnnotationCollection of the highlights.

Each annotation: ``id`` ``urn:uuid:…``, ``type`` Annotation, ``motivation`` commenting (with a
note) or highlighting, ``created``/``modified``, a TextualBody per note (purpose commenting) and
per tag (purpose tagging), and a SpecificResource target whose ``source`` is the article's
``file://`` URI (``urn:sha256:<content hash>`` for text read from standard input), with a
TextPositionSelector and a TextQuoteSelector taken from the article as it is now (re-anchored;
the stored ones for an orphan). The colour travels as the target's ``styleClass``.
See https://www.w3.org/TR/annotation-model/.
"""

from __future__ import annotations

import json
from typing import Any

from reader.exchange.gather import DocumentHighlights, Highlight
from reader.store.records import new_id

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
URN_UUID = "urn:uuid:"
URN_SHA256 = "urn:sha256:"


def source_iri(group: DocumentHighlights) -> str:
    return group.uri or f"{URN_SHA256}{group.document.content_hash}"


def annotation(group: DocumentHighlights, highlight: Highlight) -> dict[str, Any]:
    record = highlight.record
    quote = highlight.target.quote
    body: list[dict[str, Any]] = []
    if record.note:
        body.append(_textual(record.note, "commenting"))
    body.extend(_textual(tag, "tagging") for tag in record.tags)
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": URN_UUID + record.id,
        "type": "Annotation",
        "motivation": "commenting" if record.note else "highlighting",
        "created": record.created,
        "modified": record.updated,
    }
    if body:
        item["body"] = body
    item["target"] = {
        "type": "SpecificResource",
        "source": source_iri(group),
        "styleClass": record.color,
        "selector": [
            {
                "type": "TextPositionSelector",
                "start": highlight.target.position.start,
                "end": highlight.target.position.end,
            },
            {
                "type": "TextQuoteSelector",
                "exact": quote.exact,
                "prefix": quote.prefix,
                "suffix": quote.suffix,
            },
        ],
    }
    return item


def export_w3c(documents: list[DocumentHighlights]) -> str:
    items = [annotation(group, h) for group in documents for h in group.highlights]
    collection = {
        "@context": CONTEXT,
        "id": URN_UUID + new_id(),
        "type": "AnnotationCollection",
        "label": "Highlights and notes from reader",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _textual(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}
