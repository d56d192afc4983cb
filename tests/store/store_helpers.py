"""Helpers shared by the store tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from reader.article.model import Article

#: Database files the store cannot read, each damaged in its own way.
BAD_FILES = {
    "truncated": b'{"_meta":{"schema":{"version":1}},"annotations":{"a":{"id":"a","doc',
    "garbage": bytes(range(256)) * 4,
    "not utf-8": '{"documents": {"x": {"title": "caf\u00e9"}}}'.encode("latin-1"),
    "top-level list": b'[{"id": "a"}]',
    "table not an object": b'{"documents": ["a", "b"]}',
    "record not an object": b'{"documents": {"a": "b"}}',
    "newer schema": b'{"_meta": {"schema": {"version": 2}}, "documents": {}}',
    "unreadable schema": b'{"_meta": {"schema": {"version": "one"}}, "documents": {}}',
    "blank": b"  \n\t\n",
    "not JSON": b"documents: []",
    "lone BOM": b"\xef\xbb\xbf",
}


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
