"""Entity extraction for news text: people, organisations, places and groups.

``extract_entities(text)`` is pure Python with no UI dependency; it never raises and is fast
enough (well over 1 MB/s) to run in a worker thread on every article opened.
"""

from .entities import extract_entities
from .model import ENTITY_TYPES, Entity, Mention

__all__ = ["ENTITY_TYPES", "Entity", "Mention", "extract_entities"]
