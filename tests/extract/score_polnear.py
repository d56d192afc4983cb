"""Score the quotes pane on real political news: PolNeAR's attributions, turned into quotes.

Run: ``READER_POLNEAR=FOLDER python tests/extract/score_polnear.py [--split dev|train]
[--errors N] [--kind named|pronoun|description|none]``. FOLDER is PolNeAR's ``data`` folder (it
holds ``train/`` and ``dev/``, each with ``text/`` and ``attributions/``): train to learn from and
look at, dev to measure on; the test split is kept for judging and never read here. The text may
not be redistributed: it stays outside the repository, and without it this prints why and exits
0, so CI passes without the data.

How gold quotes and speakers are derived is a heuristic, written down in ``polnear_gold``. The
articles are read with ``reader.article.load_article`` and the extractor runs on
``Article.text``, as in the app. Measured:

* **found**: gold quotes that a predicted quote (direct, partial or continuation; reported speech
  is not a quotation) covers for at least half their length, one to one;
* **speaker**: over the found quotes, the share whose speaker is right (``same_speaker``:
  case-insensitive, titles, determiners and possessives dropped; equal, one name's words within
  the other's, or the same last word — a surname match counts; a description gold speaker is
  matched by its head noun, or by the name the article gives it; a gold quote with no speaker
  wants none);
* **quote+speaker P/R/F1**: a predicted quote with a speaker is right when it is matched to a gold
  quote and its speaker is right. Precision is over every predicted quote with a speaker, recall
  over every gold quote with one.

Each figure is split by the gold Source: named, pronoun, description, none (no Source).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear_gold import SPLITS, TITLES, GoldArticle, GoldQuote, load_split
from polnear_gold import description as description_head

from reader.extract import Quote, extract_entities, extract_quotes

ENV = "READER_POLNEAR"
KINDS = ("named", "pronoun", "description", "none")
_DETS = frozenset("the a an his her its their our one".split())  # noqa: SIM905
_DROP = _DETS | TITLES


def data_folder() -> Path | None:
    """The folder named by READER_POLNEAR, if it holds the dev split; else None."""
    raw = os.environ.get(ENV)
    if not raw:
        return None
    folder = Path(raw).expanduser()
    return folder if (folder / "dev" / "attributions").is_dir() else None


def _words(name: str, drop: frozenset[str] = _DROP) -> list[str]:
    name = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    out = []
    for raw in name.replace(",", " ").split():
        w = raw.removesuffix("'s").strip(".'\"()")
        if w and w not in drop:
            out.append(w)
    return out


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def same_name(pred: str, gold: str) -> bool:
    p, g = _words(pred), _words(gold)
    if not p or not g:
        return False
    return p == g or set(p) <= set(g) or set(g) <= set(p) or p[-1] == g[-1]


def same_speaker(pred: str | None, gold: GoldQuote) -> bool:
    """Whether the predicted speaker is the gold one (see the module's rules)."""
    if gold.speaker is None:
        return pred is None
    if pred is None:
        return False
    if gold.kind == "description":
        p, g = _words(description_head(pred), _DETS), _words(gold.speaker, _DETS)
        if p and g and _singular(p[-1]) == _singular(g[-1]):
            return True
        return any(same_name(pred, alt) for alt in gold.also)
    return same_name(pred, gold.speaker)


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)  # speaker right, over found
    gold_pairs: Counter[str] = field(default_factory=Counter)
    pred_pairs: Counter[str] = field(default_factory=Counter)  # by the matched gold's kind
    true_pairs: Counter[str] = field(default_factory=Counter)
    unmatched_pairs: int = 0  # predicted quotes with a speaker matching no gold quote
    unmatched_quoted: int = 0  # ... of them, over a quoted span that is no gold quote
    predicted: int = 0


def predicted_quotes(text: str) -> list[Quote]:
    quotes = extract_quotes(text, extract_entities(text))
    return [q for q in quotes if q.kind != "reported"]


def match(gold: tuple[GoldQuote, ...], preds: list[Quote]) -> dict[int, int]:
    """Gold index -> predicted index: the unused prediction overlapping most, if >= half."""
    used: set[int] = set()
    out = {}
    for gi, g in enumerate(gold):
        best, best_ov = None, 0
        for i, q in enumerate(preds):
            if q.start >= g.end or q.end <= g.start or i in used:
                continue
            ov = min(q.end, g.end) - max(q.start, g.start)
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None and best_ov * 2 >= g.end - g.start:
            used.add(best)
            out[gi] = best
    return out


def score_article(art: GoldArticle, tally: Tally, errors: list[str], kind: str | None) -> None:
    preds = predicted_quotes(art.text)
    tally.predicted += len(preds)
    matched = match(art.quotes, preds)
    for gi, g in enumerate(art.quotes):
        tally.gold[g.kind] += 1
        if g.speaker is not None:
            tally.gold_pairs[g.kind] += 1
        pi = matched.get(gi)
        if pi is None:
            if kind in (None, g.kind):
                errors.append(f"{art.name}: MISS [{g.kind}] {_context(art.text, g.start, g.end)}")
            continue
        q = preds[pi]
        tally.found[g.kind] += 1
        ok = same_speaker(q.speaker, g)
        tally.right[g.kind] += ok
        if q.speaker is not None:
            tally.pred_pairs[g.kind] += 1
            tally.true_pairs[g.kind] += ok
        if not ok and kind in (None, g.kind):
            errors.append(
                f"{art.name}: SPEAKER [{g.kind}] {q.speaker!r} != {g.speaker!r} "
                f"(source {g.source!r}, cue {q.cue!r})\n    {_context(art.text, g.start, g.end)}"
            )
    taken = set(matched.values())
    for i, q in enumerate(preds):
        if i in taken or q.speaker is None:
            continue
        tally.unmatched_pairs += 1
        if any(a < q.end and q.start < b for a, b in art.quoted_spans):
            tally.unmatched_quoted += 1


def _context(text: str, start: int, end: int, width: int = 160) -> str:
    before = text[max(0, start - width) : start].replace("\n", " | ")
    after = text[end : end + width // 2].replace("\n", " | ")
    return f"{before}[[{text[start:end][:80]}]]{after}"


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def figures(tally: Tally) -> dict[str, dict[str, float]]:
    """Per kind and for all: found, speaker, precision, recall, f1 and the counts."""
    out = {}
    for kind in (*KINDS, "all"):
        ks = KINDS if kind == "all" else (kind,)
        n = sum(tally.gold[k] for k in ks)
        found = sum(tally.found[k] for k in ks)
        right = sum(tally.right[k] for k in ks)
        tp = sum(tally.true_pairs[k] for k in ks)
        n_pred = sum(tally.pred_pairs[k] for k in ks)
        if kind == "all":
            n_pred += tally.unmatched_pairs
        p, r, f = _prf(tp, n_pred, sum(tally.gold_pairs[k] for k in ks))
        out[kind] = {
            "quotes": n,
            "found": found / n if n else 1.0,
            "speaker": right / found if found else 1.0,
            "precision": p,
            "recall": r,
            "f1": f,
        }
    return out


def run(folder: Path, split: str, kind: str | None = None) -> tuple[Tally, list[str], float]:
    articles = load_split(folder, split)
    tally, errors = Tally(), []
    t0 = time.perf_counter()
    for art in articles:
        score_article(art, tally, errors, kind)
    return tally, errors, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N errors")
    parser.add_argument("--kind", choices=KINDS, help="list errors of this source kind only")
    args = parser.parse_args(argv)
    folder = data_folder()
    if folder is None:
        print(f"{ENV} is not set to PolNeAR's data folder (with dev/attributions): nothing scored.")
        return 0
    tally, errors, seconds = run(folder, args.split, args.kind)
    figs = figures(tally)
    n_articles = len(load_split(folder, args.split))
    print(
        f"PolNeAR {args.split}: {n_articles} articles, {figs['all']['quotes']:.0f} gold quotes; "
        f"extraction {seconds:.1f} s"
    )
    print(f"{'source':12} {'quotes':>6} {'found':>6} {'speaker':>7} {'P':>6} {'R':>6} {'F1':>6}")
    for kind in (*KINDS, "all"):
        f = figs[kind]
        print(
            f"{kind:12} {f['quotes']:6.0f} {f['found']:6.3f} {f['speaker']:7.3f} "
            f"{f['precision']:6.3f} {f['recall']:6.3f} {f['f1']:6.3f}"
        )
    print(
        f"predicted quotes {tally.predicted}; with a speaker but no gold quote "
        f"{tally.unmatched_pairs} ({tally.unmatched_quoted} over quoted text no attribution "
        "covers)"
    )
    for line in errors[: args.errors]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
