"""Entity and quote extraction for news text: people, organisations, places and groups, and
who said what.

``extract_entities(text)`` and ``extract_quotes(text, entities=None)`` are pure Python with no
UI dependency; they never raise and are fast enough (well over 1 MB/s together) to run in a
worker thread on every article opened.
"""

from .entities import extract_entities
from .model import ENTITY_TYPES, QUOTE_KINDS, Entity, Mention, Quote
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
