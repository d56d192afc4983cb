"""Entity and quote extraction for news text: people, organisations, places and groups, and
who said what.

``extract_entities(text)`` and ``extract_quotes(text, entities=None)`` are pure Python with no
UI dependency; they never raise, and run in a worker thread on every article opened. They are
loaded when first used (the tagger's weights and the gazetteers take a moment), so importing
this package, or its ``command`` for ``reader extract``, costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import ENTITY_TYPES, QUOTE_KINDS, Entity, Mention, Quote

if TYPE_CHECKING:
    from .entities import extract_entities
    from .quotes import extract_quotes

__all__ = [
    "ENTITY_TYPES",
    "QUOTE_KINDS",
    "Entity",
    "Mention",
    "Quote",
    "extract_entities",
    "extract_quotes",
]


def __getattr__(name: str) -> Any:
    if name == "extract_entities":
        from .entities import extract_entities

        return extract_entities
    if name == "extract_quotes":
        from .quotes import extract_quotes

        return extract_quotes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
