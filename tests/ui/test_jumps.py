"""The jump back of ``''`` and ``ctrl+o``, without a screen."""

from __future__ import annotations

from reader.ui.jumps import JumpBack


def test_nothing_to_go_back_to_at_first() -> None:
    assert JumpBack().back(10) is None


def test_back_returns_to_where_the_last_jump_started() -> None:
    jumps = JumpBack()
    jumps.jumped(10, 500)
    jumps.jumped(500, 900)
    assert jumps.back(900) == 500


def test_going_back_twice_toggles_between_the_two_places() -> None:
    jumps = JumpBack()
    jumps.jumped(10, 500)
    assert jumps.back(500) == 10
    assert jumps.back(10) == 500
    assert jumps.back(500) == 10


def test_steps_after_a_jump_are_where_back_returns_to() -> None:
    # j j after G: '' goes to where G started, and '' again to where the steps ended.
    jumps = JumpBack()
    jumps.jumped(10, 500)
    assert jumps.back(540) == 10
    assert jumps.back(10) == 540


def test_a_jump_that_goes_nowhere_changes_nothing() -> None:
    jumps = JumpBack()
    jumps.jumped(10, 500)
    jumps.jumped(500, 500)
    assert jumps.back(500) == 10
