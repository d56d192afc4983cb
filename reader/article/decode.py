"""Bytes to article text: pick the encoding, refuse what is not an article, normalise line endings.

Readers are handed whatever is on disk, so decoding must never guess wrong silently and never crash:
UTF-8 (with or without BOM) and UTF-16 with a BOM are decoded as such; UTF-16 without a BOM is
recognised by its NULs, which fill one byte of many pairs (text in a script with no NUL bytes at
all, such as Chinese only, cannot be told from other bytes and is not recognised); anything else
that is not valid UTF-8 is read as Windows-1252, the usual encoding of old news-wire and web files.

A file is binary when control bytes are more than :data:`MAX_CONTROL_SHARE` of its start, not
when it holds any NUL: a stray NUL or two is damage in a text file. Each NUL that remains becomes
U+FFFD, one character for one so offsets still count the file's characters, and the other control
characters stay in the text for the screen to show as stand-ins (:mod:`reader.inert`).

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

#: Share of control bytes (other than tab, newline, vertical tab, form feed, carriage return,
#: escape) above which a file is taken for binary.
MAX_CONTROL_SHARE = 0.05

#: Share of byte pairs with a NUL on the same side from which a file without a BOM, and with too
#: many controls for UTF-8, is read as UTF-16: Latin text has one in nearly every pair, text in
#: other scripts one per space or digit. At least :data:`MIN_UTF16_NULS` of them, so that a few
#: bytes with a stray NUL are not taken for UTF-16.
MIN_UTF16_NUL_SHARE = 0.1
MIN_UTF16_NULS = 4

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
#: Deletes what is never text in decoded Unicode: those controls, the C1 controls, and U+FFFD, which
#: a decoder leaves for what it could not read.
_NOT_TEXT = str.maketrans(dict.fromkeys([*_CONTROL_BYTES, *range(0x80, 0xA0), 0xFFFD]))
_NUL_TO_STAND_IN = str.maketrans({0: "\ufffd"})


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
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(head)


def _looks_binary_text(head: str) -> bool:
    """Like :func:`_looks_binary` for text from UTF-16: any bytes decode, so judge the result."""
    return len(head) - len(head.translate(_NOT_TEXT)) > MAX_CONTROL_SHARE * len(head)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs fill one byte of many pairs and almost none of the other."""
    pairs = len(head) // 2
    high_le, high_be = head[1::2].count(0), head[0::2].count(0)
    least = max(MIN_UTF16_NULS, MIN_UTF16_NUL_SHARE * pairs)
    if high_le >= least and high_be * 10 <= high_le:
        return "utf-16-le"
    if high_be >= least and high_le * 10 <= high_be:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, path: str) -> str:
    """Decode a file's bytes to text with ``\\n`` line endings, or raise :class:`ArticleError`."""
    if not data:
        raise ArticleError(path, "empty file")
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(path, too_large_problem(len(data)))
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(
        codecs.BOM_UTF32_LE
    ):
        utf16: str | None = "utf-16"  # the codec reads the BOM and drops it
    elif _looks_binary(data[:SNIFF_BYTES]):
        # Too many controls for UTF-8 or Windows-1252; the NULs may be UTF-16's high bytes.
        utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
        if utf16 is None:
            raise ArticleError(path, "binary file, not an article")
    else:
        utf16 = None
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _looks_binary_text(text[:SNIFF_BYTES]):
            raise ArticleError(path, "binary file, not an article")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("latin-1").translate(_CP1252)
    if "\x00" in text:
        text = text.translate(_NUL_TO_STAND_IN)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(path, "no text in file")
    return text
