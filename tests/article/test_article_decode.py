"""Decoding: encodings, line endings, and every kind of file that is not an article."""

from __future__ import annotations

import codecs

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
        (b"text " * 10 + b"\x00" + b"more", "binary file, not an article"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "controls", "nul"],
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
