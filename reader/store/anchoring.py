"""Make a highlight's target from a span, and find the span again when the article has changed.

A target holds a position (``text[start:end]``) and a quote with 32 characters of context either
side. :func:`anchor` places a target on the text as it is now, trying in turn:

1. **position**: the quote is still exactly at the old offsets;
2. **quote**: the quote occurs elsewhere; with several occurrences, the one whose context matches
   best, then the one nearest the old position;
3. **fuzzy**: an approximate match scoring at least :data:`FUZZY_THRESHOLD` (difflib ratio over
   the quote), searched around places the quote's pieces, its context or the old position point
   to, so a 1 MB article stays fast;
4. **orphan**: nothing fits. The highlight is kept (never deleted); its span is the old one clamped
   into the text and ``anchored`` is False so the UI and exports can say so.

Pure functions over ``str``; no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from difflib import Match, SequenceMatcher
from typing import Literal

from .graphemes import snap_span
from .records import DEFAULT_COLOR, AnnotationRecord, Target, TextPosition, TextQuote

#: Characters of context kept either side of a quote.
CONTEXT = 32
#: Lowest similarity (difflib ratio, 0..1) for a fuzzy match to count.
FUZZY_THRESHOLD = 0.8
#: Quotes shorter than this are only matched exactly: a fuzzy match of two letters means nothing.
FUZZY_MIN_LENGTH = 5
#: A quote piece found more often than this says little about where the quote went.
_MAX_PIECE_HITS = 40
#: At most this many places are scored with difflib per target.
_MAX_CANDIDATES = 12
#: Occurrences of an exact quote looked at, at most (a one-letter quote in a 1 MB text).
_MAX_OCCURRENCES = 5000

#: A fuzzy match this close at the old place, with its context, is taken without looking further.
_SURE = 0.9

Method = Literal["position", "quote", "fuzzy", "orphan"]


@dataclass(frozen=True, slots=True)
class Anchored:
    """Where a target lies in the current text, and how it was found."""

    start: int
    end: int
    anchored: bool
    method: Method


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
        if found is not None:
            return _snapped(text, found, found + len(_quote_in(text, found, exact)), "quote")
        fuzzy = _by_fuzzy(text, target)
        if fuzzy is not None:
            return _snapped(text, fuzzy[0], fuzzy[1], "fuzzy")
    clamp = len(text)
    return Anchored(min(start, clamp), min(end, clamp), False, "orphan")


def anchor_all(text: str, targets: list[Target]) -> list[Anchored]:
    """:func:`anchor` for each target, in order."""
    return [anchor(text, target) for target in targets]


# -- quote ---------------------------------------------------------------------------------------


def _quote_in(text: str, at: int, exact: str) -> str:
    """The form of ``exact`` that occurs at ``at`` (itself, or with LF line endings)."""
    return exact if text.startswith(exact, at) else exact.replace("\r\n", "\n")


def _by_quote(text: str, target: Target, exact: str) -> int | None:
    occurrences = []
    at = text.find(exact)
    while at >= 0 and len(occurrences) < _MAX_OCCURRENCES:
        occurrences.append(at)
        at = text.find(exact, at + 1)
    if not occurrences:
        return None
    if len(occurrences) == 1:
        return occurrences[0]
    old = target.position.start
    return max(
        occurrences,
        key=lambda at: (_context_score(text, target.quote, at, at + len(exact)), -abs(at - old)),
    )


def _context_score(text: str, quote: TextQuote, start: int, end: int) -> int:
    """How many characters of the stored prefix and suffix agree with the text around a span."""
    score = 0
    prefix = quote.prefix
    before = text[max(0, start - len(prefix)) : start]
    for a, b in zip(reversed(prefix), reversed(before), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(quote.suffix, text[end : end + len(quote.suffix)], strict=False):
        if a != b:
            break
        score += 1
    return score


# -- fuzzy ---------------------------------------------------------------------------------------


def _by_fuzzy(text: str, target: Target) -> tuple[int, int] | None:
    exact = target.quote.exact
    if len(exact) < FUZZY_MIN_LENGTH or not text:
        return None
    matcher = SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(exact)  # difflib indexes the second sequence once, for every window
    best: tuple[float, int, int, int, int] | None = None  # ratio, context, -distance, start, end
    old = min(target.position.start, len(text))
    for guess in _candidates(text, target):
        match = _best_in_window(matcher, text, exact, guess, in_place=guess == old)
        if match is None:
            continue
        ratio, start, end = match
        key = (ratio, _context_score(text, target.quote, start, end), -abs(start - old), start, end)
        if best is None or key[:3] > best[:3]:
            best = key
        if guess == old and ratio >= _SURE and key[1] > 0:
            break  # edited in place, context intact: no need to look elsewhere
    if best is None or best[0] < FUZZY_THRESHOLD:
        return None
    return best[3], best[4]


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


def _find_all(text: str, piece: str, limit: int) -> list[int]:
    hits: list[int] = []
    at = text.find(piece)
    while at >= 0 and len(hits) < limit:
        hits.append(at)
        at = text.find(piece, at + 1)
    return hits


def _best_in_window(
    matcher: SequenceMatcher[str], text: str, exact: str, guess: int, *, in_place: bool
) -> tuple[float, int, int] | None:
    """The span around ``guess`` that best matches ``exact``, with its similarity.

    ``matcher`` holds ``exact`` as its second sequence; in its blocks ``a`` indexes the window and
    ``b`` the quote.
    """
    length = len(exact)
    if in_place and guess + length <= len(text):
        # The same length at the old place first: an edit in place (difflib's greedy blocks can
        # prefer a longer chance match nearby in repetitive text).
        matcher.set_seq1(text[guess : guess + length])
        direct = matcher.ratio()
        if direct >= _SURE:
            return direct, guess, guess + length
    slack = length // 4 + 8  # room for insertions and for a guess off by up to one bucket
    low = max(0, guess - slack)
    window = text[low : guess + length + 2 * slack]
    matcher.set_seq1(window)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    # A letter or two matched far from the rest is chance, not the quote.
    while len(blocks) > 1 and blocks[0].size <= 2 and _gap(blocks[0], blocks[1]) > 2:
        blocks.pop(0)
    while len(blocks) > 1 and blocks[-1].size <= 2 and _gap(blocks[-2], blocks[-1]) > 2:
        blocks.pop()
    if not blocks:
        return None
    # Grow the matched region by the unmatched ends of the quote (a typo in its first letter).
    first, last = blocks[0], blocks[-1]
    start = max(0, first.a - first.b)
    end = min(len(window), last.a + last.size + (length - last.b - last.size))
    matched = sum(m.size for m in blocks)
    return 2 * matched / (length + end - start), low + start, low + end


def _gap(left: Match, right: Match) -> int:
    """How much further apart two matching blocks are in the text (a) than in the quote (b)."""
    return (right.a - left.a - left.size) - (right.b - left.b - left.size)


def _snapped(text: str, start: int, end: int, method: Method) -> Anchored:
    start, end = snap_span(text, start, end)
    return Anchored(start, end, True, method)
