"""Score ``reader.extract`` on the labelled dev set.

Run: ``python tests/extract/score.py`` (per-type precision, recall and F1 for exact span + type,
and for exact span ignoring type; then the quote metrics: found, speaker and kind accuracy),
``--errors`` to list every miss and false alarm, and
``--show NAME`` to print one article with its gold labels in brackets (to check labels).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset_io import load

from reader.extract import ENTITY_TYPES, extract_entities, extract_quotes

_DETS = ("the ", "a ", "an ", "its ", "his ", "her ", "their ")


def quote_gold(folder: Path | None = None) -> list[tuple[str, str, list[dict]]]:
    """Articles with a ``quotes`` list: (name, text, [{start, end, speaker, kind}])."""
    import json

    from devset_io import DEVSET

    out = []
    for txt in sorted((folder or DEVSET).glob("*.txt")):
        lab_file = txt.with_suffix(".json")
        if not lab_file.exists():
            continue
        labels = json.loads(lab_file.read_text(encoding="utf-8"))
        if "quotes" not in labels:
            continue
        text = txt.read_text(encoding="utf-8")
        gold = []
        for q in labels["quotes"]:
            if "start" in q:
                start, end = q["start"], q["end"]
            else:
                start, k = -1, q.get("occurrence", 0)
                for _ in range(k + 1):
                    start = text.find(q["text"], start + 1)
                if start < 0:
                    raise ValueError(f"{txt.stem}: quote {q['text']!r} not found")
                end = start + len(q["text"])
            gold.append({"start": start, "end": end, "speaker": q["speaker"], "kind": q["kind"]})
        out.append((txt.stem, text, gold))
    return out


def _norm(name: str) -> list[str]:
    import unicodedata

    name = unicodedata.normalize("NFKD", name.casefold().replace("’", "'"))
    name = "".join(c for c in name if not unicodedata.combining(c))
    for d in _DETS:
        if name.startswith(d):
            name = name[len(d) :]
    return name.replace("'s ", " ").split()


def same_speaker(pred: str | None, gold: str | None) -> bool:
    """Equal after case and determiners; or one name's words within the other's ("Osei" in
    "Victor Osei"); or, for descriptions, the same head noun ("officials")."""
    if pred is None or gold is None:
        return pred is None and gold is None
    p, g = _norm(pred), _norm(gold)
    if not p or not g:
        return p == g
    if p == g or set(p) <= set(g) or set(g) <= set(p):
        return True
    return p[-1].rstrip("s") == g[-1].rstrip("s") and not gold[:1].isupper()


def score_quotes(show_errors: bool = False) -> dict[str, float]:
    """Found (a predicted quote covers >= 50% of the gold span, one to one), speaker and kind
    accuracy over the found quotes, and precision of the predicted quotes."""
    n_gold = n_found = n_speaker = n_kind = n_pred = n_pred_ok = 0
    for name, text, gold in quote_gold():
        preds = extract_quotes(text)
        n_pred += len(preds)
        used: set[int] = set()
        for g in gold:
            n_gold += 1
            best, best_ov = None, 0
            for i, q in enumerate(preds):
                ov = min(q.end, g["end"]) - max(q.start, g["start"])
                if i not in used and ov > best_ov:
                    best, best_ov = i, ov
            if best is None or best_ov < 0.5 * (g["end"] - g["start"]):
                if show_errors:
                    print(f"{name}: MISS  {text[g['start'] : g['end']][:70]!r}")
                continue
            used.add(best)
            q = preds[best]
            n_found += 1
            ok_s = same_speaker(q.speaker, g["speaker"])
            n_speaker += ok_s
            n_kind += q.kind == g["kind"]
            if show_errors and not ok_s:
                print(f"{name}: SPEAKER {q.speaker!r} != {g['speaker']!r}  {q.text[:50]!r}")
            if show_errors and q.kind != g["kind"]:
                print(f"{name}: KIND {q.kind} != {g['kind']}  {q.text[:50]!r}")
        n_pred_ok += len(used)
        if show_errors:
            for i, q in enumerate(preds):
                if i not in used:
                    print(f"{name}: FALSE {q.kind} {q.speaker!r} {q.text[:60]!r}")
    return {
        "articles": len(quote_gold()),
        "quotes": n_gold,
        "found": n_found / n_gold if n_gold else 1.0,
        "speaker": n_speaker / n_found if n_found else 1.0,
        "kind": n_kind / n_found if n_found else 1.0,
        "precision": n_pred_ok / n_pred if n_pred else 1.0,
    }


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
    q = score_quotes("--errors" in argv)
    print(
        f"quotes: {q['quotes']} in {q['articles']} articles; found {q['found']:.3f} "
        f"(>= 50% overlap), speaker {q['speaker']:.3f}, kind {q['kind']:.3f} (over found), "
        f"precision {q['precision']:.3f}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
