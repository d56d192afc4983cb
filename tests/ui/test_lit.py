"""Lit spans: the spans lit up in the reading pane, and how n/N move between them."""

from __future__ import annotations

from reader.ui.lit import LitSpans


def test_step_wraps_around() -> None:
    lit = LitSpans("x", spans=[(30, 32), (10, 12), (20, 22)])
    assert lit.spans == [(10, 12), (20, 22), (30, 32)]
    assert lit.step(10, 1) == 1
    assert lit.step(30, 1) == 0
    assert lit.step(10, -1) == 2
    assert lit.step(25, -1) == 1


def test_first_from_an_offset() -> None:
    lit = LitSpans("x", spans=[(10, 12), (20, 22)])
    assert lit.first_from(0) == 0
    assert lit.first_from(15) == 1
    assert lit.first_from(25) == 0


def test_touching_a_line_knows_the_current_span() -> None:
    lit = LitSpans("x", spans=[(0, 5), (8, 30), (40, 45)], current=1)
    assert lit.touching(10, 20) == [(8, 30, True)]
    assert lit.touching(0, 9) == [(0, 5, False), (8, 30, True)]
    assert lit.touching(31, 39) == []
    assert not LitSpans()
