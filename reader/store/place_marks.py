"""Place marks: letters that name places in one article, set with ``m`` and visited with ``'``.

Kept on the article's document record as ``marks: {"a": offset}``. A mark is only a letter and an
offset; one that does not look like that (a hand-edited or newer file) is left out when read, so
the rest of the record still loads.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import ascii_letters

#: The names a mark may have, as in vim: a-z and A-Z.
MARK_NAMES = frozenset(ascii_letters)


def is_mark_name(name: str) -> bool:
    return name in MARK_NAMES


def parse_marks(value: object) -> dict[str, int]:
    """The well-formed marks of a stored ``marks`` value (anything else counts as none)."""
    if not isinstance(value, Mapping):
        return {}
    return {
        name: offset
        for name, offset in value.items()
        if isinstance(name, str)
        and is_mark_name(name)
        and isinstance(offset, int)
        and not isinstance(offset, bool)
        and offset >= 0
    }
