"""The usual command lines are read without argparse, and exactly as argparse reads them."""

from __future__ import annotations

import pytest

from reader.__main__ import _parser, _read_plain

READ_BY_HAND = [
    [],
    ["a.txt"],
    ["a.txt", "b.md", "folder/"],
    ["-"],
    [""],
    ["a.txt", "--db", "x.json"],
    ["--db", "x.json", "a.txt"],
    ["--db=x.json"],
    ["--db=", "a.txt"],
    ["--db", "x.json", "--db", "y.json"],
    ["--no-mouse"],
    ["--no-mouse", "a.txt", "b.txt"],
    ["a.txt", "b.txt", "--no-mouse", "--db", "y.json"],
    ["a b.txt", "--db=with space.json", "--no-mouse", "--no-mouse"],
]

LEFT_TO_ARGPARSE = [
    ["--help"],
    ["-h"],
    ["--version"],
    ["--no"],
    ["--d", "x.json"],
    ["--db"],
    ["--db", "-"],
    ["--db", "--no-mouse"],
    ["--", "a.txt"],
    ["-x"],
    ["--unknown"],
    ["a.txt", "--no-mouse", "b.txt"],
    ["a.txt", "--db", "x.json", "b.txt"],
]


@pytest.mark.parametrize("argv", READ_BY_HAND)
def test_read_as_argparse_reads_it(argv: list[str]) -> None:
    plain = _read_plain(argv)
    assert plain is not None
    assert vars(plain) == vars(_parser().parse_args(argv))


@pytest.mark.parametrize("argv", LEFT_TO_ARGPARSE)
def test_anything_else_goes_to_argparse(argv: list[str]) -> None:
    assert _read_plain(argv) is None
