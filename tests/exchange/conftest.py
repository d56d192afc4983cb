"""Fixtures for the export/import tests: a database with highlights on two article files."""

from __future__ import annotations

from pathlib import Path

import pytest
from exchange_helpers import Library, make_library


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return make_library(tmp_path)
