"""Helpers for the export/import tests (a module of its own: conftest is not importable)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.article import load_article
from reader.store import AnnotationStore
from reader.store.anchoring import new_highlight

FIRST = (
    " date 2023-04-02\nNORTHWICK, England (Wire) — The town’s only cinema will close in June "
    "after 84 years, its owners said on Monday.\n\n"
    "“It breaks my heart,” said Ada Plimsoll, who sold tickets there as a teenager.\n\n"
    "The building is to become flats."
)
SECOND = (
    "A river ferry resumed service on Friday after the floods.\n\n"
    "Passengers cheered as the first boat crossed."
)


@dataclass
class Library:
    db: Path
    folder: Path
    first: Path
    second: Path
    ids: dict[str, str]  # a short name → annotation id


def _add(store: AnnotationStore, path: Path, quote: str, **fields: object) -> str:
    article = load_article(path)
    document = store.document_for(article)
    start = article.text.index(quote)
    record = new_highlight(
        document.id,
        article.text,
        start,
        start + len(quote),
        **fields,  # type: ignore[arg-type]
    )
    return store.add_annotation(record).id


def make_library(tmp_path: Path) -> Library:
    folder = tmp_path / "articles"
    (folder / "more").mkdir(parents=True)
    first = folder / "cinema.txt"
    second = folder / "more" / "ferry.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    db = tmp_path / "db" / "reader.json"
    with AnnotationStore.open(db) as store:
        ids = {
            "cinema": _add(
                store, first, "will close in June after 84 years", note="Sad.", tags=["local"]
            ),
            "ada": _add(store, first, "“It breaks my heart,” said Ada Plimsoll", color="green"),
            "ferry": _add(
                store, second, "the first boat crossed", note="Good news\n# not a heading"
            ),
        }
    return Library(db, folder, first, second, ids)
