"""Type a name from the words around it: "the agency Ibama", "Zamfara state", "the town of
Sabac", "Stripe, the payments company", "Smith said", "in Hackney"."""

from __future__ import annotations

import re

from .lexicon import ORG_NOUNS, PLACE_NOUNS, PLACE_PREPS, SPEECH

_PREV = re.compile(r"([A-Za-z]+)(?:[ \u00a0]+of)?[ \u00a0]+$")
_PREV_WORD = re.compile(r"([A-Za-z]+)[ \u00a0]*,?[ \u00a0]*$")
_NEXT = re.compile(r"(?:’s|'s)?[ \u00a0]+([a-z]+)")
_NEXT_SPEECH = re.compile(r"[ \u00a0]*,?[ \u00a0]*([a-z]+)")
_APPOS = re.compile(
    r",[ \u00a0]+(?:the|a|an|its|which[ \u00a0]+is[ \u00a0]+(?:the|a|an))[ \u00a0]+"
    r"(?:[\w’'-]+[ \u00a0]+){0,3}?([a-z]+)(?=[ \u00a0]*[,.;)]|[ \u00a0]+(?:of|for|that|which|in|"
    r"on|founded|based|owned|run|led|known|with|where|near|at)\b)"
)


def speech_near(text: str, start: int, end: int) -> bool:
    m = _NEXT_SPEECH.match(text, end, end + 30)
    if m and m.group(1) in SPEECH:
        return True
    p = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(p and p.group(1) in SPEECH and text[p.end() - 1 : p.end()] != ",")


def appos_type(text: str, end: int) -> str | None:
    """ORG or PLACE from an appositive: "Morena, the ruling party"."""
    m = _APPOS.match(text, end, end + 90)
    if m:
        word = m.group(1)
        if word in ORG_NOUNS:
            return "ORG"
        if word in PLACE_NOUNS:
            return "PLACE"
    return None


def noun_type(text: str, start: int, end: int) -> str | None:
    """ORG or PLACE from a common noun just before, just after, or in an appositive."""
    typ = appos_type(text, end)
    if typ:
        return typ
    p = _PREV.search(text, max(0, start - 30), start)
    if p:
        word = p.group(1)
        if word in PLACE_NOUNS:
            return "PLACE"
        if word in ORG_NOUNS and " of" not in p.group(0):
            return "ORG"
    n = _NEXT.match(text, end, end + 25)
    if n:
        word = n.group(1)
        if word in PLACE_NOUNS and word not in ("republic", "nation", "country"):
            return "PLACE"
    return None


def prep_place(text: str, start: int) -> bool:
    p = _PREV_WORD.search(text, max(0, start - 20), start)
    return bool(p and p.group(1).lower() in PLACE_PREPS and text[p.end() - 1 : p.end()] != ",")


_COORD_BEFORE = re.compile(r"(?:,|,? and|,? or)[ \u00a0]+$")
_COORD_AFTER = re.compile(r"(?:,|,? and|,? or)[ \u00a0]+")


def coordinated(
    text: str, start: int, end: int, typed_ends: dict, typed_starts: dict
) -> str | None:
    """The type of a typed name this one is listed with: "Manali and Kullu"."""
    m = _COORD_BEFORE.search(text, max(0, start - 8), start)
    if m and m.start() in typed_ends:
        return typed_ends[m.start()]
    m = _COORD_AFTER.match(text, end, end + 8)
    if m and m.end() in typed_starts:
        return typed_starts[m.end()]
    return None
