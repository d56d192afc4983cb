"""Fixtures for the interface tests: a throwaway store and apps built the way the command does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.store import AnnotationStore


@pytest.fixture
def store(tmp_path: Path) -> Iterator[AnnotationStore]:
    with AnnotationStore.open(tmp_path / "reader.json") as opened:
        yield opened
