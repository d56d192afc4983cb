"""Marks: the spans lit up in the reading pane, and how n/N move between them."""

from __future__ import annotations

from reader.ui.marks import Marks


def test_step_wraps_around() -> None:
    marks = Marks("x", spans=[(30, 32), (10, 12), (20, 22)])
    assert marks.spans == [(10, 12), (20, 22), (30, 32)]
    assert marks.step(10, 1) == 1
    assert marks.step(30, 1) == 0
    assert marks.step(10, -1) == 2
    assert marks.step(25, -1) == 1


def test_first_from_an_offset() -> None:
    marks = Marks("x", spans=[(10, 12), (20, 22)])
    assert marks.first_from(0) == 0
    assert marks.first_from(15) == 1
    assert marks.first_from(25) == 0


def test_touching_a_line_knows_the_current_span() -> None:
    marks = Marks("x", spans=[(0, 5), (8, 30), (40, 45)], current=1)
    assert marks.touching(10, 20) == [(8, 30, True)]
    assert marks.touching(0, 9) == [(0, 5, False), (8, 30, True)]
    assert marks.touching(31, 39) == []
    assert not Marks()
