"""Rebuild the name tagger's weights (``weights/names.tagger``) from labelled news.

Run: ``python -m reader.extract.train_tagger FOLDER`` where FOLDER holds CoNLL-2003 English
``eng.train`` (learned from) and ``eng.testa`` (measured on after each pass, to choose how many
passes to keep). The data is not part of the project and is never shipped: only the weights are.
The result is the same for the same data (fixed seed, no clock), so anyone can check that the
shipped file comes from this script.

An averaged structured perceptron (Collins, 2002) over the candidate runs of each document, with
the features of :mod:`reader.extract.tagger`; features seen fewer than ``--min-count`` times in
training are left out, which keeps the file small.
"""

from __future__ import annotations

import argparse
import random
import sys
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from .conll import Document, read_documents
from .features import Context, candidate_runs, run_features
from .lexicon import lexicon
from .tagger import LABELS, OUT, WEIGHTS, Model, N, viterbi
from .tokens import Tokens, tokenize

SCORED = ("PER", "ORG", "LOC")


@dataclass(slots=True)
class Run:
    """One candidate run of a training document: its tokens' features and gold labels."""

    features: list[list[str]]
    gold: list[int]
    indexed: list[list[int]] | None = None


def gold_labels(tokens: Tokens, document: Document) -> list[int]:
    """BIO labels of our tokens from the document's gold names (tokens wholly inside a name)."""
    labels = [OUT] * len(tokens)
    starts = {start: i for i, start in enumerate(tokens.starts)}
    ends = tokens.ends
    for name in document.names:
        i = starts.get(name.start)
        if i is None:
            continue
        j = i
        while j < len(tokens) and ends[j] <= name.end:
            labels[j] = LABELS.index(("B-" if j == i else "I-") + name.type)
            j += 1
    return labels


#: Words a headline in title case leaves in lower case.
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "vs",
        "with",
    ]
)


def title_case(line: str) -> str:
    """``SHEARER NAMED AS ENGLAND CAPTAIN .`` as a headline is written today (same length)."""
    words = line.split(" ")
    out = []
    for k, word in enumerate(words):
        low = word.lower()
        out.append(low if k and low in _SMALL else word[:1] + low[1:])
    cased = " ".join(out)
    # A headline today has no full stop: the one the wire put there becomes a space.
    return cased[:-2] + "  " if cased.endswith(" .") else cased


def headline_copy(document: Document) -> Document | None:
    """The document with its headline in title case instead of capitals, the same names.

    The labelled news writes headlines in capitals; news today writes them in title case, where
    a capital says as little as at a sentence's start. Training on both teaches the tagger that.
    """
    start, end = document.sentences[0]
    line = document.text[start:end]
    if line != line.upper() or line == line.lower():
        return None
    text = document.text[:start] + title_case(line) + document.text[end:]
    return replace(document, text=text)


def runs_of(document: Document) -> list[Run]:
    tokens = tokenize(document.text)
    labels = gold_labels(tokens, document)
    context = Context(tokens, lexicon())
    return [
        Run(run_features(tokens, first, last, context), labels[first:last])
        for first, last in candidate_runs(tokens)
    ]


class Perceptron:
    """Weights with running sums for averaging (the 'lazy' update of Daumé's thesis)."""

    def __init__(self, features: Sequence[str]) -> None:
        self.features = list(features)
        size = len(self.features) * N
        self.w = [0.0] * size
        self.total = [0.0] * size
        self.t = [[0.0] * N for _ in range(N)]
        self.t_total = [[0.0] * N for _ in range(N)]
        self.step = 1

    def emission(self, indexes: list[int]) -> list[float]:
        out = [0.0] * N
        w = self.w
        for base in indexes:
            for label in range(N):
                out[label] += w[base + label]
        return out

    def update(self, run: Run, predicted: list[int]) -> None:
        assert run.indexed is not None
        step = self.step
        for indexes, gold, guess in zip(run.indexed, run.gold, predicted, strict=True):
            if gold == guess:
                continue
            for base in indexes:
                self.w[base + gold] += 1.0
                self.total[base + gold] += step
                self.w[base + guess] -= 1.0
                self.total[base + guess] -= step
        for gold_pair, guess_pair in zip(_pairs(run.gold), _pairs(predicted), strict=True):
            if gold_pair != guess_pair:
                self.t[gold_pair[0]][gold_pair[1]] += 1.0
                self.t_total[gold_pair[0]][gold_pair[1]] += step
                self.t[guess_pair[0]][guess_pair[1]] -= 1.0
                self.t_total[guess_pair[0]][guess_pair[1]] -= step

    def averaged(self) -> Model:
        step = self.step
        weights = array(
            "f", (w - total / step for w, total in zip(self.w, self.total, strict=True))
        )
        transitions = [
            [w - total / step for w, total in zip(row, totals, strict=True)]
            for row, totals in zip(self.t, self.t_total, strict=True)
        ]
        return Model(self.features, weights, transitions)


def _pairs(labels: list[int]) -> list[tuple[int, int]]:
    """Label bigrams of a run, from the OUT before it to the OUT after it."""
    return list(pairwise([OUT, *labels, OUT]))


def evaluate(model: Model, documents: Sequence[Document]) -> dict[str, tuple[float, float, float]]:
    """Exact span + type P/R/F1 of the tagger alone, per type and over PER/ORG/LOC."""
    true: Counter[str] = Counter()
    false: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    lex = lexicon()
    for document in documents:
        tokens = tokenize(document.text)
        found = {
            (tokens.starts[n.first], tokens.ends[n.last - 1], n.type)
            for n in model.tag(tokens, lex)
            if n.type in SCORED
        }
        gold = {(n.start, n.end, n.type) for n in document.names if n.type in SCORED}
        for *_, kind in found & gold:
            true[kind] += 1
        for *_, kind in found - gold:
            false[kind] += 1
        for *_, kind in gold - found:
            missed[kind] += 1
    scores = {}
    for kinds in [(k,) for k in SCORED] + [SCORED]:
        tp = sum(true[k] for k in kinds)
        fp = sum(false[k] for k in kinds)
        fn = sum(missed[k] for k in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        scores["+".join(kinds)] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return scores


def train(
    folder: Path, *, passes: int, min_count: int, seed: int, out: Path
) -> dict[str, tuple[float, float, float]]:
    train_docs = read_documents(folder / "eng.train")
    dev_docs = read_documents(folder / "eng.testa")
    copies = [c for document in train_docs if (c := headline_copy(document)) is not None]
    runs = [run for document in [*train_docs, *copies] for run in runs_of(document)]
    counts = Counter(f for run in runs for row in run.features for f in row)
    kept = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i * N for i, f in enumerate(kept)}
    for run in runs:
        run.indexed = [[index[f] for f in row if f in index] for row in run.features]
        run.features = []
    print(f"{len(runs):,} runs, {len(kept):,} features (of {len(counts):,})", flush=True)
    perceptron = Perceptron(kept)
    rng = random.Random(seed)
    best: tuple[float, int, Model] | None = None
    for number in range(1, passes + 1):
        rng.shuffle(runs)
        wrong = 0
        for run in runs:
            assert run.indexed is not None
            emissions = [perceptron.emission(ix) for ix in run.indexed]
            predicted = viterbi(emissions, perceptron.t)
            if predicted != run.gold:
                wrong += 1
                perceptron.update(run, predicted)
            perceptron.step += 1
        model = perceptron.averaged()
        scores = evaluate(model, dev_docs)
        f1 = scores["+".join(SCORED)][2]
        line = "  ".join(f"{k} {v[2]:.3f}" for k, v in scores.items())
        print(f"pass {number}: {wrong:,} runs wrong; dev {line}", flush=True)
        if best is None or f1 > best[0]:
            best = (f1, number, model)
    assert best is not None
    print(f"keeping pass {best[1]} (dev F1 {best[0]:.3f}); writing {out}")
    best[2].save(out)
    return evaluate(best[2], dev_docs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="folder with eng.train and eng.testa")
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2003)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    if not (args.folder / "eng.train").is_file() or not (args.folder / "eng.testa").is_file():
        print(f"{args.folder}: needs eng.train and eng.testa (CoNLL-2003 English)", file=sys.stderr)
        return 2
    train(args.folder, passes=args.passes, min_count=args.min_count, seed=args.seed, out=args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
