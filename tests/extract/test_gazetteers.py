"""The gazetteer files derived from others stay in step with what they are derived from."""

from __future__ import annotations

from reader.extract import lexicon


def test_british_words_are_the_british_spellings_of_the_common_words() -> None:
    written = frozenset(lexicon._lines(lexicon.BRITISH_WORDS))
    derived = lexicon.british_spellings(lexicon.common_base())
    assert written == derived, (
        "british_words.txt is stale: run python -m reader.extract.gazetteers.generate --british"
    )


def test_the_common_words_hold_both_spellings() -> None:
    common = lexicon.lexicon().common
    assert {"colour", "color", "organise", "organize", "travelled"} <= common
