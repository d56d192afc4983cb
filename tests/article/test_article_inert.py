"""Text shown on screen can never drive the terminal, and keeps its length."""

from __future__ import annotations

from rich.style import Style

from reader.article import parse_article
from reader.article.decode import decode_bytes
from reader.inert import inert, inert_line
from reader.ui.paint import paint_line


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


def test_controls_in_a_file_reach_the_screen_as_stand_ins() -> None:
    # decode keeps a few control characters (a NUL becomes U+FFFD); the reading pane shows the rest
    # as pictures, one cell for one character, so no offset moves.
    data = (
        b"Ferry\x07 news\x00 today.\x1b[2J The bell\x08 rang at the pier at noon.\r\n\r\n"
        b"It\x7f rang twice, and the harbor master wrote it down in the log."
    )
    a = parse_article(decode_bytes(data, "a.txt"), source="a.txt")
    assert "\x00" not in a.text
    for p in a.paragraphs:
        drawn = "".join(seg.text for seg in paint_line(a.text, p.start, p.end, Style(), []))
        assert len(drawn) == p.end - p.start
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in drawn), drawn
    assert "Ferry␇ news\ufffd today.␛[2J" in "".join(
        seg.text for seg in paint_line(a.text, 0, a.paragraphs[0].end, Style(), [])
    )
