"""The library's scan on its own (no app): what it reports, batch by batch, for a folder the
index knows and for one it does not."""

from __future__ import annotations

import os
from pathlib import Path

from reader.index import connect, update
from reader.store import AnnotationStore
from reader.ui.library_rows import NEW, READ
from reader.ui.library_scan import INDEX_AFTER, Batch, LibraryScan
from tests.index.test_index import HARBOUR, KELLER


def write_folder(news: Path, count: int) -> None:
    news.mkdir()
    for n in range(count):
        (news / f"k-{n:02d}.txt").write_text(KELLER.replace("Monday", f"day {n}"), encoding="utf-8")


def scan(roots: list[Path], index: Path | None, store: AnnotationStore) -> list[Batch]:
    batches: list[Batch] = []
    LibraryScan(roots, index, store, batches.append).run()
    return batches


def test_an_indexed_folder_comes_whole_first_then_what_changed(
    tmp_path: Path, store: AnnotationStore
) -> None:
    news = tmp_path / "news"
    write_folder(news, 5)
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    conn.close()
    (news / "k-01.txt").unlink()
    (news / "k-02.txt").write_text(HARBOUR, encoding="utf-8")
    os.utime(news / "k-02.txt", ns=(1, 1))
    (news / "new.txt").write_text(HARBOUR, encoding="utf-8")
    first, *rest = scan([news], index, store)
    assert first.listed and not first.done and len(first.entries) == 5
    assert {e.state for e in first.entries} == {NEW}
    (last,) = rest
    assert last.done and last.index_behind
    assert [Path(p).name for p in last.removed] == ["k-01.txt"]
    assert sorted(Path(e.summary.path).name for e in last.entries) == ["k-02.txt", "new.txt"]


def test_nothing_changed_means_nothing_to_redo(tmp_path: Path, store: AnnotationStore) -> None:
    from reader.article import load_article

    news = tmp_path / "news"
    write_folder(news, 3)
    index = tmp_path / "index.sqlite3"
    conn = connect(index)
    update(conn, [news])
    conn.close()
    document = store.document_for(load_article(news / "k-00.txt"))
    store.set_read(document.id, True)
    first, last = scan([news], index, store)
    states = {Path(e.summary.path).name: e.state for e in first.entries}
    assert states["k-00.txt"] == READ and states["k-01.txt"] == NEW
    assert last.done and not last.entries and not last.removed and not last.index_behind


def test_without_an_index_every_file_is_read_and_a_handful_needs_none(
    tmp_path: Path, store: AnnotationStore
) -> None:
    news = tmp_path / "news"
    write_folder(news, 3)
    index = tmp_path / "index.sqlite3"
    batches = scan([news], index, store)
    assert not any(b.listed for b in batches) and batches[-1].done
    assert sum(len(b.entries) for b in batches) == 3
    assert not batches[-1].index_behind and not index.exists()  # a handful: no index made
    more = tmp_path / "more"
    write_folder(more, INDEX_AFTER + 1)
    batches = scan([more], index, store)
    assert sum(len(b.entries) for b in batches) == INDEX_AFTER + 1
    assert batches[-1].index_behind  # more than a handful: the index is to be made
