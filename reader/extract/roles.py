"""Roles of people: a title before the name, a role noun before it, or an appositive after it."""

from __future__ import annotations

import re

from .lexicon import COURTESY, TITLE_HEADS


def _w(words: str) -> list[str]:
    """A word list written as one string."""
    return words.split()


ROLE_HEADS = (
    TITLE_HEADS
    - COURTESY
    - frozenset(_w("""mr mrs ms miss dr dr. sir dame lady lord deputy chief first"""))
) | frozenset(
    _w(
        """official officials leader lawyer spy agent operative diplomat attache attaché soldier
    journalist reporter activist businessman businesswoman billionaire oligarch candidate
    opponent critic ally adviser advisor aide negotiator mediator researcher scientist
    historian author novelist artist singer actor actress player striker goalkeeper
    midfielder defender manager owner executive investor banker trader farmer teacher
    student nurse physician surgeon pilot driver witness victim suspect defendant plaintiff
    dissident blogger commentator strategist pollster organizer organiser chairperson head
    secretary-general president-elect treasurer auditor regulator lobbyist consultant
    architect engineer economist analyst correspondent editor writer photographer spokesman
    spokeswoman spokesperson mayor governor accountant paramedic firefighter priest employee
    worker volunteer miner doctor nurse midwife nominee challenger incumbent rival"""
    )
)
_SKIP = frozenset(_w("""alleged reported so-called then the a an its his her their our"""))
_WORD = r"[a-z][a-z’'-]*"
_BEFORE = re.compile(rf"(?<![\w’'-])((?:{_WORD}[ ]){{0,2}}({_WORD}))[ ]*,?[ ]*$")
_AFTER = re.compile(
    rf",[ ]+(?:who[ ]+is[ ]+|who[ ]+was[ ]+)?(?:the|a|an|its|his|her)[ ]+"
    rf"((?:[\w’'.-]+[ ]){{0,4}}?({_WORD}))(?=[ ]*[,.;)]|[ ]+(?:of|for|at|in|on|to|and)\b)"
)


def _compose(words: list[str]) -> str | None:
    """Keep the lower-case words that end in a role head: "foreign minister", "spokesman"."""
    if not words or words[-1] not in ROLE_HEADS:
        return None
    kept = [words[-1]]
    for w in reversed(words[:-1]):
        if not w[:1].islower() or w in _SKIP or w.endswith(("’s", "'s")):
            break
        kept.append(w)
    return " ".join(reversed(kept))


#: Abbreviated titles, written out as a role: "Gov." is "governor".
_SPELLED_OUT = {
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "maj": "major",
    "cmdr": "commander",
    "prof": "professor",
    "rev": "reverend",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
}


def title_role(title: str) -> str | None:
    """The role a title before a name gives: "Foreign Minister" is "foreign minister", "Gov."
    is "governor"; a courtesy title alone ("Mr.") gives none."""
    words = title.lower().replace(".", "").split()
    words = [_SPELLED_OUT.get(w, w) for w in words if w not in COURTESY]
    if not words:
        return None
    return " ".join(words)


_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz’'-"


def _last_word(before: str) -> str:
    """The word :data:`_BEFORE`'s role noun must be, if it matches: the lower-case letters (and
    apostrophes, hyphens) that end ``before``, past its spaces and one comma (and a final line
    break, which ``$`` lets by). Checked first, it spares most searches, which try every place."""
    if before.endswith("\n"):
        before = before[:-1]
    before = before.rstrip(" ")
    if before.endswith(","):
        before = before[:-1].rstrip(" ")
    return before[len(before.rstrip(_WORD_CHARS)) :]


def context_role(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 50) : start]
    m = _BEFORE.search(before) if _last_word(before) in ROLE_HEADS else None
    if m and m.group(2) in ROLE_HEADS:
        role = _compose(m.group(1).split())
        if role:
            return role
    if not text.startswith(",", end):
        return None  # every appositive opens with a comma: most names have none after them
    m = _AFTER.match(text, end, min(len(text), end + 90))
    if m and m.group(2) in ROLE_HEADS:
        return _compose(m.group(1).split())
    return None
