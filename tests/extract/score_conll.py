"""Score the entities pane on real labelled news: CoNLL-2003 English, turned back into prose.

Run: ``READER_CONLL=FOLDER python tests/extract/score_conll.py [--split testa|train]
[--errors N]``. FOLDER holds ``eng.train`` and ``eng.testa`` (CoNLL-2003 English: train to learn
from, testa to measure on; the test split is kept for judging and never read here). The Reuters
text may not be redistributed: it stays outside the repository, and without it this prints why
and exits 0, so CI passes without the data.

Exact span and type, micro-averaged: PERSON is scored as PER, ORG as ORG, PLACE as LOC; GROUP
(nationalities and the like, which CoNLL calls MISC) and MISC are left out on both sides. Reported
for all documents, and for prose documents apart from tables of results (see
``Document.is_prose``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.extract import extract_entities
from reader.extract.conll import Document, read_documents

ENV = "READER_CONLL"
SCORED = ("PER", "ORG", "LOC")
OURS = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC"}


def data_folder() -> Path | None:
    """The folder named by READER_CONLL, if it holds the files; else None."""
    raw = os.environ.get(ENV)
    if not raw:
        return None
    folder = Path(raw).expanduser()
    return folder if (folder / "eng.testa").is_file() else None


def predicted(text: str) -> set[tuple[int, int, str]]:
    spans = set()
    for entity in extract_entities(text):
        kind = OURS.get(entity.type)
        if kind:
            spans.update((m.start, m.end, kind) for m in entity.mentions)
    return spans


@dataclass
class Tally:
    true: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    missed: Counter[str] = field(default_factory=Counter)

    def add(self, gold: set[tuple[int, int, str]], guess: set[tuple[int, int, str]]) -> None:
        for _, _, kind in gold & guess:
            self.true[kind] += 1
        for _, _, kind in guess - gold:
            self.false[kind] += 1
        for _, _, kind in gold - guess:
            self.missed[kind] += 1

    def prf(self, kinds: tuple[str, ...] = SCORED) -> tuple[float, float, float]:
        tp = sum(self.true[k] for k in kinds)
        fp = sum(self.false[k] for k in kinds)
        fn = sum(self.missed[k] for k in kinds)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Score:
    all: Tally = field(default_factory=Tally)
    prose: Tally = field(default_factory=Tally)
    documents: int = 0
    prose_documents: int = 0
    seconds: float = 0.0
    characters: int = 0
    errors: list[tuple[Document, set, set]] = field(default_factory=list)


def gold_of(document: Document) -> set[tuple[int, int, str]]:
    return {(n.start, n.end, n.type) for n in document.names if n.type in SCORED}


def score(documents: list[Document], keep_errors: bool = False) -> Score:
    result = Score()
    for document in documents:
        began = time.perf_counter()
        guess = predicted(document.text)
        result.seconds += time.perf_counter() - began
        result.characters += len(document.text)
        gold = gold_of(document)
        result.all.add(gold, guess)
        result.documents += 1
        if document.is_prose:
            result.prose.add(gold, guess)
            result.prose_documents += 1
        if keep_errors and gold != guess:
            result.errors.append((document, gold, guess))
    return result


def report(result: Score) -> str:
    lines = []
    for label, tally, count in (
        ("all documents", result.all, result.documents),
        ("prose documents", result.prose, result.prose_documents),
    ):
        p, r, f = tally.prf()
        per_type = "  ".join(f"{k} {tally.prf((k,))[2]:.3f}" for k in SCORED)
        lines.append(f"{label:16} ({count:4}): P {p:.3f} R {r:.3f} F1 {f:.3f}   {per_type}")
    speed = result.characters / result.seconds / 1e6 if result.seconds else 0.0
    lines.append(f"entities at {speed:.2f} MB/s over {result.characters / 1e6:.2f} MB")
    return "\n".join(lines)


def show_errors(result: Score, limit: int) -> str:
    out = []
    for document, gold, guess in result.errors[:limit]:
        text = document.text
        out.append(f"--- document {document.index} ({'prose' if document.is_prose else 'table'})")
        for start, end, kind in sorted(gold - guess):
            out.append(f"  missed  {kind:4} {text[start:end]!r}")
        for start, end, kind in sorted(guess - gold):
            out.append(f"  wrong   {kind:4} {text[start:end]!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("testa", "train"), default="testa")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N documents")
    args = parser.parse_args(argv)
    folder = data_folder()
    if folder is None:
        print(f"skipped: set {ENV} to a folder with CoNLL-2003 eng.train and eng.testa")
        return 0
    documents = read_documents(folder / f"eng.{args.split}")
    result = score(documents, keep_errors=args.errors > 0)
    print(f"CoNLL-2003 eng.{args.split}: exact span + type, PER/ORG/LOC")
    print(report(result))
    if args.errors:
        print(show_errors(result, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
