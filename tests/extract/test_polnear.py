"""Quotes on real political news: PolNeAR dev, scored when READER_POLNEAR names its data folder.

The articles may not be redistributed, so they are never in the repository; without them these
tests skip and say why. ``score_polnear`` (run it as a script for the full table and the errors)
documents how gold quotes and speakers are derived.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_polnear import ENV, data_folder, figures, run

# Issue 11's targets on the dev split.
TARGET_SPEAKER = 0.90
TARGET_F1 = 0.88
TARGET_FOUND = 0.97
# What the extractor reaches now: a floor, so a change that loses ground fails.
FLOOR_SPEAKER = 0.86
FLOOR_F1 = 0.86

_FOLDER = data_folder()
pytestmark = pytest.mark.skipif(
    _FOLDER is None, reason=f"{ENV} is not set to PolNeAR's data folder (with dev/attributions)"
)


@pytest.fixture(scope="module")
def dev() -> dict[str, dict[str, float]]:
    assert _FOLDER is not None
    tally, _errors, _seconds = run(_FOLDER, "dev")
    return figures(tally)


def test_quotes_found(dev: dict[str, dict[str, float]]) -> None:
    assert dev["all"]["quotes"] >= 700
    assert dev["all"]["found"] >= TARGET_FOUND


def test_speakers_hold_their_ground(dev: dict[str, dict[str, float]]) -> None:
    assert dev["all"]["speaker"] >= FLOOR_SPEAKER
    assert dev["all"]["f1"] >= FLOOR_F1
    assert dev["named"]["speaker"] >= dev["pronoun"]["speaker"]


@pytest.mark.xfail(reason="issue 11's speaker targets are not reached yet", strict=True)
def test_issue_targets(dev: dict[str, dict[str, float]]) -> None:
    assert dev["all"]["speaker"] >= TARGET_SPEAKER
    assert dev["all"]["f1"] >= TARGET_F1
