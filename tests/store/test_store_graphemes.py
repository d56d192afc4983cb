"""Grapheme clusters: a selection never splits a character the reader sees as one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.store.graphemes import (
    boundary_at_or_after,
    boundary_at_or_before,
    graphemes,
    is_boundary,
    next_boundary,
    previous_boundary,
    snap_span,
)

CASES = {
    "combining accent": ("cafe\u0301 au", ["c", "a", "f", "e\u0301", " ", "a", "u"]),
    "two combining marks": ("a\u0323\u0302b", ["a\u0323\u0302", "b"]),
    "ZWJ family": ("\U0001f469\u200d\U0001f469\u200d\U0001f467!", ["👩‍👩‍👧", "!"]),
    "skin tone": ("\U0001f44d\U0001f3fdx", ["\U0001f44d\U0001f3fd", "x"]),
    "skin tone + ZWJ": ("\U0001f469\U0001f3fd\u200d\U0001f4bb.", ["👩🏽‍💻", "."]),
    "variation selector": ("\u2764\ufe0fok", ["\u2764\ufe0f", "o", "k"]),
    "keycap": ("1\ufe0f\u20e3 ", ["1\ufe0f\u20e3", " "]),
    "flags pair up": ("\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea\U0001f1ec", ["🇫🇷", "🇩🇪", "🇬"]),
    "tag sequence": (
        "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007fz",
        None,
    ),
    "CR LF": ("a\r\nb", ["a", "\r\n", "b"]),
    "hangul jamo": ("\u1100\u1161\u11a8\uac00", ["\u1100\u1161\u11a8", "\uac00"]),
    "mark after newline stands alone": ("\n\u0301", ["\n", "\u0301"]),
    "ZWJ not between emoji": ("a\u200db", ["a\u200d", "b"]),
}


@pytest.mark.parametrize("name", CASES)
def test_clusters(name: str) -> None:
    text, expected = CASES[name]
    clusters = list(graphemes(text))
    assert "".join(clusters) == text
    if expected is None:
        assert clusters == [text[:-1], "z"]
    else:
        assert clusters == expected


def test_snap_widens_to_whole_clusters() -> None:
    text = "x\U0001f469\u200d\U0001f469\u200d\U0001f467y"
    assert snap_span(text, 2, 3) == (1, 6)
    assert snap_span(text, 3, 2) == (1, 6)  # order does not matter
    assert snap_span("e\u0301", 1, 1) == (0, 2)
    assert snap_span("abc", -5, 99) == (0, 3)


def test_steps_move_one_cluster() -> None:
    text = "ae\u0301\U0001f1eb\U0001f1f7b"
    assert next_boundary(text, 1) == 3
    assert next_boundary(text, 3) == 5
    assert previous_boundary(text, 5) == 3
    assert previous_boundary(text, 0) == 0
    assert next_boundary(text, len(text)) == len(text)


@given(st.text(), st.integers(), st.integers())
def test_snapped_span_is_on_boundaries_and_covers(text: str, a: int, b: int) -> None:
    start, end = snap_span(text, a, b)
    low, high = sorted((max(0, min(a, len(text))), max(0, min(b, len(text)))))
    assert start <= low and end >= high
    assert is_boundary(text, start) and is_boundary(text, end)
    assert boundary_at_or_before(text, start) == start
    assert boundary_at_or_after(text, end) == end


@given(st.text())
def test_clusters_cover_the_text(text: str) -> None:
    clusters = list(graphemes(text))
    assert "".join(clusters) == text
    assert all(clusters)
