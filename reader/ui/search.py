"""Finding a query in the article body, for ``/``, ``n`` and ``N``.

Smart case, as in vim and less: a query with no capital letter matches any case; one with a capital
matches exactly. Spaces in the query match any run of whitespace, so a phrase is found across the
soft line breaks of plain-text articles.
"""

from __future__ import annotations

import re

from reader.article import Article

#: Enough for any real search; a one-letter query on a 1 MB article stops here rather than stalling.
MAX_MATCHES = 10_000


def find_all(article: Article, query: str) -> list[tuple[int, int]]:
    """Every match of ``query`` in the body, as ``(start, end)`` offsets, in order."""
    words = query.split()
    if not words or not article.paragraphs:
        return []
    flags = 0 if any(ch.isupper() for ch in query) else re.IGNORECASE
    pattern = re.compile(r"\s+".join(re.escape(word) for word in words), flags)
    start, end = article.body_start, article.paragraphs[-1].end
    matches: list[tuple[int, int]] = []
    for match in pattern.finditer(article.text, start, end):
        matches.append(match.span())
        if len(matches) >= MAX_MATCHES:
            break
    return matches
