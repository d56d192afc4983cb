"""Bytes to article text: pick the encoding, refuse what is not an article, normalise line endings.

Readers are handed whatever is on disk, so decoding must never guess wrong silently and never crash:
UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; anything else that is not
valid UTF-8 is read as Windows-1252, the usual encoding of old news-wire and web files.

Size limit: a news article is at most tens of KB; :data:`MAX_ARTICLE_BYTES` (8 MiB) leaves room for
long reports and our 1 MB benchmark while refusing a log file or disk image opened by mistake.
"""

from __future__ import annotations

import codecs

from reader.article.errors import ArticleError

#: A news article is at most tens of KB; 8 MiB leaves room for long reports and our 1 MB benchmark
#: while keeping a mistaken `reader /var/log/huge.log` from eating memory.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024

#: How much of the file the binary check looks at.
SNIFF_BYTES = 8 * 1024

#: Share of control bytes (other than tab, newline, carriage return, form feed, escape) above which
#: a file is taken for binary.
MAX_CONTROL_SHARE = 0.05

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"


def _cp1252_table() -> str:
    """Windows-1252 for each byte; the five bytes it leaves undefined map as Latin-1 does."""
    chars = []
    for b in range(256):
        try:
            chars.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return "".join(chars)


_CP1252 = str.maketrans({i: c for i, c in enumerate(_cp1252_table()) if chr(i) != c})


def format_size(size: int) -> str:
    """``9.3 MB`` (binary megabytes, one decimal)."""
    return f"{size / (1024 * 1024):.1f} MB"


def too_large_problem(size: int | None) -> str:
    limit = MAX_ARTICLE_BYTES // (1024 * 1024)
    if size is None:
        return f"input is over {limit} MB; the limit for an article is {limit} MB"
    return f"file is {format_size(size)}; the limit for an article is {limit} MB"


def _looks_binary(head: bytes) -> bool:
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(head)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes to text with ``\\n`` line endings, or raise :class:`ArticleError`."""
    if not data:
        raise ArticleError(path, "empty file")
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, too_large_problem(len(data)))
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        text = data.decode("utf-16", errors="replace")
        if "\x00" in text[:SNIFF_BYTES] or _looks_binary(
            text[:SNIFF_BYTES].encode("latin-1", errors="ignore")
        ):
            raise ArticleError(path, "binary file, not an article")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        if _looks_binary(data[:SNIFF_BYTES]):
            raise ArticleError(path, "binary file, not an article")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1").translate(_CP1252)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(path, "no text in file")
    return text
