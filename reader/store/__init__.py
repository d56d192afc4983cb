"""The annotation store: documents, reading positions and highlights in one TinyDB JSON file.

Plain Python (no UI imports) so the app, the command line and tests share it.
"""

from .annotations import AnnotationStore
from .errors import InvalidStoreFile, ReadOnlyStore, StoreError
from .records import (
    SCHEMA_VERSION,
    AnnotationRecord,
    DocumentRecord,
    Target,
    TextPosition,
    TextQuote,
    utc_now,
)
from .storage import AtomicJSONStorage

__all__ = [
    "SCHEMA_VERSION",
    "AnnotationRecord",
    "AnnotationStore",
    "AtomicJSONStorage",
    "DocumentRecord",
    "InvalidStoreFile",
    "ReadOnlyStore",
    "StoreError",
    "Target",
    "TextPosition",
    "TextQuote",
    "utc_now",
]
