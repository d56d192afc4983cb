"""Decoding: encodings, line endings, and every kind of file that is not an article."""

from __future__ import annotations

import codecs
import random

import pytest

from reader.article.decode import MAX_ARTICLE_BYTES, decode_bytes
from reader.article.errors import ArticleError

TEXT = "The mayor’s “plan” costs €5 — café owners object.\nSecond line."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr", "utf16-crlf"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode_bytes(data, "a.txt") == TEXT


def test_cp1252_fallback_for_invalid_utf8() -> None:
    data = "The mayor’s “plan” costs €5 — café.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_bytes(data, "a.txt") == "The mayor’s “plan” costs €5 — café."


def test_bytes_undefined_in_cp1252_fall_back_to_latin1() -> None:
    assert decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d end", "a.txt") == (
        "café \x81\x8d\x8f\x90\x9d end"
    )


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\t\r\n  ", "no text in file"),
        (codecs.BOM_UTF8 + b"  \n", "no text in file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not an article"),
        (bytes(range(1, 9)) * 100, "binary file, not an article"),
        (b"\x00" * 4096, "binary file, not an article"),
        (b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(4096), "binary file, not an article"),
        # pairs of bytes with a NUL in every other one, as UTF-16, but they decode to controls
        (bytes(b for i in range(2000) for b in (i % 31 + 1, 0)), "binary file, not an article"),
        (bytes(b for i in range(2000) for b in (0, i % 31 + 1)), "binary file, not an article"),
        (codecs.BOM_UTF16_LE + b"\x00\x00" * 100, "binary file, not an article"),
    ],
    ids=[
        *("empty", "whitespace", "bom-only", "png", "controls", "nuls", "png-random"),
        *("utf16le-controls", "utf16be-controls", "utf16-bom-nuls"),
    ],
)
def test_bad_bytes(data: bytes, problem: str) -> None:
    with pytest.raises(ArticleError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.problem == problem
    assert info.value.path == "bad.txt"
    assert str(info.value) == f"bad.txt: {problem}"


def test_too_large() -> None:
    with pytest.raises(ArticleError) as info:
        decode_bytes(b"a" * (MAX_ARTICLE_BYTES + 1), "big.txt")
    assert info.value.problem == "file is 8.0 MB; the limit for an article is 8 MB"


def test_escape_sequences_are_text_not_binary() -> None:
    # An article may carry a few ANSI escapes; they are shown inert later, not refused.
    assert decode_bytes(b"Hello \x1b[31mred\x1b[0m world.", "a.txt").startswith("Hello")


def test_a_stray_nul_does_not_make_a_text_binary() -> None:
    data = b"The ferry left at dawn. " * 3 + b"\x00" + b"It came back at dusk."
    text = decode_bytes(data, "a.txt")
    # One stand-in for the one NUL: every offset after it still counts characters of the file.
    assert text == "The ferry left at dawn. " * 3 + "\ufffd" + "It came back at dusk."
    assert "\x00" not in text


def test_a_few_controls_are_kept_for_the_screen_to_show_inert() -> None:
    data = b"Bell\x07 and backspace\x08 in a long enough line of ordinary text."
    assert decode_bytes(data, "a.txt") == data.decode()


def test_nul_in_utf16_with_bom_is_a_stand_in_too() -> None:
    data = codecs.BOM_UTF16_LE + "One ferry.\x00 Two ferries, three ferries.".encode("utf-16-le")
    assert decode_bytes(data, "a.txt") == "One ferry.\ufffd Two ferries, three ferries."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_utf16(encoding: str) -> None:
    assert decode_bytes(TEXT.encode(encoding), "a.txt") == TEXT
    crlf = TEXT.replace("\n", "\r\n").encode(encoding)
    assert decode_bytes(crlf, "a.txt") == TEXT


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_odd_length_keeps_its_text(encoding: str) -> None:
    # A file cut off in the middle of a character: the lost half shows as one stand-in.
    text = decode_bytes(TEXT.encode(encoding)[:-1], "a.txt")
    assert text == TEXT[:-1] + "\ufffd"


def test_utf16_without_bom_with_cjk_and_ascii() -> None:
    text = "OSAKA (AP) — 今日は雨でした。 The ferry did not sail."
    assert decode_bytes(text.encode("utf-16-le"), "a.txt") == text
