"""Make a highlight's target from a span, and find the span again when the article has changed.

A target holds a position (``text[start:end]``) and a quote with 32 characters of context either
side. :func:`anchor` places a target on the text as it is now, trying in turn:

1. **position**: the quote is still exactly at the old offsets;
2. **quote**: the quote occurs elsewhere; with several occurrences, the one whose context matches
   best, then the one nearest the old position. Where that occurrence lacks some of the old
   context, an edited copy that keeps more of it wins instead (3.): the article repeats itself
   and the highlighted copy is the one that changed;
3. **fuzzy**: the words changed; :mod:`reader.store.fuzzy` looks for the edited copy.
   ``similarity`` says how much of the quote it keeps and ``changed`` that it differs;
4. **orphan**: nothing fits. The highlight is kept (never deleted); its span is the old one clamped
   into the text and ``anchored`` is False so the UI and exports can say so.

Pure functions over ``str``; no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .context import CONTEXT, context_score
from .fuzzy import (
    CONFIRMED_EDIT,
    CONFIRMED_THRESHOLD,
    FUZZY_MIN_LENGTH,
    FUZZY_THRESHOLD,
    candidate_at,
    fuzzy_match,
    likeliest,
)
from .graphemes import snap_span
from .records import DEFAULT_COLOR, AnnotationRecord, Target, TextPosition, TextQuote

__all__ = [
    "CONFIRMED_EDIT",
    "CONFIRMED_THRESHOLD",
    "CONTEXT",
    "FUZZY_MIN_LENGTH",
    "FUZZY_THRESHOLD",
    "Anchored",
    "Method",
    "anchor",
    "anchor_all",
    "make_target",
    "new_highlight",
    "percent_same",
]

#: Occurrences of an exact quote looked at, at most (a one-letter quote in a 1 MB text).
_MAX_OCCURRENCES = 5000

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
            best = fuzzy_match(text, target)
        else:
            held = candidate_at(text, target.quote, found, 1.0)
            if held.context_share == 1.0:  # the very passage, context and all
                return _snapped(text, *found, "quote")
            # Away from (some of) the old context, the same words can lose to an edited copy
            # that keeps more of it: the article repeats itself and the highlighted copy changed.
            best = likeliest([held, fuzzy_match(text, target)], min(start, len(text)), len(exact))
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
        key=lambda at: (context_score(text, target.quote, at, at + len(exact)), -abs(at - old)),
    )
    return best, best + len(exact)


def _snapped(text: str, start: int, end: int, method: Method) -> Anchored:
    start, end = snap_span(text, start, end)
    return Anchored(start, end, True, method)
