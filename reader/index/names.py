"""The key that makes one person (or body, or place) one entry across articles.

Within an article the extractor has already merged "Keller", "Anna Keller" and "Finance
Minister Anna Keller" into one entity named "Anna Keller". Across articles the index joins
entities by this key: the canonical name with case, accents and punctuation set aside, so
"Anna Keller" and "ANNA KELLER" and "Anna Kéller" are one.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """``"Ánna  Keller-Smith"`` → ``"anna keller smith"``."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NOT_WORD.sub(" ", folded.casefold()).strip()


def surname_of(key: str, kind: str) -> str | None:
    """The last word of a person's key of two words or more (what a surname said alone
    matches); None for anything else."""
    if kind != "PERSON":
        return None
    head, _, last = key.rpartition(" ")
    return last if head else None
