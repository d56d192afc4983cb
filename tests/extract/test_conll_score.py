"""The entities pane on real labelled news (CoNLL-2003 dev), when the data is at hand.

The data is not part of the project: set READER_CONLL to a folder with eng.train and eng.testa.
Without it the test says so and skips (CI has no copy).
"""

from __future__ import annotations

import pytest

from reader.extract.conll import read_documents

from .score_conll import data_folder, score


def test_conll_dev_scores_hold() -> None:
    folder = data_folder()
    if folder is None:
        pytest.skip("set READER_CONLL to a folder with CoNLL-2003 eng.testa to score on it")
    result = score(read_documents(folder / "eng.testa"))
    assert result.all.prf()[2] >= 0.82
    assert result.prose.prf()[2] >= 0.88
    assert result.prose.prf(("PER",))[2] >= 0.80
    assert result.prose.prf(("LOC",))[2] >= 0.80
    # The target is 0.80; organisations in sports reports (clubs named after their towns) keep
    # it below that for now. This floor catches a fall.
    assert result.prose.prf(("ORG",))[2] >= 0.75
