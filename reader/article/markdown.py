"""Markdown to article text, with the stdlib only.

The reader shows prose, not markup: the first ``# Heading`` (or setext heading, or front-matter
``title:``) becomes the title, other headings become heading paragraphs, list items and code blocks
become paragraphs of their own, blockquotes are unwrapped, and inline markup is reduced to its text
(links keep their text, images are dropped). This is deliberately not a full CommonMark parser:
articles use a small part of Markdown, and a wrong guess costs a stray ``*``, never a crash.
"""

from __future__ import annotations

import datetime as _dt
import html as _html
import re
from typing import NamedTuple


class Extracted(NamedTuple):
    """Article text pulled out of markup: title, date, and paragraphs as ``(text, is_heading)``."""

    title: str | None
    date: _dt.date | None
    blocks: list[tuple[str, bool]]


_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_HRULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|<])")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]")
_LINK = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = (
    re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"),
    re.compile(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    re.compile(r"\*(?=\S)(.+?)(?<=\S)\*"),
    re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
)
#: Escaped characters hide here (supplementary private use area) while emphasis is removed.
_HIDE = 0xF0000


def parse_date(value: str) -> _dt.date | None:
    m = _ISO_DATE.search(value)
    if not m:
        return None
    try:
        return _dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    if not text.startswith("---"):
        return {}, text
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, text
    end = _FRONT_END.search(text, first_nl + 1)
    if end is None:
        return {}, text
    meta = {
        k.lower(): v.strip().strip("\"'")
        for k, v in _FRONT_KEY.findall(text[first_nl + 1 : end.start()])
    }
    return meta, text[end.end() :]


def inline(text: str) -> str:
    """Reduce one block's inline Markdown to plain text, whitespace collapsed."""
    text = _ESCAPE.sub(lambda m: chr(_HIDE + ord(m[1])), text)
    pieces = []
    pos = 0
    for m in _CODE_SPAN.finditer(text):
        pieces.append(_inline_prose(text[pos : m.start()]))
        pieces.append(m[2].strip() if m[2].strip() else m[2])
        pos = m.end()
    pieces.append(_inline_prose(text[pos:]))
    out = "".join(pieces)
    out = re.sub(r"[\U000F0000-\U000F007F]", lambda m: chr(ord(m[0]) - _HIDE), out)
    return " ".join(out.split())


def _inline_prose(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _BR.sub(" ", text)
    text = _TAG.sub("", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return _html.unescape(text)


def extract_markdown(text: str) -> Extracted:
    """Title, date and paragraphs of a Markdown document."""
    meta, body = _front_matter(text)
    title = inline(meta["title"]) if meta.get("title") else None
    from_front = title is not None
    date = parse_date(meta.get("date", ""))
    body = _COMMENT.sub("", body)

    blocks: list[tuple[str, bool]] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            t = inline(" ".join(para))
            if t:
                blocks.append((t, False))
            para.clear()

    def heading(level: int, raw: str) -> None:
        nonlocal title
        t = inline(raw)
        if not t:
            return
        if level == 1 and title is None:
            title = t
        elif level == 1 and from_front and t == title and not blocks:
            return
        else:
            blocks.append((t, True))

    lines = body.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        while _QUOTE.match(line):
            line = _QUOTE.sub("", line, count=1)
        fence = _FENCE.match(line)
        if fence:
            flush()
            marker = fence[1]
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].lstrip(" >").startswith(marker):
                code.append(lines[i].rstrip())
                i += 1
            i += 1
            joined = "\n".join(c for c in code if c.strip())
            if joined.strip():
                blocks.append((joined.strip(), False))
            continue
        i += 1
        if not line.strip():
            flush()
            continue
        m = _ATX.match(line)
        if m:
            flush()
            heading(len(m[1]), m[2] or "")
            continue
        m = _SETEXT.match(line)
        if m and para:
            raw = " ".join(para)
            para.clear()
            heading(1 if m[1][0] == "=" else 2, raw)
            continue
        if _HRULE.match(line):
            flush()
            continue
        if _REFDEF.match(line) and not para:
            continue
        m = _ITEM.match(line)
        if m:
            flush()
            para.append(m[1] or "")
            continue
        para.append(line.strip())
    flush()
    return Extracted(title, date, blocks)
