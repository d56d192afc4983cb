"""A typed mention before mentions are merged into entities, and what its spelling says."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(slots=True)
class Raw:
    """A typed (or still untyped) mention before merging."""

    start: int
    end: int
    text: str
    type: str | None  # None: a bare capitalised word left for the merging step
    canon: str = ""  # gazetteer canonical name (places, groups)
    strong: bool = False  # the type has direct evidence (the tagger, a gazetteer, a cue word)
    title: str = ""  # a title written before the name ("President", "Foreign Minister")
    prefix: str = ""  # "then", "ex" ...
    initial: bool = False  # the mention opens a sentence
    confidence: float = 1.0  # how sure the tagger was of the type (its score margin)


_CAMEL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Du", "O’", "O'")


def camel_case(word: str) -> bool:
    """SoftBank, WestJet, GlaxoSmithKline: a company, not a McDonald or a DiCaprio."""
    return bool(_CAMEL.search(word)) and not word.startswith(_NAME_PREFIXES)
