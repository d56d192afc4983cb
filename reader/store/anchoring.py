"""Make a highlight's target from a span, and find the span again when the article has changed.

A target holds a position (``text[start:end]``) and a quote with 32 characters of context either
side. :func:`anchor` places a target on the text as it is now, trying in turn:

1. **position**: the quote is still exactly at the old offsets;
2. **quote**: the quote occurs elsewhere; with several occurrences, the one whose context matches
   best, then the one nearest the old position. Where that occurrence lacks some of the old
   context, an edited copy that keeps more of it wins instead (3.): the article repeats itself
   and the highlighted copy is the one that changed;
3. **fuzzy**: the words changed. First, spans that still lie between the old prefix and suffix;
   failing that, difflib alignments around places the quote's pieces, its context or the old
   position point to (a 1 MB article stays fast). The aligned ends are then set like the quote's
   own: on a word boundary where the quote began or ended on one, against the old context where
   that is still in place, never across a sentence end the quote did not cross, and so that a
   changed word is covered whole. A match counts when it keeps :data:`FUZZY_THRESHOLD` of the
   quote, or, between the old context on both sides, when only a word or two differ
   (:data:`CONFIRMED_THRESHOLD`, :data:`CONFIRMED_EDIT`);
   ``similarity`` says how much of the quote it keeps and ``changed`` that it differs;
4. **orphan**: nothing fits. The highlight is kept (never deleted); its span is the old one clamped
   into the text and ``anchored`` is False so the UI and exports can say so.

Pure functions over ``str``; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from typing import Literal

from .graphemes import INSIDE, boundary_kind, in_word, snap_span, word_count
from .records import DEFAULT_COLOR, AnnotationRecord, Target, TextPosition, TextQuote

#: Characters of context kept either side of a quote.
CONTEXT = 32
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
#: Occurrences of an exact quote looked at, at most (a one-letter quote in a 1 MB text).
_MAX_OCCURRENCES = 5000

#: Characters of old context that must still agree for that side to count as in place (fewer
#: only where the context was cut short by the start or end of the text).
_IN_PLACE = 12
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

Method = Literal["position", "quote", "fuzzy", "orphan"]


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where a target lies in the current text, how it was found, and how much of it changed."""

    start: int
    end: int
    anchored: bool
    method: Method
    #: How much of the stored quote ``text[start:end]`` keeps (0..1, ``2 * common / total``
    #: characters): 1.0 when found as stored (line endings aside), less for a fuzzy match, 0.0
    #: for an orphan.
    similarity: float = 1.0

    @property
    def changed(self) -> bool:
        """Placed, but on text that is no longer the stored quote."""
        return self.anchored and self.similarity < 1.0


def percent_same(similarity: float) -> int:
    """``similarity`` in whole percent: 100 only when nothing changed, 0 when nothing is left."""
    if similarity >= 1.0:
        return 100
    if similarity <= 0.0:
        return 0
    return min(99, max(1, int(similarity * 100)))


def make_target(text: str, start: int, end: int, context: int = CONTEXT) -> Target:
    """The target for ``text[start:end]``, widened to whole characters (grapheme clusters)."""
    start, end = snap_span(text, start, end)
    quote = TextQuote(
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )
    return Target(TextPosition(start, end), quote)


def new_highlight(
    document_id: str,
    text: str,
    start: int,
    end: int,
    *,
    color: str = DEFAULT_COLOR,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
) -> AnnotationRecord:
    """A new annotation of ``text[start:end]`` (widened to whole characters) with its selectors."""
    target = make_target(text, start, end)
    return AnnotationRecord.new(
        document_id,
        target.position.start,
        target.position.end,
        target.quote.exact,
        target.quote.prefix,
        target.quote.suffix,
        color=color,
        note=note,
        tags=tags,
    )


def anchor(text: str, target: Target) -> Anchored:
    """Place ``target`` on ``text``: by position, else quote, else fuzzy match, else orphan."""
    start, end = target.position.start, target.position.end
    exact = target.quote.exact
    if end <= len(text) and text[start:end] == exact:
        return _snapped(text, start, end, "position")
    if exact:
        found = _by_quote(text, target, exact)
        if found is None and "\r" in exact:  # the file went from CRLF to LF line endings
            found = _by_quote(text, target, exact.replace("\r\n", "\n"))
        if found is None:
            best = _by_fuzzy(text, target)
        else:
            held = _as_match(text, target.quote, found, 1.0)
            if held.context_share == 1.0:  # the very passage, context and all
                return _snapped(text, *found, "quote")
            # Away from (some of) the old context, the same words can lose to an edited copy
            # that keeps more of it: the article repeats itself and the highlighted copy changed.
            best = _best([held, _by_fuzzy(text, target)], min(start, len(text)), len(exact))
        if best is not None and best.similarity == 1.0:
            return _snapped(text, best.start, best.end, "quote")
        if best is not None:
            return Anchored(best.start, best.end, True, "fuzzy", best.similarity)
    clamp = len(text)
    return Anchored(min(start, clamp), min(end, clamp), False, "orphan", 0.0)


def anchor_all(text: str, targets: list[Target]) -> list[Anchored]:
    """:func:`anchor` for each target, in order."""
    return [anchor(text, target) for target in targets]


# -- quote ---------------------------------------------------------------------------------------


def _by_quote(text: str, target: Target, exact: str) -> tuple[int, int] | None:
    occurrences = []
    at = text.find(exact)
    while at >= 0 and len(occurrences) < _MAX_OCCURRENCES:
        occurrences.append(at)
        at = text.find(exact, at + 1)
    if not occurrences:
        return None
    old = target.position.start
    best = max(
        occurrences,
        key=lambda at: (_context_score(text, target.quote, at, at + len(exact)), -abs(at - old)),
    )
    return best, best + len(exact)


def _context_score(text: str, quote: TextQuote, start: int, end: int) -> int:
    """How many characters of the stored prefix and suffix agree with the text around a span."""
    return _agree_before(text, quote.prefix, start) + _agree_after(text, quote.suffix, end)


def _agree_before(text: str, prefix: str, at: int) -> int:
    """How many characters of ``prefix``, from its end, the text just before ``at`` repeats."""
    n, limit = 0, min(len(prefix), at)
    if text.endswith(prefix[len(prefix) - limit :], 0, at):
        return limit
    while n < limit and text[at - 1 - n] == prefix[-1 - n]:
        n += 1
    return n


def _agree_after(text: str, suffix: str, at: int) -> int:
    """How many characters of ``suffix``, from its start, the text from ``at`` repeats."""
    n, limit = 0, min(len(suffix), len(text) - at)
    if text.startswith(suffix[:limit], at):
        return limit
    while n < limit and text[at + n] == suffix[n]:
        n += 1
    return n


def _before_in_place(prefix: str, at: int, agreed: int) -> bool:
    return agreed >= _IN_PLACE or agreed == len(prefix) == at


def _after_in_place(text: str, suffix: str, at: int, agreed: int) -> bool:
    return agreed >= _IN_PLACE or agreed == len(suffix) == len(text) - at


def _sides_in_place(text: str, quote: TextQuote, start: int, end: int) -> int:
    """On how many sides (0, 1, 2) of ``text[start:end]`` the old context is still in place."""
    before = _agree_before(text, quote.prefix, start)
    after = _agree_after(text, quote.suffix, end)
    return _before_in_place(quote.prefix, start, before) + _after_in_place(
        text, quote.suffix, end, after
    )


# -- fuzzy ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
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


def _by_fuzzy(text: str, target: Target) -> _Candidate | None:
    exact = target.quote.exact
    if len(exact) < FUZZY_MIN_LENGTH or not text:
        return None
    old = min(target.position.start, len(text))
    # Edited where it stands: the old context is still there either side, the new words between.
    between = [_scored(text, target.quote, span) for span in _between(text, target)]
    best = _best(between, old, len(exact))
    if best is not None:
        return best
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(exact)  # difflib indexes the second sequence once, for every window
    length = len(exact)
    slack = length // 4 + 8  # room for insertions and for a guess off by up to one bucket
    tried: set[tuple[int, int]] = set()
    found: list[_Candidate | None] = []
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
    return _best(found, old, len(exact))


def _best(found: list[_Candidate | None], old: int, length: int) -> _Candidate | None:
    """The likeliest match: old context in place on more sides; then, where it is in place on
    both (the article repeats itself), the one nearer the old place, counted in quote lengths;
    then how alike it is to the quote plus how much of the old context agrees around it, weighed
    the same; then the nearest."""
    step = max(length, CONTEXT)

    def rank(match: _Candidate) -> tuple[int, int, float, int]:
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
    if len(context) < _IN_PLACE:  # cut short by the start (end) of the text, and still is
        if before:
            return [len(context)] if text.startswith(context) else []
        return [len(text) - len(context)] if text.endswith(context) else []
    piece = context[-_IN_PLACE:] if before else context[:_IN_PLACE]
    # Near the old place first: in a repetitive article the first hits can all be elsewhere.
    hits = set(_find_all(text, piece, _MAX_PIECE_HITS, *near))
    hits.update(_find_all(text, piece, _MAX_PIECE_HITS))
    return sorted(hit + len(piece) if before else hit for hit in hits)


def _scored(text: str, quote: TextQuote, span: tuple[int, int]) -> _Candidate | None:
    """The similarity and context of a span, or None when it is too unlike the quote."""
    now = text[span[0] : span[1]]
    match = _as_match(
        text, quote, span, 1.0 if now == quote.exact else _similarity(now, quote.exact)
    )
    if match.similarity >= FUZZY_THRESHOLD:
        return match
    differ = round((len(now) + len(quote.exact)) * (1 - match.similarity))
    if match.confirmed and match.similarity >= CONFIRMED_THRESHOLD and differ <= CONFIRMED_EDIT:
        return match
    return None


def _as_match(text: str, quote: TextQuote, span: tuple[int, int], similarity: float) -> _Candidate:
    start, end = span
    sides = _sides_in_place(text, quote, start, end)
    total = len(quote.prefix) + len(quote.suffix)
    share = _context_score(text, quote, start, end) / total if total else 1.0
    return _Candidate(start, end, similarity, share, sides)


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
            agreed = _agree_after(text, context, p)
            return agreed, _after_in_place(text, context, p, agreed)
        agreed = _agree_before(text, context, p)
        return agreed, _before_in_place(context, p, agreed)

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


def _snapped(text: str, start: int, end: int, method: Method) -> Anchored:
    start, end = snap_span(text, start, end)
    return Anchored(start, end, True, method)
