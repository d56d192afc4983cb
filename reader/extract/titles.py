"""Quoted names that are no quotations: titles of shows, books and events, and nicknames.

News puts the name of a programme, a book or a tour in quotation marks ("said on NBC's “Meet
the Press.”", "author of “A Bitter Pill”", "a “Jeb Can Fix It” bus tour", 'Juan "Chico" Ruiz').
Nobody said those words, so such a span keeps no speaker, and the quote after it goes on from
the one before. A title is written in title case and stands where a name does: after a
possessive or a noun for a work, or before a noun for an event or a thing.
"""

from __future__ import annotations

import re

from .cues import SPEECH_NOUNS
from .quote_marks import Piece

_SMALL = frozenset("a an the of and or to in on for at by with from vs vs. de la el is it".split())  # noqa: SIM905
# Nouns for a work whose title follows them: "the book “…”", "on “…”". Not "a memo titled
# “…”": a title its author gave may well be the author's words.
_BEFORE = frozenset(
    """show program programme book novel film movie documentary album song series
    newsletter podcast magazine segment episode play musical sitcom broadcast channel
    on""".split()  # noqa: SIM905
)
# "author of “…”", "host of “…”": the title of what someone made.
_MAKERS = frozenset(
    """author host hosts anchor star stars creator director editor producer writer""".split()  # noqa: SIM905
)
# Nouns that a title names: "the “Three Amigos” summit", "a “Star Power” award".
_AFTER = frozenset(
    """summit tour bag award awards feature program show series event rally conference
    hat hats shirt shirts sign signs book film movie song album caucus club
    bus initiative act bill plan party forum project debate contest competition
    challenge festival concert parade march exhibit exhibition prize""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[\w’'.-]+")


def _title_case(content: str) -> bool:
    words = _WORD.findall(content)
    if not words or len(words) > 10:
        return False
    caps = 0
    for w in words:
        if w[:1].isupper() or w[:1].isdigit():
            caps += 1
        elif w.lower() not in _SMALL:
            return False
    return caps > 0 and words[0][:1].isupper()


def is_title(text: str, p: Piece, para_start: int) -> bool:
    """Whether the piece ``p`` is a title or a nickname rather than a quotation."""
    if p.close is None or p.carried or p.end - p.start > 80 or not text[p.start].isupper():
        return False  # cheap tests first: most quotes are long or open in lower case
    content = text[p.start : p.end].rstrip(".,!?")
    if not _title_case(content):
        return False
    before = text[max(para_start, p.open - 60) : p.open].split()
    after = text[p.close + 1 : p.close + 40].replace("”", " ").split()
    prev = before[-1] if before else ""
    nxt = after[0].strip(",.;:") if after else ""
    low = prev.lower()
    if nxt.lower() in SPEECH_NOUNS or nxt.lower() in ("slogan", "rallying", "battle"):
        return False  # "Kerr’s “Make Ohio Great” slogan": words someone says
    if prev.endswith(("’s", "'s")) and prev[:1].isupper():
        return True  # "NBC's “Meet the Press”"
    if low in _BEFORE:
        return True  # "the book “…”", "on “Fox News Sunday”"
    if low == "of" and len(before) > 1 and before[-2].lower().strip(",") in _MAKERS:
        return True  # "author of “…”"
    if nxt.lower() in _AFTER and nxt[:1].islower():
        return True  # "a “Jeb Can Fix It” bus tour"
    return _nickname(text, p, content, prev, nxt)


def _nickname(text: str, p: Piece, content: str, prev: str, nxt: str) -> bool:
    """'Juan “Chico” Ruiz': a nickname between the names."""
    return (
        len(content.split()) <= 2
        and prev[:1].isupper()
        and prev.isalpha()
        and nxt[:1].isupper()
        and text[p.close + 1 : p.close + 2] == " "  # type: ignore[operator]
    )


def is_nickname(text: str, p: Piece) -> bool:
    """Whether ``p`` is a nickname inside a name ('Marcia “Cia” Price'), which the writer's
    sentence reads through as part of the name."""
    if (
        p.close is None
        or p.carried
        or p.end - p.start > 24
        or not text[p.start : p.start + 1].isupper()
    ):
        return False
    content = text[p.start : p.end]
    if not _title_case(content):
        return False
    before = text[max(0, p.open - 30) : p.open].split()
    after = text[p.close + 1 : p.close + 30].split()
    return _nickname(text, p, content, before[-1] if before else "", after[0] if after else "")
