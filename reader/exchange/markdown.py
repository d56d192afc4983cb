"""The Markdown export: one section per article, each highlight as a quote with its note and tags.

Every highlight links back to its place with an RFC 5147 fragment,
``file:///path/article.txt#char=START,END`` (offsets into the article text as it is now). A
highlight whose words were edited since quotes them as they are now and says how much changed;
an orphan (its text is no longer in the article) is kept and says so instead of linking.
"""

from __future__ import annotations

import re

from reader.exchange.gather import DocumentHighlights, Highlight
from reader.inert import inert, inert_line

_BLANK_LINES = re.compile(r"\n\s*\n")
# Characters that would start Markdown structure at the beginning of a line.
_LINE_START = re.compile(r"^([#>+\-*=|`~]|\d+[.)])", re.MULTILINE)


def export_markdown(documents: list[DocumentHighlights]) -> str:
    parts = ["# Highlights\n"]
    if not documents:
        parts.append("\nNo highlights yet.\n")
    for group in documents:
        parts.append("\n" + article_markdown(group))
    return "".join(parts)


def article_markdown(group: DocumentHighlights) -> str:
    """One article's section of the export; also what ``Y`` copies in the reading screen."""
    document = group.document
    title = inert_line(document.title or document.path)
    n = len(group.highlights)
    lines = [f"## {_escape_inline(title)}", ""]
    where = f"`{inert_line(document.path)}`" if group.uri else "standard input"
    line = f"{where} · {n} highlight{'' if n == 1 else 's'}"
    if group.problem:
        line += f" · not readable now ({inert_line(group.problem)}): places are as saved"
    lines.append(line)
    for highlight in group.highlights:
        lines.append("")
        lines.extend(_highlight(group, highlight))
    return "\n".join(lines) + "\n"


def _highlight(group: DocumentHighlights, highlight: Highlight) -> list[str]:
    record = highlight.record
    quote = _BLANK_LINES.sub("\n", inert(highlight.text).strip())
    lines = [f"> {_escape_line(line)}".rstrip() for line in quote.split("\n")]
    if record.note.strip():
        lines.append("")
        lines.extend(_escape_line(line) for line in inert(record.note).strip().split("\n"))
    details = []
    if record.tags:
        details.append(" ".join(f"`#{inert_line(tag)}`" for tag in record.tags))
    if highlight.changed:
        details.append(f"*changed since highlighted: {highlight.percent_same}% the same*")
    if highlight.anchored and group.uri:
        span = f"{highlight.start},{highlight.end}"
        details.append(f"[characters {span}]({group.uri}#char={span})")
    elif highlight.method == "orphan":
        details.append("*orphan: this text is no longer in the article*")
    elif highlight.anchored:
        details.append(f"characters {highlight.start},{highlight.end}")
    if details:
        lines.extend(["", " · ".join(details)])
    return lines


def _escape_line(line: str) -> str:
    return _LINE_START.sub(r"\\\1", line)


def _escape_inline(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
