"""The annotation store: documents, reading positions and highlights in one TinyDB JSON file.

Plain Python (no UI imports) so the app, the command line and tests share it. The annotation
records load when first asked for (see :mod:`reader.store.records`).
"""

from typing import TYPE_CHECKING, Any

from .annotations import AnnotationStore
from .errors import InvalidStoreFile, ReadOnlyStore, StoreError
from .records import ANNOTATION_RECORDS, SCHEMA_VERSION, DocumentRecord, utc_now
from .storage import AtomicJSONStorage

if TYPE_CHECKING:
    from .annotation_records import AnnotationRecord, Target, TextPosition, TextQuote

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


def __getattr__(name: str) -> Any:
    if name in ANNOTATION_RECORDS:
        from . import annotation_records

        return getattr(annotation_records, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
