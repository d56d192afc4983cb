"""Make article text unable to drive the terminal, keeping every offset valid.

Article text is untrusted: a file may carry escape sequences that would move the cursor, change
colours or retitle the window, or bidi controls that reorder what the reader sees. :func:`inert`
swaps each such character for a visible stand-in **one for one**, so ``len(inert(t)) == len(t)``
and every offset into the article (sentences, highlights, search hits) still points at the same
place on screen.

Markup is not this module's business: the UI builds Rich ``Text`` objects from plain strings and
never parses article text as markup, so ``[bold]`` in an article shows literally anyway.

The table (``str.translate``, built once):

=======================================  ==============================================
characters                                shown as
=======================================  ==============================================
C0 controls U+0000–U+001F except ``\\n``   Control Pictures U+2400 + code (ESC → ␛, NUL → ␀)
TAB U+0009                                a space (the pane does its own layout)
DEL U+007F                                ␡ U+2421
C1 controls U+0080–U+009F                 � U+FFFD
bidi embeddings/overrides U+202A–U+202E   � U+FFFD
bidi isolates U+2066–U+2069               � U+FFFD
LRM/RLM U+200E, U+200F; ALM U+061C        � U+FFFD
LINE/PARAGRAPH SEPARATOR U+2028, U+2029   a space
=======================================  ==============================================

:func:`inert_line` also turns ``\\n`` into a space, for one-line labels such as file names.
"""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def _table() -> dict[int, str]:
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20) if code != 0x0A}
    table[0x09] = " "
    table[0x7F] = "\u2421"
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C):
        table[code] = REPLACEMENT
    table[0x2028] = " "
    table[0x2029] = " "
    return table


_INERT = str.maketrans(_table())
_INERT_LINE = str.maketrans({**_table(), 0x0A: " "})


def inert(text: str) -> str:
    """``text`` with each terminal-driving character swapped for a visible stand-in; same length."""
    return text.translate(_INERT)


def inert_line(text: str) -> str:
    """Like :func:`inert`, and newlines become spaces: for one-line labels such as file names."""
    return text.translate(_INERT_LINE)
