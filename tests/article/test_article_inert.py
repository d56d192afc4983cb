"""Text shown on screen can never drive the terminal, and keeps its length."""

from __future__ import annotations

from reader.inert import inert, inert_line


def test_escape_sequence_is_shown_not_obeyed() -> None:
    text = "Hello \x1b[2J\x1b]0;pwned\x07 world"
    out = inert(text)
    assert out == "Hello ␛[2J␛]0;pwned␇ world"
    assert len(out) == len(text)


def test_table() -> None:
    assert inert("\x00\x01\x1f") == "\u2400\u2401\u241f"
    assert inert("a\tb") == "a b"
    assert inert("a\nb") == "a\nb"
    assert inert("\r") == "␍"
    assert inert("\x7f") == "␡"
    assert inert("\x85\x9b\x80\x9f") == "\ufffd" * 4
    assert inert("\u202e\u2066\u2069\u200e\u200f\u061c") == "\ufffd" * 6
    assert inert("\u2028\u2029") == "  "


def test_ordinary_text_untouched() -> None:
    text = "Café “quotes” — [bold]not markup[/bold] 日本語 🙂 \u00a0"
    assert inert(text) == text


def test_inert_line() -> None:
    assert inert_line("my\nfile\x1b.txt") == "my file␛.txt"
