"""What ``reader extract`` prints for one article: its metadata and what was found in it.

The JSON shape is a contract for scripts (see the README): keep keys stable.
"""

from __future__ import annotations

from typing import Any

from reader.article import Article, ArticleFacts
from reader.extract.entities import extract_entities
from reader.extract.model import ENTITY_TYPES
from reader.extract.quotes import extract_quotes
from reader.inert import inert_line


def article_report(article: Article | ArticleFacts, *, with_text: bool = False) -> dict[str, Any]:
    """``{"path", "article": {...}, "entities": [...], "quotes": [...]}`` for one article (its
    facts are enough, and quicker to read).

    ``with_text`` adds ``"url"`` after ``"path"`` and ``"text"`` last: the article's text as the
    reader shows it, which every ``start``/``end`` indexes. ``"url"`` is the web address of a page
    or of a saved copy of one, ``null`` for any other file and for standard input.
    """
    entities = extract_entities(article.prose)
    report: dict[str, Any] = {"path": article.source}
    if with_text:
        report["url"] = article.url
    report |= {
        "article": {
            "title": article.title,
            "date": article.date.isoformat() if article.date else None,
            "dateline": article.dateline,
            "source": article.agency,
            "words": article.words,
            "truncated": article.truncated,
        },
        "entities": [entity.to_dict() for entity in entities],
        "quotes": [quote.to_dict() for quote in extract_quotes(article.prose, entities)],
    }
    if with_text:
        report["text"] = article.text
    return report


def extract_report(
    text: str, *, path: str = "-", fmt: str | None = None, with_text: bool = False
) -> dict[str, Any]:
    """The pure entry point: an article's text in, what ``reader extract`` prints for it out.

    No file, no database, no network: ``text`` is parsed as the command would parse a file of
    that format (``fmt`` one of ``newswire``, ``text``, ``markdown``, ``html``; sniffed when
    None) and ``path`` is only reported. The same text gives the same object, byte for byte once
    dumped, in any process on any machine: what an engine that spreads work over many machines
    needs (see :mod:`reader.extract.on_dask`). Raises ``ArticleError`` for text that is no
    article (empty, say)."""
    from reader.article import parse_article

    return article_report(parse_article(text, source=path, fmt=fmt), with_text=with_text)


def report_text(report: dict[str, Any]) -> str:
    """A readable summary: the title, then each type's entities with role, count and aliases."""
    meta = report["article"]
    facts = [meta["dateline"], meta["source"], meta["date"], f"{meta['words']} words"]
    lines = [
        inert_line(report["path"]),
        "  " + inert_line(meta["title"]),
        "  " + inert_line(" · ".join(str(fact) for fact in facts if fact)),
    ]
    for kind in ENTITY_TYPES:
        entities = [e for e in report["entities"] if e["type"] == kind]
        if not entities:
            continue
        lines.append(f"  {kind}")
        for entity in entities:
            line = f"    {entity['name']} ×{len(entity['mentions'])}"
            if entity["role"]:
                line += f" — {entity['role']}"
            if entity["aliases"]:
                line += f" (also: {', '.join(entity['aliases'])})"
            lines.append(inert_line(line))
    quotes = report.get("quotes") or []
    if quotes:
        lines.append("  QUOTES")
        for q in quotes:
            said = q["text"] if len(q["text"]) <= 60 else q["text"][:59].rstrip() + "…"
            who = q["speaker"] or "unattributed"
            cue = f" ({q['cue']})" if q["cue"] else ""
            kind = "" if q["kind"] in ("direct", "partial") else f" [{q['kind']}]"
            lines.append(inert_line(f"    “{said}” — {who}{cue}{kind}"))
    return "\n".join(lines)
