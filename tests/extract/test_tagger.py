"""The name tagger: its tokens, its features, its decoding, its training and its file."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.extract import tokens as tokens_module
from reader.extract.conll import read_documents
from reader.extract.features import Context, candidate_runs, run_features
from reader.extract.lexicon import lexicon
from reader.extract.tagger import (
    ALLOWED,
    LABELS,
    OUT,
    Model,
    N,
    columns,
    decode,
    model,
    viterbi,
)
from reader.extract.tokens import tokenize
from reader.extract.train_tagger import gold_labels, headline_copy, title_case, train

_PIECES = ["U.S.", "Mr. ", "’s", "'s", "PARIS", "Co.", "J. ", "\n\n", "of ", "van der ", "3-1 "]
_NEWSY = st.lists(
    st.sampled_from([*"AaBbMmSsUu .,’'“”-—()\n&é?!", *_PIECES]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_tokens_are_the_text_in_order(text: str) -> None:
    tokens = tokenize(text)
    previous_end = 0
    for start, end, word in zip(tokens.starts, tokens.ends, tokens.words, strict=True):
        assert text[start:end] == word
        assert previous_end <= start < end
        assert not text[previous_end:start].strip()  # only blanks between two tokens
        previous_end = end
    assert not text[previous_end:].strip()
    assert len(tokens.initial) == len(tokens.caps) == len(tokens.headline) == len(tokens)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), _NEWSY))
def test_tokens_are_cut_as_the_plain_pattern_cuts_them(text: str) -> None:
    """The tokeniser's possessive pattern finds what the same pattern without them finds."""
    plain = re.compile(r"\s*(?:" + tokens_module._TOKEN.pattern + ")")
    text = text.rstrip()
    assert tokens_module._SPACED_TOKEN.findall(text) == plain.findall(text)


def test_tokens_follow_the_labelled_news() -> None:
    words = tokenize("Mr. Smith of AT&T Inc. said England's U.S. team won. J. R. Ewing").words
    assert words == [
        "Mr.", "Smith", "of", "AT&T", "Inc.", "said", "England", "'s", "U.S.", "team", "won",
        ".", "J.", "R.", "Ewing",
    ]  # fmt: skip


def test_sentence_starts_and_lines() -> None:
    tokens = tokenize(
        "HEADLINE IN CAPITALS\n\nA Title Case Headline Here\n\nShe said. “Yes,” he said."
    )
    first = dict(zip(tokens.words, tokens.initial, strict=False))
    assert first["HEADLINE"] and first["A"] and first["She"] and first["“"]
    assert not first["said"]
    assert tokens.caps[0] and not tokens.caps[-1]
    assert tokens.headline[tokens.words.index("Title")] and not tokens.headline[-1]


def test_candidate_runs_join_names_through_particles() -> None:
    tokens = tokenize("The farmer Caroline van der Plas met the Bank of England in The Hague.")
    runs = [" ".join(tokens.words[a:b]) for a, b in candidate_runs(tokens)]
    assert "Caroline van der Plas" in runs
    assert "Bank of England" in runs
    assert "The Hague" in runs


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_NEWSY)
def test_quick_emissions_are_the_features_summed(text: str) -> None:
    """The tagger's cached sums give exactly what training's feature strings give."""
    tagger, lex = model(), lexicon()
    tokens = tokenize(text)
    context = Context(tokens, lex)
    for first, last in candidate_runs(tokens):
        slow = [tagger.emission(f) for f in run_features(tokens, first, last, context)]
        fast = tagger.emissions(tokens, first, last, context)
        for a, b in zip(slow, fast, strict=True):
            assert max(abs(x - y) for x, y in zip(a, b, strict=True)) < 1e-4


def test_decoding_keeps_bio_order_and_finds_the_best_path() -> None:
    import itertools
    import random

    rng = random.Random(7)
    transitions = [[rng.uniform(-2, 2) for _ in range(N)] for _ in range(N)]
    for length in (1, 2, 3):
        emissions = [[rng.uniform(-3, 3) for _ in range(N)] for _ in range(length)]
        labels = viterbi(emissions, transitions)
        assert all(ALLOWED[p][c] for p, c in itertools.pairwise([OUT, *labels, OUT]))

        def score(seq: tuple[int, ...], emissions: list[list[float]] = emissions) -> float:
            moves = sum(transitions[p][c] for p, c in itertools.pairwise([OUT, *seq, OUT]))
            return moves + sum(row[label] for row, label in zip(emissions, seq, strict=True))

        allowed = [
            seq
            for seq in itertools.product(range(N), repeat=length)
            if all(ALLOWED[p][c] for p, c in zip([OUT, *seq], seq, strict=False))
        ]
        assert score(tuple(labels)) >= max(score(seq) for seq in allowed) - 1e-9


_SCORES = st.sampled_from([0.0, 1.0, -1.0, 0.5, 2.25, -3.0])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(_SCORES, min_size=N, max_size=N), min_size=N, max_size=N),
    st.lists(st.lists(_SCORES, min_size=N, max_size=N), min_size=2, max_size=6),
)
def test_quick_decoding_gives_the_labels_of_the_plain_loop(
    transitions: list[list[float]], emissions: list[list[float]]
) -> None:
    """Ties and all: a few round scores make many paths of the same score."""
    assert decode(emissions, transitions, columns(transitions)) == viterbi(emissions, transitions)


CONLL = """-DOCSTART- -X- O O

SOCCER NN I-NP O
- : O O
SHEARER NNP I-NP I-PER
SCORES VBZ I-VP O
. . O O

LONDON NNP I-NP I-LOC
1996-08-30 CD I-NP O

Alan NNP I-NP I-PER
Shearer NNP I-NP I-PER
of IN I-PP O
Newcastle NNP I-NP I-ORG
scored VBD I-VP O
in IN I-PP O
London NNP I-NP I-LOC
's POS B-NP O
" " O O
great JJ I-NP O
" " O O
stadium NN I-NP O
. . O O
"""


def test_conll_documents_become_prose_with_exact_offsets(tmp_path: Path) -> None:
    path = tmp_path / "eng.sample"
    path.write_text(CONLL, encoding="utf-8")
    (document,) = read_documents(path)
    text = document.text
    assert text.split("\n\n")[2] == 'Alan Shearer of Newcastle scored in London\'s "great" stadium.'
    names = {(text[n.start : n.end], n.type) for n in document.names}
    assert names == {
        ("SHEARER", "PER"),
        ("LONDON", "LOC"),
        ("Alan Shearer", "PER"),
        ("Newcastle", "ORG"),
        ("London", "LOC"),
    }
    tokens = tokenize(text)
    labels = [LABELS[k] for k in gold_labels(tokens, document)]
    assert labels[tokens.words.index("Alan")] == "B-PER"
    assert labels[tokens.words.index("Shearer")] == "I-PER"


def test_a_headline_in_capitals_gets_a_title_case_copy(tmp_path: Path) -> None:
    assert title_case("SOCCER - SHEARER NAMED AS ENGLAND CAPTAIN .") == (
        "Soccer - Shearer Named as England Captain  "
    )
    path = tmp_path / "eng.sample"
    path.write_text(CONLL, encoding="utf-8")
    (document,) = read_documents(path)
    copy = headline_copy(document)
    assert copy is not None and copy.text.startswith("Soccer - Shearer Scores")
    assert len(copy.text) == len(document.text) and copy.names == document.names


def test_training_writes_a_model_that_loads_and_tags(tmp_path: Path) -> None:
    """The script that builds the shipped weights, on a tiny corpus: it runs and is repeatable."""
    text = CONLL * 3
    (tmp_path / "eng.train").write_text(text, encoding="utf-8")
    (tmp_path / "eng.testa").write_text(CONLL, encoding="utf-8")
    out = tmp_path / "one.tagger"
    train(tmp_path, passes=2, min_count=1, seed=1, out=out)
    again = tmp_path / "two.tagger"
    train(tmp_path, passes=2, min_count=1, seed=1, out=again)
    assert out.read_bytes() == again.read_bytes()
    tagger = Model.load(out)
    tokens = tokenize("Alan Shearer of Newcastle scored in London.")
    found = {" ".join(tokens.words[n.first : n.last]): n.type for n in tagger.tag(tokens)}
    assert found.get("Alan Shearer") == "PER"


def test_the_shipped_model_is_small_and_loads_quickly() -> None:
    from reader.extract.tagger import WEIGHTS

    assert WEIGHTS.stat().st_size < 2_000_000
    tagger = Model.load(WEIGHTS)
    assert len(tagger.rows) > 10_000
