"""Load the labelled dev set: ``devset/NNN_name.txt`` with ``devset/NNN_name.json``.

A label file lists entities; each mention is given as its exact text, optionally followed by
``@i,j`` to keep only those occurrences (0-based, counting every whole-word occurrence of the
text in the article). Longer mention texts are placed first and a span is never labelled twice,
so "Lindqvist" does not also match inside "Anna Lindqvist" when both are listed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

DEVSET = Path(__file__).resolve().parent / "devset"


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    spans: tuple[tuple[int, int], ...]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    pat = re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def resolve(text: str, labels: dict) -> list[GoldEntity]:
    items = []  # (mention text, entity index, allowed occurrence indexes or None)
    for idx, ent in enumerate(labels["entities"]):
        for spec in ent["mentions"]:
            mtext, _, which = spec.partition("@")
            allowed = {int(x) for x in which.split(",")} if which else None
            items.append((mtext, idx, allowed))
    taken: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {i: [] for i in range(len(labels["entities"]))}
    for mtext, idx, allowed in sorted(items, key=lambda x: -len(x[0])):
        occ = occurrences(text, mtext)
        if not occ:
            raise ValueError(f"label {mtext!r} not found")
        for k, (s, e) in enumerate(occ):
            if allowed is not None and k not in allowed:
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            spans[idx].append((s, e))
    return [
        GoldEntity(ent["name"], ent["type"], tuple(sorted(spans[i])))
        for i, ent in enumerate(labels["entities"])
    ]


def load(folder: Path = DEVSET) -> list[tuple[str, str, list[GoldEntity]]]:
    out = []
    for txt in sorted(folder.glob("*.txt")):
        label_file = txt.with_suffix(".json")
        if not label_file.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        labels = json.loads(label_file.read_text(encoding="utf-8"))
        out.append((txt.stem, text, resolve(text, labels)))
    return out
