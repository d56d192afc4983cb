"""Fixtures for the annotation store tests: a database path and a store opener that cleans up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.store import AnnotationStore


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "reader.json"


@pytest.fixture
def open_store(db: Path) -> Iterator[Callable[..., AnnotationStore]]:
    """Opens stores on ``db`` (or another path) and closes them all after the test."""
    stores: list[AnnotationStore] = []

    def opener(path: Path | None = None) -> AnnotationStore:
        store = AnnotationStore.open(path or db)
        stores.append(store)
        return store

    yield opener
    for store in stores:
        store.close()
