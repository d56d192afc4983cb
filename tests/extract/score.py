"""Score ``reader.extract`` on the labelled dev set.

Run: ``python tests/extract/score.py`` (per-type precision, recall and F1 for exact span + type,
and for exact span ignoring type), ``--errors`` to list every miss and false alarm, and
``--show NAME`` to print one article with its gold labels in brackets (to check labels).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset_io import load

from reader.extract import ENTITY_TYPES, extract_entities


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(show_errors: bool = False) -> dict[str, tuple[float, float, float]]:
    counts: Counter[tuple[str, str]] = Counter()
    untyped: Counter[str] = Counter()
    for name, text, gold in load():
        g = {(s, e, ent.type) for ent in gold for s, e in ent.spans}
        p = {(m.start, m.end, ent.type) for ent in extract_entities(text) for m in ent.mentions}
        for typ in ENTITY_TYPES:
            gt = {x for x in g if x[2] == typ}
            pt = {x for x in p if x[2] == typ}
            counts[(typ, "tp")] += len(gt & pt)
            counts[(typ, "fp")] += len(pt - gt)
            counts[(typ, "fn")] += len(gt - pt)
        g2, p2 = {x[:2] for x in g}, {x[:2] for x in p}
        untyped["tp"] += len(g2 & p2)
        untyped["fp"] += len(p2 - g2)
        untyped["fn"] += len(g2 - p2)
        if show_errors:
            for s, e, t in sorted(g - p):
                print(f"{name}: MISS  {t:6} {text[s:e]!r} @{s}")
            for s, e, t in sorted(p - g):
                print(f"{name}: FALSE {t:6} {text[s:e]!r} @{s}")
    result = {}
    for typ in ENTITY_TYPES:
        result[typ] = prf(counts[(typ, "tp")], counts[(typ, "fp")], counts[(typ, "fn")])
    tot = [sum(counts[(t, k)] for t in ENTITY_TYPES) for k in ("tp", "fp", "fn")]
    result["ALL"] = prf(*tot)
    result["UNTYPED"] = prf(untyped["tp"], untyped["fp"], untyped["fn"])
    return result


def show(stem: str) -> None:
    for name, text, gold in load():
        if name.startswith(stem):
            marks = sorted(((s, e, ent.type) for ent in gold for s, e in ent.spans), reverse=True)
            for s, e, t in marks:
                text = text[:s] + "[" + text[s:e] + "|" + t + "]" + text[e:]
            print(text)


def main(argv: list[str]) -> None:
    if "--show" in argv:
        show(argv[argv.index("--show") + 1])
        return
    res = score("--errors" in argv)
    print(f"{len(load())} articles; exact span + type (ALL), exact span only (UNTYPED)")
    print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6}")
    for k, (p, r, f) in res.items():
        print(f"{k:8} {p:6.3f} {r:6.3f} {f:6.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
