"""Reported speech: a sentence with no quotation marks whose cue verb takes a content clause.

"Organizers said the march would go on", "The ministry denied any role in the attack", "The plan
will fail, according to the report". The content (what was said) is the item's span; the speaker
is resolved like a quote's. A sentence whose cue has no resolvable subject yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attribution import CUE_RE, REPORT_WORDS, Resolver, Speaker

_PASSIVE = re.compile(r"(?:\b(?:is|was|were|are|be|been|being|it’s|it's)\s+)$", re.I)
_LEAD = re.compile(
    r"\s*(?:,\s*)?(?:(?:on|late|early|last|this)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday|repeatedly|again|publicly|previously|earlier|"
    r"later|also|in\s+an?\s+(?:statement|interview|letter|post|email|speech|address))"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*)*(?:that\b)?\s*"
)
_OBJECT = re.compile(
    r"\s*(?:[\w’'.-]+\s+){1,3}?(?=(?:he|she|they|it|we|i|the|a|an|his|her|their|its|there|this|no|some|all)\b)",
    re.I,
)
_WH = re.compile(r"\s*(?:[\w’'.-]+\s+){0,4}?(?=(?:why|whether|if|how|what|when|where|who)\b)")
_POSTPOSED = re.compile(r"\s*(?:(?:on|late|early|last)\s+)?(?:\w+\s*)?(?:[.!?,]|$)")
_NOT_CLAUSE = ("to ", "for ", "of ", "about ", "with ", "by ", "in ", "on ", "at ", "and ", "so ")
_TOLD_THAT = re.compile(r"[^.;\x00]{0,80}?\bthat\b\s*")
_END_PUNCT = " \t\n.,;:!?—–-"


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int
    cue_end: int


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,":
        a += 1
    while b > a and text[b - 1] in _END_PUNCT:
        b -= 1
    return a, b


def find_reported(res: Resolver, s: int, e: int, para_start: int) -> Reported | None:
    """The reported speech in the sentence ``[s, e)`` of the masked text, if any."""
    m = res.masked
    for c in CUE_RE.finditer(m, s, e):
        word = c.group()
        if word == "according to":
            spk = res.inverted(c.end() + 1, e, para_start)
            if spk is None:
                continue
            if m[s : c.start()].strip() == "":
                comma = m.find(",", c.end(), e)
                if comma < 0:
                    continue
                # "According to the accountant, Jane Doe, at least …": skip the apposition
                nxt = m.find(",", comma + 1, e)
                if nxt > 0 and res.mentions_in(comma + 1, nxt) and len(m[comma:nxt].split()) <= 4:
                    comma = nxt
                a, b = _trim(m, comma + 1, e)
            else:
                a, b = _trim(m, s, c.start())
        else:
            if word not in REPORT_WORDS or _PASSIVE.search(m, max(s, c.start() - 12), c.start()):
                continue
            if c.start() > 0 and m[c.start() - 1] == "-":
                continue
            spk = res.subject(s, c.start(), para_start)
            if spk is None:
                continue
            a = c.end()
            before = m[s : c.start()].rstrip()
            if _POSTPOSED.match(m, c.end(), e) and before.count(",") >= 1:
                # "…, officials said." / "The bus is full, she said, and …"
                a, b = _trim(m, s, m.rfind(",", s, c.start()))
                if b - a >= 12:
                    return Reported(a, b, spk, word, c.start(), c.end())
                continue
            if word in ("asked", "asks"):
                t = _WH.match(m, a, e)
                if t is None:
                    continue
                a = t.end()
            elif word in ("told", "tells"):
                t = _TOLD_THAT.match(m, a, e) or _OBJECT.match(m, a, e)
                if t is None:
                    continue
                a = _LEAD.match(m, t.end(), e).end()  # type: ignore[union-attr]
            else:
                a = _LEAD.match(m, a, e).end()  # type: ignore[union-attr]
            tail = m[a : a + 6].lower()
            if tail.startswith(_NOT_CLAUSE):
                continue
            a, b = _trim(m, a, e)
        if b - a < 12 or len(m[a:b].split()) < 3:
            continue
        return Reported(a, b, spk, word, c.start(), c.end())
    return None
