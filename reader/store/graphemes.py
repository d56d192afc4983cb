"""Where one user-perceived character ends and the next begins (extended grapheme clusters).

A highlight must never start or end inside a character: not between a letter and its combining
accent, inside an emoji ZWJ sequence (👩‍👩‍👧), between an emoji and its skin tone or variation
selector, between the two regional indicators of a flag, inside a Hangul syllable spelled in jamo,
or between CR and LF. This is the Unicode UAX #29 boundary algorithm reduced to what the standard
library's ``unicodedata`` can tell (no ``Grapheme_Cluster_Break`` property there): the classes
are derived from general categories plus a few fixed ranges. Rare ``Prepend`` characters are not
handled (they break like ordinary letters).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

# Classes, as small ints for speed.
OTHER, CR, LF, CONTROL, EXTEND, ZWJ, RI, SPACING, L, V, T, LV, LVT, PICT = range(14)

_ZWJ = 0x200D
_EXTEND_EXTRA = (
    (0x200C, 0x200C),  # zero width non-joiner
    (0x1F3FB, 0x1F3FF),  # emoji skin-tone modifiers (category Sk, but they extend)
    (0xE0020, 0xE007F),  # tag characters (emoji subdivision flags)
    (0xFF9E, 0xFF9F),  # half-width katakana voiced sound marks
)
# Extended_Pictographic, approximately: the emoji blocks and the older symbols used as emoji.
_PICTOGRAPHIC = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FF),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1F0FF),
    (0x1F10D, 0x1F1AD),
    (0x1F201, 0x1F3FA),
    (0x1F400, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
)


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= code <= high for low, high in ranges)


@lru_cache(maxsize=4096)
def char_class(char: str) -> int:
    """The grapheme-break class of one character (one of the module's class constants)."""
    code = ord(char)
    if code < 0x7F:  # ASCII fast path
        if code >= 0x20:
            return OTHER
        return CR if code == 0x0D else LF if code == 0x0A else CONTROL
    if code == _ZWJ:
        return ZWJ
    if 0x1F1E6 <= code <= 0x1F1FF:
        return RI
    if _in(code, _EXTEND_EXTRA):
        return EXTEND
    if 0xAC00 <= code <= 0xD7A3:
        return LV if (code - 0xAC00) % 28 == 0 else LVT
    if 0x1100 <= code <= 0x115F or 0xA960 <= code <= 0xA97C:
        return L
    if 0x1160 <= code <= 0x11A7 or 0xD7B0 <= code <= 0xD7C6:
        return V
    if 0x11A8 <= code <= 0x11FF or 0xD7CB <= code <= 0xD7FB:
        return T
    category = unicodedata.category(char)
    if category in ("Mn", "Me"):
        return EXTEND
    if category == "Mc":
        return SPACING
    if category in ("Cc", "Zl", "Zp", "Cs") or (category == "Cf" and code != 0x200C):
        return CONTROL
    if _in(code, _PICTOGRAPHIC):
        return PICT
    return OTHER


def is_boundary(text: str, index: int) -> bool:
    """True when a cluster may start at ``index`` (always at 0 and at ``len(text)``)."""
    if index <= 0 or index >= len(text):
        return True
    before = char_class(text[index - 1])
    after = char_class(text[index])
    if before == CR and after == LF:  # GB3
        return False
    if before in (CR, LF, CONTROL) or after in (CR, LF, CONTROL):  # GB4, GB5
        return True
    if before == L and after in (L, V, LV, LVT):  # GB6
        return False
    if before in (LV, V) and after in (V, T):  # GB7
        return False
    if before in (LVT, T) and after == T:  # GB8
        return False
    if after in (EXTEND, ZWJ, SPACING):  # GB9, GB9a
        return False
    if before == ZWJ and after == PICT:  # GB11: Pictographic Extend* ZWJ × Pictographic
        i = index - 2
        while i >= 0 and char_class(text[i]) == EXTEND:
            i -= 1
        return not (i >= 0 and char_class(text[i]) == PICT)
    if before == RI and after == RI:  # GB12, GB13: flags pair up from the left
        run = 0
        i = index - 1
        while i >= 0 and char_class(text[i]) == RI:
            run += 1
            i -= 1
        return run % 2 == 0
    return True  # GB999


def boundary_at_or_before(text: str, index: int) -> int:
    """The nearest cluster boundary at or before ``index`` (clamped into the text)."""
    index = max(0, min(index, len(text)))
    while not is_boundary(text, index):
        index -= 1
    return index


def boundary_at_or_after(text: str, index: int) -> int:
    """The nearest cluster boundary at or after ``index`` (clamped into the text)."""
    index = max(0, min(index, len(text)))
    while not is_boundary(text, index):
        index += 1
    return index


def next_boundary(text: str, index: int) -> int:
    """The first boundary after ``index`` (``len(text)`` at the end): one character forward."""
    return boundary_at_or_after(text, index + 1) if index < len(text) else len(text)


def previous_boundary(text: str, index: int) -> int:
    """The last boundary before ``index`` (0 at the start): one character back."""
    return boundary_at_or_before(text, index - 1) if index > 0 else 0


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened to whole clusters (clamped into the text, ordered)."""
    start, end = sorted((start, end))
    return boundary_at_or_before(text, start), boundary_at_or_after(text, end)


def graphemes(text: str) -> Iterator[str]:
    """The clusters of ``text``, in order."""
    start = 0
    while start < len(text):
        end = next_boundary(text, start)
        yield text[start:end]
        start = end


# -- words ---------------------------------------------------------------------------------------
#
# Enough of a word's edges for a highlight to keep to them: letters, digits, their combining marks
# and an apostrophe between two letters ("board’s") are inside a word; everything else is not.

#: What lies either side of a position: ``START`` (a word begins), ``END`` (one ends), ``INSIDE``
#: (within a word) or ``OUTSIDE`` (between two characters that are not word characters).
START, END, INSIDE, OUTSIDE = range(4)
_APOSTROPHES = frozenset("'’")


@lru_cache(maxsize=4096)
def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_" or unicodedata.category(char)[0] == "M"


def in_word(text: str, index: int) -> bool:
    """Whether ``text[index]`` belongs to a word (False outside the text)."""
    if index < 0 or index >= len(text):
        return False
    char = text[index]
    if char in _APOSTROPHES:
        return 0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()
    return _word_char(char)


def boundary_kind(text: str, index: int) -> int:
    """What ``index`` is between: ``START``, ``END``, ``INSIDE`` or ``OUTSIDE`` a word."""
    before, after = in_word(text, index - 1), in_word(text, index)
    if before and after:
        return INSIDE
    if after:
        return START
    return END if before else OUTSIDE


def word_count(text: str) -> int:
    """How many words (or pieces of words) ``text`` holds."""
    count, inside = 0, False
    for index in range(len(text)):
        now = in_word(text, index)
        count += now and not inside
        inside = now
    return count
