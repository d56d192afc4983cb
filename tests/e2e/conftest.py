"""End-to-end tests: the installed ``reader`` command in a real pseudo-terminal."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "reader" / "samples"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "e2e: end-to-end test that runs the reader command in a pseudo-terminal"
    )


@pytest.fixture
def newest_sample_words() -> str:
    """The first words of the newest bundled sample: the library's top row, sorted by date."""
    dated: list[tuple[str, str]] = []
    for path in SAMPLES.glob("*.txt"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        found = re.match(r"\s*date (\d{4}-\d{2}-\d{2}) .*? — (.*)", first)
        if found:
            dated.append((found.group(1), " ".join(found.group(2).split()[:4])))
    if not dated:
        pytest.skip("no dated sample articles found")
    return max(dated)[1]
