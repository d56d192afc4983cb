"""How well a quote's stored context agrees with the text around a span now.

A target keeps :data:`CONTEXT` characters either side of its quote. Where those characters still
surround a span, the span is likely where the quote was: the exact-quote search and the fuzzy
search both weigh places by it. Pure functions over ``str``; no I/O.
"""

from __future__ import annotations

from .records import TextQuote

#: Characters of context kept either side of a quote.
CONTEXT = 32
#: Characters of old context that must still agree for that side to count as in place (fewer
#: only where the context was cut short by the start or end of the text).
IN_PLACE = 12


def context_score(text: str, quote: TextQuote, start: int, end: int) -> int:
    """How many characters of the stored prefix and suffix agree with the text around a span."""
    return agree_before(text, quote.prefix, start) + agree_after(text, quote.suffix, end)


def agree_before(text: str, prefix: str, at: int) -> int:
    """How many characters of ``prefix``, from its end, the text just before ``at`` repeats."""
    n, limit = 0, min(len(prefix), at)
    if text.endswith(prefix[len(prefix) - limit :], 0, at):
        return limit
    while n < limit and text[at - 1 - n] == prefix[-1 - n]:
        n += 1
    return n


def agree_after(text: str, suffix: str, at: int) -> int:
    """How many characters of ``suffix``, from its start, the text from ``at`` repeats."""
    n, limit = 0, min(len(suffix), len(text) - at)
    if text.startswith(suffix[:limit], at):
        return limit
    while n < limit and text[at + n] == suffix[n]:
        n += 1
    return n


def before_in_place(prefix: str, at: int, agreed: int) -> bool:
    """Whether ``agreed`` characters of ``prefix`` before ``at`` put the old context in place."""
    return agreed >= IN_PLACE or agreed == len(prefix) == at


def after_in_place(text: str, suffix: str, at: int, agreed: int) -> bool:
    """Whether ``agreed`` characters of ``suffix`` from ``at`` put the old context in place."""
    return agreed >= IN_PLACE or agreed == len(suffix) == len(text) - at


def sides_in_place(text: str, quote: TextQuote, start: int, end: int) -> int:
    """On how many sides (0, 1, 2) of ``text[start:end]`` the old context is still in place."""
    before = agree_before(text, quote.prefix, start)
    after = agree_after(text, quote.suffix, end)
    return before_in_place(quote.prefix, start, before) + after_in_place(
        text, quote.suffix, end, after
    )
