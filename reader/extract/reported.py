"""Reported speech: a sentence with no quotation marks whose cue verb takes a content clause.

"Organizers said the march would go on", "The ministry denied any role in the attack", "The plan
will fail, according to the report". The content (what was said) is the item's span; the speaker
is the cue's, read by the same clause analysis as a quote's (``Resolver.cue_speaker``). A
sentence whose cue has no resolvable subject yields nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .attribution import Resolver, Speaker
from .cues import INVERTING, REPORT_RE, REPORT_WORDS

_PASSIVE = re.compile(r"(?:\b(?:is|was|were|are|be|been|being|it’s|it's)\s+)$", re.I)
_LEAD = re.compile(
    r"\s*(?:,\s*)?(?:(?:on|late|early|last|this)\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|today|yesterday|repeatedly|again|publicly|previously|earlier|"
    r"later|also|in\s+an?\s+(?:statement|interview|letter|post|email|speech|address))\b(?![’'])"
    r"(?:\s+(?:morning|afternoon|evening|night))?\s*,?\s*)*(?:that\b(?![’']))?\s*"
)
_OBJECT = re.compile(
    r"\s*(?:[\w’'.-]+\s+){1,3}?(?=(?:he|she|they|it|we|i|the|a|an|his|her|their|its|there|this|no|some|all)\b)",
    re.I,
)
_WH = re.compile(r"\s*(?:[\w’'.-]+\s+){0,4}?(?=(?:why|whether|if|how|what|when|where|who)\b)")
_POSTPOSED = re.compile(r"\s*(?:(?:on|late|early|last)\s+)?(?:\w+\s*)?(?:[.!?,]|$)")
_NOT_CLAUSE = (
    "to ",
    "for ",
    "of ",
    "about ",
    "with ",
    "by ",
    "in ",
    "on ",
    "at ",
    "and ",
    "so ",
    "against ",
)
_TOLD_THAT = re.compile(r"[^.;\x00]{0,80}?\bthat\b\s*")
_END_PUNCT = " \t\n.,;:!?—–-"
# "at least 90 people", "about 10% of cars": a quantity, not a preposition
_QUANTITY = re.compile(
    r"(?:at\s+(?:least|most)|about|around|up\s+to|more\s+than|fewer\s+than|less\s+than)\s+"
    r"(?:[\d$€£¥]|a\s|an\s|half|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds"
    r"|thousands|millions)",
    re.I,
)
_PREP_THAT = re.compile(r"[^.;:,\x00]{0,60}?\bthat\s+")
_OBJECT_CUES = frozenset(["warned", "warns", "told", "tells", "urged", "urges", "asked"])
_OBJECT_TO = re.compile(
    r"(?:(?!that\b|who\b|which\b|it\b|he\b|she\b|they\b|we\b|there\b)[\w’'.-]+\s+){1,9}?to\s+"
    r"(?!(?:the|a|an|\d)\b)[a-z]+\b(?![\w’'-]*(?:ed|s)\b)",
    re.I,
)
# after "added": a clause, not an object ("added that", "added it was", "added the plan would")
_CLAUSE_LIKE = re.compile(
    r"(?:that\b|(?:he|she|it|they|we|i|there|this)\b|(?:[\w’'.,%-]+\s+){0,6}?"
    r"(?:was|were|is|are|had|has|have|would|will|could|should|might|may|must|can|did|does|do)\b)",
    re.I,
)
_OBJECT_OR_CLAUSE = frozenset(
    """added adds recalled announced announces confirmed noted predicted stressed emphasized
    emphasised""".split()  # noqa: SIM905
)
_THAT_SUBJECT = re.compile(r"(?:was|is|were|are|would|will|had|has|could|should|might)\b")
#: A word that runs on over a position: a cue cut there may be found where the text has none.
_RUNS_ON = re.compile(r"\w[\w’'-]")
_TAKEOVER = re.compile(r",\s+(?:but|and|while|although|though|whereas)\s+")


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_start: int
    cue_end: int


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n,:;.)]":
        a += 1
    while b > a and text[b - 1] in _END_PUNCT:
        b -= 1
    return a, b


def find_reported(
    res: Resolver,
    s: int,
    e: int,
    para_start: int,
    cues: list[re.Match[str]] | None = None,
    cue_at: list[int] | None = None,
) -> list[Reported]:
    """The reported speech in the sentence ``[s, e)`` of the masked text: usually one item, two
    when a second speaker takes over ("X said …, but lawmakers said …"). ``cues`` are the
    text's ``REPORT_RE`` matches (``cue_at`` their starts), when the caller has them."""
    rep = _first(res, s, e, para_start, _cues_in(res.masked, s, e, cues, cue_at))
    if rep is None:
        return []
    m = res.masked
    if rep.start > rep.cue_end:
        for j in _TAKEOVER.finditer(m, rep.start, rep.end):
            c = REPORT_RE.search(m, j.end(), rep.end)
            if c is None or c.group().lower() not in REPORT_WORDS:
                continue
            if len(m[j.end() : c.start()].split()) > 6 or "," in m[j.end() : c.start()]:
                continue
            rest = find_reported(res, j.end(), e, para_start, cues, cue_at)
            if rest:
                a, b = _trim(m, rep.start, j.start())
                return [Reported(a, b, rep.speaker, rep.cue, rep.cue_start, rep.cue_end), *rest]
    return [rep]


def _clause_start(m: str, word: str, a: int, e: int) -> int | None:
    """Where the content clause after the cue ``word`` (ending at ``a``) starts, or None."""
    if word in ("asked", "asks"):
        t = _WH.match(m, a, e)
        return None if t is None else t.end()
    if word in ("told", "tells"):
        t = _TOLD_THAT.match(m, a, e) or _OBJECT.match(m, a, e)
        if t is None:
            return None
        return _LEAD.match(m, t.end(), e).end()  # type: ignore[union-attr]
    cue_end, a = a, _LEAD.match(m, a, e).end()  # type: ignore[union-attr]
    lead = m[cue_end:a].rstrip()
    if lead.endswith("that") and _THAT_SUBJECT.match(m, a, e):
        a = cue_end + len(lead) - 4  # "said that was not enough": "that" is the subject
    tail = m[a : a + 8].lower()
    if tail.startswith(_NOT_CLAUSE) and not _QUANTITY.match(m, a, e):
        # "wrote for the majority that …", "announced in August that …"
        t = _PREP_THAT.match(m, a, e)
        return None if t is None else t.end()
    if word in _OBJECT_CUES:
        head = m[a : a + 90]
        if _OBJECT_TO.match(head):
            return None  # "warned residents to leave", "urged the government to act"
    if word in _OBJECT_OR_CLAUSE and not _CLAUSE_LIKE.match(m, a, e):
        return None  # "the airline added flights", "the firm recalled 8,000 heaters"
    return a


def _cues_in(
    m: str, s: int, e: int, cues: list[re.Match[str]] | None, cue_at: list[int] | None
) -> Iterable[re.Match[str]]:
    """The cues in ``m[s:e]``: those of the whole text that lie inside, the same as a search
    of the span finds unless a word runs on past ``e`` (then the span is searched)."""
    if cues is None or cue_at is None or (e < len(m) and _RUNS_ON.match(m, e - 1)):
        return REPORT_RE.finditer(m, s, e)
    i = bisect.bisect_left(cue_at, s)
    j = i
    while j < len(cues) and cues[j].end() <= e:
        j += 1
    return cues[i:j]


def _first(
    res: Resolver, s: int, e: int, para_start: int, found: Iterable[re.Match[str]]
) -> Reported | None:
    m = res.masked
    for c in found:
        word = c.group().lower()
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
            spk = res.cue_speaker(s, e, c.start(), para_start)
            if spk is None:
                continue
            before = m[s : c.start()].rstrip()
            tail = m[c.end() : e]
            if (
                before.endswith(",")
                and word in INVERTING
                and len(tail.split()) <= 12
                and spk.name.split()[-1] in tail
            ):
                # "The plan works, said Kate Harb, a director.": what comes before the credit
                a, b = _trim(m, s, s + len(before) - 1)
                if b - a >= 12 and len(m[a:b].split()) >= 3:
                    return Reported(a, b, spk, word, c.start(), c.end())
                continue
            if _POSTPOSED.match(m, c.end(), e) and before.count(",") >= 1:
                # "…, officials said." / "The bus is full, she said, and …"
                a, b = _trim(m, s, m.rfind(",", s, c.start()))
                if b - a >= 12:
                    return Reported(a, b, spk, word, c.start(), c.end())
                continue
            start = _clause_start(m, word, c.end(), e)
            if start is None:
                continue
            a, b = _trim(m, start, e)
        if b - a < 12 or len(m[a:b].split()) < 3:
            continue
        return Reported(a, b, spk, word, c.start(), c.end())
    return None
