"""The name tagger: a learned model that marks people, organisations, places and other names.

A linear-chain model over tokens (an averaged structured perceptron), trained on labelled news
by ``python -m reader.extract.train_tagger``, which writes the weights shipped in
``weights/names.tagger``. Each token of a candidate run (:mod:`reader.extract.features`) gets a
label of ``LABELS`` (BIO over PER, ORG, LOC and MISC): its features' weights are added up, from
parts kept once computed, and the run decoded with the label transitions (Viterbi). Pure
Python: no dependency to load.
"""

from __future__ import annotations

import base64
import gzip
import json
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from operator import add
from pathlib import Path

from .context import cue_kinds
from .features import (
    Context,
    candidate_runs,
    line_features,
    near,
    phrase_features,
    place_features,
    shape_of,
    word_features,
)
from .lexicon import Lexicon, lexicon
from .tokens import Tokens

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")
TYPES = ("PER", "ORG", "LOC", "MISC")
N = len(LABELS)
#: The index of the label "O" (outside any name).
OUT = 0
WEIGHTS = Path(__file__).resolve().parent / "weights" / "names.tagger"

_NEG = -1e9
#: A row of no weight (a feature the model does not have).
ZERO = (0.0,) * len(LABELS)
#: The place of most tokens: inside a sentence, on a line of prose.
_INSIDE = (False, False, False, "")
#: Where a neighbour would be, past a sentence's or the text's edge.
EDGE = "\x00edge"


def allowed(previous: int, current: int) -> bool:
    """BIO: an I- label only follows the B- or I- of its own type."""
    label = LABELS[current]
    if label.startswith("I-"):
        before = LABELS[previous]
        return before[2:] == label[2:] and before != "O"
    return True


ALLOWED = tuple(tuple(allowed(p, c) for c in range(N)) for p in range(N))
#: The labels a run of one token can take: O, or the B- of a type.
_ONE = tuple(k for k in range(N) if not LABELS[k].startswith("I-"))
#: For each label, the labels that may come after it.
_AFTER = tuple(tuple(c for c in range(N) if ALLOWED[p][c]) for p in range(N))


def _total(
    a: Sequence[float],
    b: Sequence[float],
    c: Sequence[float],
    d: Sequence[float],
    e: Sequence[float],
    f: Sequence[float],
    g: Sequence[float],
) -> list[float]:
    """Seven rows added label by label, in this order. Written out in full, it is twice as
    quick as ``map(sum, zip(...))``, and it runs for every token of a run."""
    return [
        a[0] + b[0] + c[0] + d[0] + e[0] + f[0] + g[0],
        a[1] + b[1] + c[1] + d[1] + e[1] + f[1] + g[1],
        a[2] + b[2] + c[2] + d[2] + e[2] + f[2] + g[2],
        a[3] + b[3] + c[3] + d[3] + e[3] + f[3] + g[3],
        a[4] + b[4] + c[4] + d[4] + e[4] + f[4] + g[4],
        a[5] + b[5] + c[5] + d[5] + e[5] + f[5] + g[5],
        a[6] + b[6] + c[6] + d[6] + e[6] + f[6] + g[6],
        a[7] + b[7] + c[7] + d[7] + e[7] + f[7] + g[7],
        a[8] + b[8] + c[8] + d[8] + e[8] + f[8] + g[8],
    ]


assert N == 9, "_total is written out for nine labels"


def viterbi(emissions: list[list[float]], transitions: Sequence[Sequence[float]]) -> list[int]:
    """The best labels for one run, which has a token labelled O (or nothing) on each side."""
    n = len(emissions)
    start = transitions[OUT]
    first = emissions[0]
    if n == 1:  # most runs: one capitalised word
        return [max(_ONE, key=lambda k: start[k] + first[k] + transitions[k][OUT])]
    score = [start[k] + first[k] if ALLOWED[OUT][k] else _NEG for k in range(N)]
    back: list[list[int]] = []
    for t in range(1, n):
        row = emissions[t]
        new = [_NEG] * N
        pointers = [0] * N
        for prev in range(N):
            base = score[prev]
            if base <= _NEG:
                continue
            moves = transitions[prev]
            for cur in _AFTER[prev]:
                value = base + moves[cur]
                if value > new[cur]:
                    new[cur] = value
                    pointers[cur] = prev
        for cur in range(N):
            new[cur] += row[cur]
        back.append(pointers)
        score = new
    finals = [value + moves[OUT] for value, moves in zip(score, transitions, strict=True)]
    last = finals.index(max(finals))  # the first best, as max(key=) gives
    labels = [last]
    for pointers in reversed(back):
        labels.append(pointers[labels[-1]])
    labels.reverse()
    return labels


def columns(transitions: Sequence[Sequence[float]]) -> list[tuple[float, ...]]:
    """The transitions into each label, from every label in order: ``columns(t)[c][p] ==
    t[p][c]``."""
    return [tuple(row[c] for row in transitions) for c in range(N)]


def _best(score: Sequence[float], into: Sequence[float]) -> tuple[float, int]:
    """The best of ``score[p] + into[p]`` and the first ``p`` that has it, as :func:`viterbi`
    finds them for a label any label may precede. Written out: a loop is twice as slow."""
    s0, s1, s2, s3, s4, s5, s6, s7, s8 = score
    c0, c1, c2, c3, c4, c5, c6, c7, c8 = into
    best, p = s0 + c0, 0
    if (v := s1 + c1) > best:
        best, p = v, 1
    if (v := s2 + c2) > best:
        best, p = v, 2
    if (v := s3 + c3) > best:
        best, p = v, 3
    if (v := s4 + c4) > best:
        best, p = v, 4
    if (v := s5 + c5) > best:
        best, p = v, 5
    if (v := s6 + c6) > best:
        best, p = v, 6
    if (v := s7 + c7) > best:
        best, p = v, 7
    if (v := s8 + c8) > best:
        best, p = v, 8
    return best, p


assert LABELS[1::2] == ("B-PER", "B-ORG", "B-LOC", "B-MISC"), "decode reads B- at 1, 3, 5, 7"


def decode(
    emissions: list[list[float]],
    transitions: Sequence[Sequence[float]],
    into: Sequence[Sequence[float]],
) -> list[int]:
    """:func:`viterbi`'s labels for a run of two tokens or more, found quicker (``into``:
    ``columns(transitions)``).

    The same floats are added in the same order, and a tie goes to the first label, as there.
    O and the B- labels may follow any label: the best before each is :func:`_best`; an I-
    label follows its B- or itself only. The scores of the I- labels at a run's start are so
    low that they never win, as the other loop never tried them."""
    start, first = transitions[OUT], emissions[0]
    score = [start[k] + first[k] if ALLOWED[OUT][k] else _NEG for k in range(N)]
    back: list[tuple[int, ...]] = []
    c0, c1, c3, c5, c7 = into[0], into[1], into[3], into[5], into[7]
    t12, t22 = transitions[1][2], transitions[2][2]
    t34, t44 = transitions[3][4], transitions[4][4]
    t56, t66 = transitions[5][6], transitions[6][6]
    t78, t88 = transitions[7][8], transitions[8][8]
    for t in range(1, len(emissions)):
        r0, r1, r2, r3, r4, r5, r6, r7, r8 = emissions[t]
        b0, p0 = _best(score, c0)
        b1, p1 = _best(score, c1)
        b3, p3 = _best(score, c3)
        b5, p5 = _best(score, c5)
        b7, p7 = _best(score, c7)
        _, s1, s2, s3, s4, s5, s6, s7, s8 = score
        b2, p2 = (w, 2) if (w := s2 + t22) > (v := s1 + t12) else (v, 1)
        b4, p4 = (w, 4) if (w := s4 + t44) > (v := s3 + t34) else (v, 3)
        b6, p6 = (w, 6) if (w := s6 + t66) > (v := s5 + t56) else (v, 5)
        b8, p8 = (w, 8) if (w := s8 + t88) > (v := s7 + t78) else (v, 7)
        score = [b0 + r0, b1 + r1, b2 + r2, b3 + r3, b4 + r4, b5 + r5, b6 + r6, b7 + r7, b8 + r8]
        back.append((p0, p1, p2, p3, p4, p5, p6, p7, p8))
    finals = [value + moves[OUT] for value, moves in zip(score, transitions, strict=True)]
    last = finals.index(max(finals))  # the first best, as max(key=) gives
    labels = [last]
    for pointers in reversed(back):
        labels.append(pointers[labels[-1]])
    labels.reverse()
    return labels


@dataclass(slots=True)
class Name:
    """A name the tagger found: tokens ``first`` to ``last - 1``, its type, how sure it was.

    Never changed once made (the rules make a new one), but not frozen: a frozen dataclass is
    made three times slower, and the tagger and the rules make one for every name."""

    first: int
    last: int
    type: str
    #: The margin of the name's label over "not a name" on its first token (larger is surer).
    confidence: float


def names_in(labels: Sequence[int], offset: int, emissions: list[list[float]]) -> Iterator[Name]:
    """Names from one run's labels (``offset``: the run's first token index)."""
    i = 0
    while i < len(labels):
        label = LABELS[labels[i]]
        if label == "O":
            i += 1
            continue
        kind = label[2:]
        j = i + 1
        while j < len(labels) and LABELS[labels[j]] == "I-" + kind:
            j += 1
        confidence = emissions[i][labels[i]] - emissions[i][OUT]
        yield Name(offset + i, offset + j, kind, confidence)
        i = j


class Model:
    """Weights for the features: a row of N numbers per feature, and the label transitions."""

    def __init__(
        self, features: Sequence[str], weights: array, transitions: list[list[float]]
    ) -> None:
        self.rows = {feature: index * N for index, feature in enumerate(features)}
        self.weights = weights
        self.transitions = transitions
        self._row_cache: dict[str, tuple[float, ...] | None] = {}
        self._word_cache: dict[str, tuple[float, ...]] = {}
        self._neighbour_cache: dict[int, dict[str, tuple[float, ...]]] = {
            slot: {} for slot in (-2, -1, 1, 2)
        }
        self._place_cache: dict[tuple[bool, bool, bool, str], tuple[float, ...]] = {}
        self._combination_cache: dict[tuple[str, ...], tuple[float, ...]] = {}
        self._cue_cache: dict[tuple[bool, str | None, bool, bool], tuple[float, ...]] = {}

    @classmethod
    def load(cls, path: Path = WEIGHTS) -> Model:
        data = json.loads(gzip.decompress(path.read_bytes()))
        weights = array("f")
        weights.frombytes(base64.b64decode(data["weights"]))
        if data["labels"] != list(LABELS):
            raise ValueError(f"{path}: labels {data['labels']} are not {list(LABELS)}")
        return cls(data["features"], weights, data["transitions"])

    def save(self, path: Path) -> None:
        features = sorted(self.rows, key=self.rows.__getitem__)
        data = {
            "labels": list(LABELS),
            "features": features,
            "weights": base64.b64encode(self.weights.tobytes()).decode("ascii"),
            "transitions": [[round(v, 4) for v in row] for row in self.transitions],
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(data).encode(), mtime=0))

    def emission(self, feats: Sequence[str]) -> list[float]:
        """The score of each label for a token with these features."""
        out = [0.0] * N
        rows, weights = self.rows, self.weights
        for feature in feats:
            base = rows.get(feature)
            if base is not None:
                for label in range(N):
                    out[label] += weights[base + label]
        return out

    def _row(self, feature: str) -> tuple[float, ...] | None:
        """The weights of one feature (None for a feature the model does not have)."""
        try:
            return self._row_cache[feature]
        except KeyError:
            base = self.rows.get(feature)
            row = None if base is None else tuple(self.weights[base : base + N])
            self._row_cache[feature] = row
            return row

    def _word_row(self, word: str, lex: Lexicon) -> tuple[float, ...]:
        """The summed weights of a word's own features (a word's are the same in every text)."""
        try:
            return self._word_cache[word]
        except KeyError:
            row = self._word_cache[word] = self._sum(word_features(word, lex))
            return row

    def _sum(self, features: Sequence[str]) -> tuple[float, ...]:
        """The summed weights of several features (zeros when the model has none of them)."""
        rows = [r for f in features if (r := self._row(f)) is not None]
        if not rows:
            return ZERO
        return rows[0] if len(rows) == 1 else tuple(map(sum, zip(*rows, strict=True)))

    def _sum_of(self, features: tuple[str, ...]) -> tuple[float, ...]:
        """:meth:`_sum`, kept for each combination of features (there are few)."""
        try:
            return self._combination_cache[features]
        except KeyError:
            row = self._combination_cache[features] = self._sum(features)
            return row

    def _neighbour_row(self, slot: int, word: str) -> tuple[float, ...]:
        """The weights a word adds to the token ``slot`` places away (-2, -1, 1, 2)."""
        if word is EDGE:
            features: tuple[str, ...] = (f"w{slot:+d}:<edge>",)
        elif slot in (-1, 1):
            side = "-1" if slot < 0 else "+1"
            features = (f"w{side}:" + near(word), f"sh{side}:" + shape_of(word))
        else:
            features = (f"w{slot:+d}:" + near(word),)
        row = self._neighbour_cache[slot][word] = self._sum(features)
        return row

    def _own_and_doc_row(self, word: str, context: Context) -> tuple[float, ...]:
        """The word's own weights plus the article's for it, kept for the article."""
        own = self._word_cache.get(word) or self._word_row(word, context.lex)
        doc = self._sum_of(context.doc_features(word))
        row = context.row_cache[word] = tuple(map(add, own, doc))
        return row

    def _cue_row(self, kinds: tuple[bool, str | None, bool, bool]) -> tuple[float, ...]:
        """The weights of a run's cues, from what :func:`cue_kinds` found: the features of
        :func:`~reader.extract.features.run_cues`, kept for each combination."""
        org, noun, speech, place = kinds
        features = [
            *(("cue:org",) if org else ()),
            *(("cue:noun:" + noun,) if noun else ()),
            *(("cue:speech",) if speech else ()),
            *(("cue:prep",) if place else ()),
        ]
        row = self._cue_cache[kinds] = self._sum(features)
        return row

    def _place_row(self, key: tuple[bool, bool, bool, str]) -> tuple[float, ...]:
        row = self._place_cache[key] = self._sum(place_features(*key))
        return row

    def emissions(
        self, tokens: Tokens, first: int, last: int, context: Context
    ) -> list[list[float]]:
        """``emission(run_features(...))`` for each token of a run, from cached rows."""
        return next(self.run_emissions(tokens, [(first, last)], context))

    def run_emissions(
        self, tokens: Tokens, runs: Iterable[tuple[int, int]], context: Context
    ) -> Iterator[list[list[float]]]:
        """:meth:`emissions` of each run, in turn (what is looked up is looked up once).

        Each part of a token's features is summed once and kept: the word's own, each neighbour's
        in each place, the article's for the word, the token's place in its sentence and line;
        a token's emission is then the sum of seven rows (the word's own and the article's for it
        are kept summed). The tagger spends most of its time here, so this is written for speed.
        """
        lex, text, starts, ends = context.lex, tokens.text, tokens.starts, tokens.ends
        words, initial, caps, headline = tokens.words, tokens.initial, tokens.caps, tokens.headline
        n = len(words)
        docs, places, cue_rows = context.row_cache, self._place_cache, self._cue_cache
        before1, after1 = self._neighbour_cache[-1], self._neighbour_cache[1]
        before2, after2 = self._neighbour_cache[-2], self._neighbour_cache[2]
        plain = places.get(_INSIDE) or self._place_row(_INSIDE)
        for first, last in runs:
            phrases = phrase_features(tokens, first, last, lex) if last - first > 1 else None
            kinds = cue_kinds(text, starts[first], ends[last - 1])
            cues = cue_rows.get(kinds) or self._cue_row(kinds)
            out = []
            for i in range(first, last):
                word = words[i]
                ad = docs.get(word) or self._own_and_doc_row(word, context)
                opens = initial[i]
                special = opens or caps[i] or headline[i]
                if special:
                    key = (
                        opens,
                        caps[i],
                        headline[i] and not caps[i],
                        shape_of(word) if opens else "",
                    )
                    p = places.get(key) or self._place_row(key)
                else:
                    p = plain
                w = words[i - 1] if i and not opens else EDGE
                b1 = before1.get(w) or self._neighbour_row(-1, w)
                w = words[i + 1] if i + 1 < n else EDGE
                a1 = after1.get(w) or self._neighbour_row(1, w)
                w = words[i - 2] if i > 1 else EDGE
                b2 = before2.get(w) or self._neighbour_row(-2, w)
                w = words[i + 2] if i + 2 < n else EDGE
                a2 = after2.get(w) or self._neighbour_row(2, w)
                row = _total(ad, p, b1, a1, b2, a2, cues)
                if special or (phrases and i in phrases):
                    extra = []
                    if opens and i:  # the shape before a sentence's start still counts
                        extra.append("sh-1:" + shape_of(words[i - 1]))
                    if caps[i] or headline[i]:
                        extra.extend(line_features(tokens, i, lex))
                    if phrases and i in phrases:
                        extra.extend(phrases[i])
                    if extra:
                        row = list(map(add, row, self._sum_of(tuple(extra))))
                out.append(row)
            yield out

    def tag(self, tokens: Tokens, lex: Lexicon | None = None) -> list[Name]:
        """Every name in ``tokens``, in order."""
        context = Context(tokens, lex or lexicon())
        names: list[Name] = []
        transitions = self.transitions
        start, end = transitions[OUT], [row[OUT] for row in transitions]
        into = columns(transitions)
        runs = candidate_runs(tokens)
        each = self.run_emissions(tokens, runs, context)
        for (first, last), emissions in zip(runs, each, strict=True):
            if last - first == 1:  # most runs: decoded at once
                row = emissions[0]
                scores = [start[k] + row[k] + end[k] for k in _ONE]
                label = _ONE[scores.index(max(scores))]  # the first best, as max(key=) gives
                if label != OUT:
                    kind = LABELS[label][2:]
                    names.append(Name(first, last, kind, row[label] - row[OUT]))
                continue
            labels = decode(emissions, transitions, into)
            names.extend(names_in(labels, first, emissions))
        return names


@cache
def model() -> Model:
    """The shipped model (loaded once, when first needed)."""
    return Model.load()
