"""Questions the index answers across articles: which mention these words (full-text search,
ranked, with a snippet), and who a person is across them (every article and every quote).
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.index.names import name_key

if TYPE_CHECKING:
    from reader.article.summary import ArticleSummary

#: Characters of context either side of a match in a snippet.
SNIPPET_CONTEXT = 60
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Hit:
    """One article that matches: where the first match is and the text around it."""

    path: str
    title: str
    date: str | None
    start: int
    end: int
    snippet: str

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "title": self.title,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "snippet": self.snippet,
        }


def match_expression(query: str) -> str | None:
    """The FTS5 query for what a reader types: every word must appear (the last may be the
    start of a word, as it is while still being typed); FTS5 syntax in it counts for nothing."""
    words = _WORD.findall(query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(
    conn: sqlite3.Connection, query: str, *, under: list[Path] | None = None, limit: int = 50
) -> list[Hit]:
    """The articles (under the folders or files ``under``, when given) that hold every word of
    ``query``, best first (BM25)."""
    expression = match_expression(query)
    if expression is None:
        return []
    sql = (
        "SELECT a.path, a.title, a.date, texts.body FROM texts JOIN articles a"
        " ON a.id = texts.rowid WHERE texts MATCH ?"
    )
    args: list[object] = [expression]
    if under:
        condition, roots = _under_condition(under)
        sql += f" AND {condition}"
        args += roots
    sql += " ORDER BY bm25(texts) LIMIT ?"
    args.append(limit)
    hits = []
    for path, title, date, body in conn.execute(sql, args):
        start, end = first_match(body, query)
        hits.append(Hit(path, title, date, start, end, snippet(body, start, end)))
    return hits


def first_match(text: str, query: str) -> tuple[int, int]:
    """Where the earliest of the query's words is in ``text`` (the last as a word's start)."""
    words = _WORD.findall(query)
    best = (0, 0)
    for i, word in enumerate(words):
        tail = r"\w*" if i == len(words) - 1 else r"\b"
        m = re.search(r"\b" + re.escape(word) + tail, text, re.IGNORECASE)
        if m and (best == (0, 0) or m.start() < best[0]):
            best = (m.start(), m.end())
    return best


def snippet(text: str, start: int, end: int) -> str:
    """The match with some words either side, on one line."""
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    if left:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    middle = " ".join(text[left:right].split())
    return ("…" if left else "") + middle + ("…" if right < len(text) else "")


@dataclass(frozen=True, slots=True)
class Mentioned:
    path: str
    title: str
    date: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class Said:
    path: str
    title: str
    date: str | None
    start: int
    end: int
    text: str
    cue: str | None


@dataclass(frozen=True, slots=True)
class Who:
    """A person, body or place across the library."""

    name: str
    type: str
    aliases: tuple[str, ...]
    articles: tuple[Mentioned, ...]
    quotes: tuple[Said, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "articles": [vars_of(a) for a in self.articles],
            "quotes": [vars_of(q) for q in self.quotes],
        }


def vars_of(row: object) -> dict[str, object]:
    return {name: getattr(row, name) for name in row.__slots__}  # type: ignore[attr-defined]


def keys_for(conn: sqlite3.Connection, name: str) -> set[str]:
    """The keys ``name`` stands for: its own, and a surname's one full name (or a full name's
    surname said alone) where only one person with that surname is known."""
    key = name_key(name)
    if not key:
        return set()
    keys = {key} if _known(conn, key) else set()
    words = key.split()
    if len(words) == 1:
        full = _people_with_surname(conn, key)
        if len(full) == 1:
            keys |= full
    elif len(_people_with_surname(conn, words[-1])) == 1 and _known(conn, words[-1]):
        keys.add(words[-1])
    return keys


def _known(conn: sqlite3.Connection, key: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM entities WHERE key = ? LIMIT 1", (key,)).fetchone() is not None
    )


def _people_with_surname(conn: sqlite3.Connection, surname: str) -> set[str]:
    rows = conn.execute("SELECT DISTINCT key FROM entities WHERE surname = ?", (surname,))
    return {row[0] for row in rows}


def who(conn: sqlite3.Connection, name: str) -> Who | None:
    """Every article that mentions ``name`` and every quote by it, in date order; None when the
    index knows no such name."""
    keys = sorted(keys_for(conn, name))
    if not keys:
        return None
    marks = ", ".join("?" * len(keys))
    rows = conn.execute(
        "SELECT e.name, e.type, e.aliases, e.mentions, a.path, a.title, a.date FROM entities e"
        f" JOIN articles a ON a.id = e.article WHERE e.key IN ({marks})"
        " ORDER BY a.date IS NULL, a.date, a.path",
        keys,
    ).fetchall()
    names: dict[str, int] = {}
    types: dict[str, int] = {}
    aliases: set[str] = set()
    per_article: dict[str, Mentioned] = {}
    for entity, kind, also, mentions, path, title, date in rows:
        names[entity] = names.get(entity, 0) + mentions
        types[kind] = types.get(kind, 0) + mentions
        aliases.update(json.loads(also))
        before = per_article.get(path)
        count = mentions + (before.mentions if before else 0)
        per_article[path] = Mentioned(path, title, date, count)
    said = conn.execute(
        "SELECT a.path, a.title, a.date, q.start, q.end, q.text, q.cue FROM quotes q"
        f" JOIN articles a ON a.id = q.article WHERE q.key IN ({marks})"
        " ORDER BY a.date IS NULL, a.date, a.path, q.start",
        keys,
    ).fetchall()
    best = max(names, key=lambda n: (len(n.split()), names[n])) if names else name
    return Who(
        name=best,
        type=max(types, key=types.__getitem__) if types else "PERSON",
        aliases=tuple(sorted(a for a in aliases | set(names) if a != best)),
        articles=tuple(per_article.values()),
        quotes=tuple(Said(*row) for row in said),
    )


@dataclass(frozen=True, slots=True)
class Known:
    """One entity across the library: its name, type, and in how many articles and quotes."""

    name: str
    type: str
    articles: int
    quotes: int


def everyone(conn: sqlite3.Connection, under: list[Path] | None = None) -> list[Known]:
    """Every entity of the articles under ``under`` (all when None), most widely mentioned
    first: one row per name key, named as most of its mentions name it."""
    where, args = _under_clause(under)
    rows = conn.execute(
        "SELECT e.key, e.name, e.type, e.article, e.mentions FROM entities e"
        f" JOIN articles a ON a.id = e.article{where}",
        args,
    ).fetchall()
    said = dict(
        conn.execute(
            f"SELECT q.key, count(*) FROM quotes q JOIN articles a ON a.id = q.article{where}"
            " GROUP BY q.key",
            args,
        ).fetchall()
    )
    names: dict[str, dict[str, int]] = {}
    types: dict[str, dict[str, int]] = {}
    articles: dict[str, set[int]] = {}
    for key, name, kind, article, mentions in rows:
        names.setdefault(key, {})[name] = names.get(key, {}).get(name, 0) + mentions
        types.setdefault(key, {})[kind] = types.get(key, {}).get(kind, 0) + mentions
        articles.setdefault(key, set()).add(article)
    known = [
        Known(
            name=max(names[key], key=names[key].__getitem__),
            type=max(types[key], key=types[key].__getitem__),
            articles=len(articles[key]),
            quotes=said.get(key, 0),
        )
        for key in names
    ]
    known.sort(key=lambda k: (-k.articles, -k.quotes, k.name.casefold()))
    return known


def _under_clause(under: list[Path] | None) -> tuple[str, list[object]]:
    """`` WHERE`` and :func:`_under_condition`, or nothing when there are no roots."""
    if not under:
        return "", []
    condition, args = _under_condition(under)
    return f" WHERE {condition}", args


def _under_condition(under: list[Path]) -> tuple[str, list[object]]:
    """An SQL condition (and its arguments) that an article's path ``a.path`` is one of
    ``under`` or inside one of them."""
    parts = []
    args: list[object] = []
    for root in under:
        text = str(Path(os.path.abspath(root)))
        prefix = text.rstrip(os.sep) + os.sep
        # Every path that starts with "root/" sorts between "root/" and "root0" ("0" comes
        # right after the separator), so the index on the paths answers without a full scan.
        past = prefix[:-1] + chr(ord(os.sep) + 1)
        parts.append("(a.path = ? OR (a.path > ? AND a.path < ?))")
        args += [text, prefix, past]
    return "(" + " OR ".join(parts) + ")", args


def summaries(
    conn: sqlite3.Connection, roots: list[Path]
) -> dict[str, tuple[int, int, ArticleSummary]]:
    """What the library lists for each indexed article under ``roots``, by path, with the size
    and modification time it had when indexed (a file that differs now must be read again)."""
    from reader.article.summary import ArticleSummary, place_of

    where, args = _under_clause(roots)
    out = {}
    rows = conn.execute(
        "SELECT a.path, a.size, a.mtime_ns, a.title, a.date, a.dateline, a.words, a.hash,"
        f" a.format, a.site FROM articles a{where}",
        args,
    )
    # Once per row of a library of 100,000: datelines and dates repeat, so each is worked
    # out once.
    places: dict[str | None, str | None] = {}
    dates: dict[str | None, _dt.date | None] = {None: None, "": None}
    for path, size, mtime_ns, title, date, dateline, words, digest, fmt, site in rows:
        if date not in dates:
            dates[date] = _dt.date.fromisoformat(date)
        if dateline not in places:
            places[dateline] = place_of(dateline)
        summary = ArticleSummary(
            path, title, dates[date], places[dateline], words, digest, fmt, site
        )
        out[path] = (size, mtime_ns, summary)
    return out


def elsewhere(conn: sqlite3.Connection, names: list[str], path: str) -> dict[str, int]:
    """For each name, in how many indexed articles other than the one at ``path`` it is
    mentioned (names the index does not know elsewhere are left out)."""
    absolute = os.path.abspath(path)
    out: dict[str, int] = {}
    for name in names:
        keys = sorted(keys_for(conn, name))
        if not keys:
            continue
        marks = ", ".join("?" * len(keys))
        (count,) = conn.execute(
            "SELECT count(DISTINCT e.article) FROM entities e JOIN articles a ON a.id = e.article"
            f" WHERE e.key IN ({marks}) AND a.path != ?",
            [*keys, absolute],
        ).fetchone()
        if count:
            out[name] = count
    return out
