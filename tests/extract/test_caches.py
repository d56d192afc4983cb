"""The extractor keeps what it works out about words and names: kept, it must be what is worked
out afresh."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.extract import coref, extract_entities
from reader.extract import lexicon as lexicon_module
from reader.extract.context import (
    cue_kinds,
    noun_type,
    org_and_noun,
    org_evidence,
    speech_and_place,
)
from reader.extract.lexicon import fold, fold_uncached

_WORDS = st.text(alphabet="AaÉéÖøß’'‘ İı-.", max_size=12)
_NEWSY = st.lists(
    st.sampled_from(
        [*"AaBbMmSs .,’'-\n", "Smith ", "said ", "the town of ", "analysts at ", "Acme Corp. "]
    ),
    max_size=40,
).map("".join)


@given(_WORDS)
def test_a_folded_word_kept_is_the_word_folded(word: str) -> None:
    assert fold(word) == fold_uncached(word)
    assert fold(word) == fold_uncached(word)  # the second time from what was kept


def test_the_folded_words_kept_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "FOLD_CACHE_SIZE", 3)
    monkeypatch.setattr(lexicon_module, "_folded", {})
    for word in ("Ärzte", "b", "Café", "d", "Éloise", "f"):
        assert fold(word) == fold_uncached(word)
        assert len(lexicon_module._folded) <= 3


@given(st.text(alphabet="AaBb ,.-", max_size=30))
def test_a_names_words_kept_are_its_words(name: str) -> None:
    coref._name_words_cache.pop(name, None)
    first = coref._name_words(name)
    assert coref._name_words(name) == first
    assert list(first) == [
        w for w in name.split() if w not in coref.PARTICLES and w.lower() not in coref._SUFFIXES
    ]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWSY, st.data())
def test_cues_kept_are_the_cues(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for cue in (org_evidence, noun_type):
        assert cue(text, start, end) == cue.__wrapped__(text, start, end)
        assert cue(text, start, end) == cue.__wrapped__(text, start, end)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWSY)
def test_entities_are_the_same_with_everything_kept_and_nothing(text: str) -> None:
    kept = [e.to_dict() for e in extract_entities(text)]
    org_evidence.cache_clear()
    noun_type.cache_clear()
    lexicon_module._folded.clear()
    coref._name_words_cache.clear()
    assert [e.to_dict() for e in extract_entities(text)] == kept


_AROUND = st.lists(
    st.sampled_from(
        [
            *"Aa ,.’'\n\u00a0",
            " " * 12,
            "x" * 9,
            "Smith",
            "said ",
            "the town of ",
            "analysts at ",
            "the agency ",
            "maker, ",
            "’s shares",
            ", which",
            ", the ruling party,",
            " party",
            " state",
            "in ",
            "told ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_AROUND, st.data())
def test_cues_at_once_are_the_cues(text: str, data: st.DataObject) -> None:
    """Long blanks and long words before a name too: what each cue's window cuts short."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    speech, place = speech_and_place(text, start, end)
    org, kind = org_evidence.__wrapped__(text, start, end), noun_type.__wrapped__(text, start, end)
    assert cue_kinds(text, start, end) == (org, kind, speech, place)
    assert org_and_noun(text, start, end) == (org, kind)
