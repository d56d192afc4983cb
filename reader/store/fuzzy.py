"""Find a highlight's quote again after its words changed: the fuzzy step of anchoring.

First, spans that still lie between the old prefix and suffix; failing that, difflib alignments
around places the quote's pieces, its context or the old position point to (a 1 MB article stays
fast). The aligned ends are then set like the quote's own: on a word boundary where the quote
began or ended on one, against the old context where that is still in place, never across a
sentence end the quote did not cross, and so that a changed word is covered whole. A match counts
when it keeps :data:`FUZZY_THRESHOLD` of the quote, or, between the old context on both sides,
when only a word or two differ (:data:`CONFIRMED_THRESHOLD`, :data:`CONFIRMED_EDIT`).

:func:`fuzzy_match` gives the likeliest such place as a :class:`Candidate`; :func:`likeliest` also
ranks an exact occurrence (made with :func:`candidate_at`) against it. Pure functions over
``str``; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher

from .context import (
    CONTEXT,
    IN_PLACE,
    after_in_place,
    agree_after,
    agree_before,
    before_in_place,
    context_score,
    sides_in_place,
)
from .graphemes import INSIDE, boundary_kind, in_word, snap_span, word_count
from .records import Target, TextQuote

#: Lowest similarity (0..1, difflib's ratio counted exactly) for a fuzzy match to count.
FUZZY_THRESHOLD = 0.8
#: With the old context in place on both sides a fuzzy match also counts when at least this much
#: is the same and at most :data:`CONFIRMED_EDIT` characters differ: a word or two replaced in a
#: short quote ("the news agency" to "the broadcasting agency"), not a rewritten paragraph.
CONFIRMED_THRESHOLD = 0.5
CONFIRMED_EDIT = 40
#: Quotes shorter than this are only matched exactly: a fuzzy match of two letters means nothing.
FUZZY_MIN_LENGTH = 5
#: A quote piece found more often than this says little about where the quote went.
_MAX_PIECE_HITS = 40
#: At most this many places are aligned with difflib (and spans between the context scored).
_MAX_CANDIDATES = 12
#: How far from the old place (edits before it shift it) an edited copy is looked for first.
_NEAR = 4096
#: How far past the quote's changed end text (twice its length, plus this) a new end is looked for.
_REACH = 24
#: How much further an end may go to reach the edge of a long word.
_LONG_WORD = 48
#: Matched runs shorter than this do not fix where a fuzzy match starts or ends.
_SOLID = 4
#: A sentence or line ends here (a span does not cross one its quote did not).
_BREAK = re.compile(r"\n|[.!?…][\"'”’)\]]*\s")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place the quote may be now, with the evidence for it."""

    start: int
    end: int
    similarity: float
    context_share: float  # how much of the old context agrees around it, 0..1
    sides: int  # on how many sides (0, 1, 2) the old context is in place

    @property
    def confirmed(self) -> bool:
        """The old context is in place on both sides: this is where the quote was."""
        return self.sides == 2


def candidate_at(
    text: str, quote: TextQuote, span: tuple[int, int], similarity: float
) -> Candidate:
    """``span`` as a candidate: its ``similarity`` and how the old context agrees around it."""
    start, end = span
    sides = sides_in_place(text, quote, start, end)
    total = len(quote.prefix) + len(quote.suffix)
    share = context_score(text, quote, start, end) / total if total else 1.0
    return Candidate(start, end, similarity, share, sides)


def fuzzy_match(text: str, target: Target) -> Candidate | None:
    """The likeliest place of an edited copy of the quote, or None when nothing counts."""
    exact = target.quote.exact
    if len(exact) < FUZZY_MIN_LENGTH or not text:
        return None
    old = min(target.position.start, len(text))
    # Edited where it stands: the old context is still there either side, the new words between.
    between = [_scored(text, target.quote, span) for span in _between(text, target)]
    best = likeliest(between, old, len(exact))
    if best is not None:
        return best
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(exact)  # difflib indexes the second sequence once, for every window
    length = len(exact)
    slack = length // 4 + 8  # room for insertions and for a guess off by up to one bucket
    tried: set[tuple[int, int]] = set()
    found: list[Candidate | None] = []
    for guess in _candidates(text, target):
        windows = [(max(0, guess - slack), guess + length + 2 * slack)]
        if guess == old:
            # Also a window hardly longer than the quote at the old place: in repetitive text
            # difflib's greedy blocks can prefer a copy of the same words just beside it.
            windows.insert(0, (old, old + length + length // 8 + 4))
        for low, high in windows:
            # No span of the window can be more alike than all of it has letters in common:
            # difflib (slow on a long quote) only where a match could count.
            common = _common_prefixes(text[low:high], exact)[-1]
            if 2 * common < FUZZY_THRESHOLD * (common + length):
                continue
            span = _span_in_window(matcher, text, target.quote, low, high)
            if span is not None and span not in tried:
                tried.add(span)
                found.append(_scored(text, target.quote, span))
    return likeliest(found, old, len(exact))


def likeliest(found: list[Candidate | None], old: int, length: int) -> Candidate | None:
    """The likeliest match: old context in place on more sides; then, where it is in place on
    both (the article repeats itself), the one nearer the old place, counted in quote lengths;
    then how alike it is to the quote plus how much of the old context agrees around it, weighed
    the same; then the nearest."""
    step = max(length, CONTEXT)

    def rank(match: Candidate) -> tuple[int, int, float, int]:
        distance = abs(match.start - old)
        nearer = -(distance // step) if match.confirmed else 0
        return match.sides, nearer, match.similarity + match.context_share, -distance

    return max((match for match in found if match is not None), key=rank, default=None)


def _between(text: str, target: Target) -> list[tuple[int, int]]:
    """Spans with the quote's old context in place on both sides, nearest the old place first."""
    quote, old = target.quote, target.position.start
    length = len(quote.exact)
    near = (max(0, old - length - _NEAR), old + 2 * length + _NEAR)
    starts = _context_edges(text, quote.prefix, near, before=True)
    ends = _context_edges(text, quote.suffix, near, before=False)
    shortest, longest = length // 2, 2 * length + _REACH
    spans = [(s, e) for s in starts for e in ends if shortest <= e - s <= longest]
    spans.sort(key=lambda span: abs(span[0] - old))
    # Not across more sentence ends than the quote held: that is other text, the quote gone.
    breaks = len(_BREAK.findall(quote.exact))
    spans = [(s, e) for s, e in spans if len(_BREAK.findall(text, s, e)) <= breaks]
    return [snap_span(text, s, e) for s, e in spans[:_MAX_CANDIDATES]]


def _context_edges(text: str, context: str, near: tuple[int, int], *, before: bool) -> list[int]:
    """Where a quote could start (``before``: its prefix ends) or end (its suffix starts)."""
    if len(context) < IN_PLACE:  # cut short by the start (end) of the text, and still is
        if before:
            return [len(context)] if text.startswith(context) else []
        return [len(text) - len(context)] if text.endswith(context) else []
    piece = context[-IN_PLACE:] if before else context[:IN_PLACE]
    # Near the old place first: in a repetitive article the first hits can all be elsewhere.
    hits = set(_find_all(text, piece, _MAX_PIECE_HITS, *near))
    hits.update(_find_all(text, piece, _MAX_PIECE_HITS))
    return sorted(hit + len(piece) if before else hit for hit in hits)


def _scored(text: str, quote: TextQuote, span: tuple[int, int]) -> Candidate | None:
    """The similarity and context of a span, or None when it is too unlike the quote."""
    now = text[span[0] : span[1]]
    match = candidate_at(
        text, quote, span, 1.0 if now == quote.exact else _similarity(now, quote.exact)
    )
    if match.similarity >= FUZZY_THRESHOLD:
        return match
    differ = round((len(now) + len(quote.exact)) * (1 - match.similarity))
    if match.confirmed and match.similarity >= CONFIRMED_THRESHOLD and differ <= CONFIRMED_EDIT:
        return match
    return None


def _similarity(a: str, b: str) -> float:
    """``2 * LCS / (len(a) + len(b))``: difflib's ratio, computed exactly.

    difflib takes the longest common block first, which in repetitive text ("the council said
    no. The council said yes.") can pair the wrong copies and count far too little.
    """
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * _common_prefixes(a, b)[-1] / (len(a) + len(b))


def _common_prefixes(a: str, b: str) -> list[int]:
    """The longest common subsequence of ``a[:k]`` and ``b``, for every ``k`` from 0.

    Bit-parallel (Allison and Dix; Hyyrö): one pass over ``a`` with ``b``'s positions as the bits
    of a Python integer, so a 2,000-character quote takes about a millisecond.
    """
    masks: dict[str, int] = {}
    for i, char in enumerate(b):
        masks[char] = masks.get(char, 0) | 1 << i
    full = (1 << len(b)) - 1
    row = full  # a 0 bit marks a column where the common subsequence grew
    common = [0]
    for char in a:
        matched = row & masks.get(char, 0)
        row = ((row + matched) | (row - matched)) & full
        common.append(len(b) - row.bit_count())
    return common


def _candidates(text: str, target: Target) -> list[int]:
    """Likely start positions of the changed quote, most promising first."""
    exact, prefix, suffix = target.quote.exact, target.quote.prefix, target.quote.suffix
    length = len(exact)
    votes: Counter[int] = Counter()
    bucket = max(4, length // 4)  # nearby guesses count as one place
    pieces = 8 if length >= 16 else 4
    size = max(3, length // pieces)
    for offset in range(0, max(1, length - size + 1), size):
        piece = exact[offset : offset + size]
        hits = _find_all(text, piece, _MAX_PIECE_HITS + 1)
        if len(hits) > _MAX_PIECE_HITS:
            continue
        for hit in hits:
            votes[(hit - offset) // bucket] += 1
    # The context either side still in place points at the quote between them.
    for context, shift in ((prefix[-16:], 0), (suffix[:16], -length)):
        if len(context) >= 8:
            hits = _find_all(text, context, _MAX_PIECE_HITS + 1)
            if len(hits) <= _MAX_PIECE_HITS:
                for hit in hits:
                    at = hit + len(context) if shift == 0 else hit + shift
                    votes[max(0, at) // bucket] += 2
    # The old position always gets a look: an edit inside the quote leaves it where it was.
    old = min(target.position.start, len(text))
    votes.pop(old // bucket, None)
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], abs(kv[0] * bucket - old)))
    top = ranked[0][1] if ranked else 0
    strong = [key * bucket for key, n in ranked if 3 * n >= top]
    return [old, *strong[: _MAX_CANDIDATES - 1]]


def _find_all(
    text: str, piece: str, limit: int, start: int = 0, end: int | None = None
) -> list[int]:
    hits: list[int] = []
    at = text.find(piece, start, end)
    while at >= 0 and len(hits) < limit:
        hits.append(at)
        at = text.find(piece, at + 1, end)
    return hits


def _span_in_window(
    matcher: SequenceMatcher[str], text: str, quote: TextQuote, low: int, high: int
) -> tuple[int, int] | None:
    """The span in ``text[low:high]`` that corresponds to the quote, its ends set like the quote's.

    ``matcher`` holds the quote as its second sequence; in its blocks ``a`` indexes the window and
    ``b`` the quote. The blocks fix the quote's unchanged middle; :func:`_edge` decides how far
    its changed ends reach.
    """
    matcher.set_seq1(text[low:high])
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return None
    # Letters matched here and there are chance: the quote is held by runs of a few, and the
    # ends (a letter or two of a replaced word) are for :func:`_edge` to weigh.
    blocks = [m for m in blocks if m.size >= _SOLID] or [max(blocks, key=lambda m: m.size)]
    while len(blocks) > 1 and _chance(blocks[0], _gap(blocks[0], blocks[1])):
        blocks.pop(0)
    while len(blocks) > 1 and _chance(blocks[-1], _gap(blocks[-2], blocks[-1])):
        blocks.pop()
    first, last = blocks[0], blocks[-1]
    exact = quote.exact
    start = _edge(text, quote, low + first.a, exact[: first.b], first.size, end=False)
    end = _edge(
        text, quote, low + last.a + last.size, exact[last.b + last.size :], last.size, end=True
    )
    start, end = snap_span(text, start, end)
    return (start, end) if start < end else None


def _chance(block: Match, gap: int) -> bool:
    """Whether a short run matched ``gap`` characters further off than in the quote is chance."""
    return block.size < 8 and gap > 2 * block.size


def _gap(left: Match, right: Match) -> int:
    """How much further apart two matching blocks are in the text (a) than in the quote (b)."""
    return (right.a - left.a - left.size) - (right.b - left.b - left.size)


# -- the ends of a fuzzy match -------------------------------------------------------------------


def _edge(text: str, quote: TextQuote, at: int, changed: str, block: int, *, end: bool) -> int:
    """Where the new span's start (or ``end``) goes, when the quote's unchanged part starts (ends)
    at ``at`` with a run of ``block`` characters, and ``changed`` is the quote's text before it
    (after it) that no longer matched.

    Looked for among nearby positions of the kind the quote's own start (end) was, so a word
    start stays a word start and a quote begun mid-word may start anywhere, and not across more
    sentence ends than ``changed`` held. Preferred in turn: the old context in place beside it;
    as many words as ``changed`` had, so a replaced word is covered whole however long it is now;
    the most of ``changed``'s letters; the length nearest to it.
    """
    if end:
        kind = boundary_kind(quote.exact[-2:] + quote.suffix[:2], len(quote.exact[-2:]))
    else:
        kind = boundary_kind(quote.prefix[-2:] + quote.exact[:2], len(quote.prefix[-2:]))
    step = 1 if end else -1
    context = quote.suffix if end else quote.prefix
    reach = 2 * len(changed) + _REACH
    far = min(len(text), max(0, at + step * (reach + _LONG_WORD)))
    # Outward text, read away from ``at``: how much of ``changed`` each length of it holds.
    grown = text[at:far] if end else text[far:at][::-1]
    kept = _common_prefixes(grown, changed if end else changed[::-1])
    stop = _sentence_stop(text, at, far, len(_BREAK.findall(changed)))
    # Inward over the spaces and punctuation the unchanged part begins (ends) with; further in
    # only to where the whole old context follows (precedes): difflib took in a repeated word.
    inward = 0
    while inward < block and not in_word(text, at - inward - 1 if end else at + inward):
        inward += 1
    words = word_count(changed)

    def agreement(p: int) -> tuple[int, bool]:
        if end:
            agreed = agree_after(text, context, p)
            return agreed, after_in_place(text, context, p, agreed)
        agreed = agree_before(text, context, p)
        return agreed, before_in_place(context, p, agreed)

    def rank(p: int) -> tuple[bool, int, int, int, int, int]:
        agreed, in_place = agreement(p)
        beyond = (p - at) * step
        piece = grown[:beyond] if beyond > 0 else ""
        lost = max(0, -beyond)
        return (
            in_place,
            agreed if in_place else 0,
            -abs(word_count(piece) - words),
            kept[len(piece)] - lost,
            agreed,
            -abs(len(piece) - len(changed)) - lost,
        )

    options: list[int] = []
    loose: list[int] = []  # not inside a word, though not of the quote's kind either
    outward = False  # an option at or beyond ``at`` found (past ``reach`` only to find one)
    for beyond in range(-min(reach, at if end else len(text) - at), len(grown) + 1):
        if beyond >= stop or (beyond > reach and outward):
            break
        p = at + step * beyond
        if beyond < -inward:
            agreed, in_place = agreement(p)
            if not (in_place and agreed == len(context)):
                continue
        here = boundary_kind(text, p)
        if kind == INSIDE or here == kind:
            options.append(p)
            outward = outward or beyond >= 0
        elif here != INSIDE:
            loose.append(p)
    return max(options or loose or [at], key=rank)


def _sentence_stop(text: str, at: int, far: int, allowed: int) -> int:
    """How far from ``at`` towards ``far`` an end may go before it takes in more than
    ``allowed`` sentence ends."""
    if far >= at:
        ends = [m.end() - at for m in _BREAK.finditer(text, at, far)]
    else:
        ends = sorted(at - m.start() for m in _BREAK.finditer(text, far, at))
    return ends[allowed] if len(ends) > allowed else abs(far - at) + 1
