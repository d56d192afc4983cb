"""Helpers shared by the store tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.article.model import Article


def make_article(source: str | Path, text: str = "Some text.", title: str = "A title") -> Article:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        text=text,
        paragraphs=(),
        title=title,
        title_derived=False,
        source=str(source),
        format="text",
        content_hash=digest,
    )
