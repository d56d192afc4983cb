"""AnnotationStore: document identity, reading positions, annotations, several instances."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import make_article

from reader.store import AnnotationRecord, AnnotationStore, Target, TextPosition, TextQuote

Opener = Callable[..., AnnotationStore]


def test_nothing_is_created_until_the_first_write(tmp_path: Path, open_store: Opener) -> None:
    db = tmp_path / "new" / "deeper" / "reader.json"
    store = open_store(db)
    assert store.documents() == [] and store.annotation_counts() == {}
    assert store.position("nope") == 0 and store.annotations_for("nope") == []
    assert store.document_by_path(str(tmp_path / "a.txt")) is None
    assert not (tmp_path / "new").exists()
    store.document_for(make_article(tmp_path / "a.txt"))
    assert db.is_file()


def test_same_path_gives_same_document_and_updates_it(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    first = store.document_for(make_article(tmp_path / "a.txt", "v1", "Old"))
    again = store.document_for(make_article(tmp_path / "a.txt", "v2", "New"))
    assert again.id == first.id
    assert (again.title, again.created) == ("New", first.created)
    assert again.content_hash != first.content_hash and again.last_opened >= first.last_opened
    assert store.documents() == [again]


def test_relative_source_is_stored_resolved(
    tmp_path: Path, open_store: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = open_store().document_for(make_article("a.txt"))
    assert doc.path == str((tmp_path / "a.txt").resolve())


def test_moved_file_is_found_by_hash(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    old, new = tmp_path / "a.txt", tmp_path / "moved.txt"
    old.write_text("body")
    doc = store.document_for(make_article(old, "body"))
    old.rename(new)
    moved = store.document_for(make_article(new, "body"))
    assert moved.id == doc.id and moved.path == str(new.resolve())
    assert store.document_by_path(str(new)) == moved
    assert store.document_by_path(str(old)) is None


def test_copied_file_gets_its_own_document(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    (tmp_path / "a.txt").write_text("body")
    (tmp_path / "b.txt").write_text("body")
    one = store.document_for(make_article(tmp_path / "a.txt", "body"))
    two = store.document_for(make_article(tmp_path / "b.txt", "body"))
    assert one.id != two.id


def test_stdin_is_found_by_hash_only(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    one = store.document_for(make_article("-", "piped"))
    two = store.document_for(make_article("-", "piped"))
    other = store.document_for(make_article("-", "different"))
    assert one.id == two.id != other.id and one.path == "-"
    assert store.document_by_path("-") is not None


def test_position_is_saved_and_survives_reopening(
    db: Path, tmp_path: Path, open_store: Opener
) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    assert store.position(doc.id) == 0
    store.save_position(doc.id, 1234)
    inode = db.stat().st_ino
    store.save_position(doc.id, 1234)  # unchanged: no write
    assert db.stat().st_ino == inode
    store.close()
    assert open_store().position(doc.id) == 1234
    with pytest.raises(KeyError):
        open_store().save_position("unknown", 1)


def test_annotations_add_list_update_delete(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    late = store.add_annotation(AnnotationRecord.new(doc.id, 50, 60, "late"))
    early = store.add_annotation(AnnotationRecord.new(doc.id, 5, 9, "early"))
    assert [a.id for a in store.annotations_for(doc.id)] == [early.id, late.id]
    assert store.annotation_counts() == {doc.id: 2}

    target = Target(TextPosition(1, 3), TextQuote("ar", "e", "l"))
    changed = store.update_annotation(late.id, note="why", tags=["a", "b"], target=target)
    assert changed.note == "why" and changed.tags == ("a", "b") and changed.start == 1
    assert changed.updated >= late.updated and changed.created == late.created
    assert store.annotation(late.id) == changed
    assert store.update_annotation(late.id, color="blue").note == "why"

    assert store.delete_annotation(early.id) is True
    assert store.delete_annotation(early.id) is False
    assert store.annotation_counts() == {doc.id: 1}


def test_annotation_errors(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    record = store.add_annotation(AnnotationRecord.new(doc.id, 0, 1, "x"))
    with pytest.raises(ValueError):
        store.add_annotation(record)
    with pytest.raises(KeyError):
        store.add_annotation(AnnotationRecord.new("no-such-doc", 0, 1, "x"))
    with pytest.raises(TypeError):
        store.update_annotation(record.id, created="now")
    with pytest.raises(KeyError):
        store.update_annotation("gone", note="x")
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.documents()


def test_two_instances_see_and_keep_each_others_changes(tmp_path: Path, open_store: Opener) -> None:
    a, b = open_store(), open_store()
    doc = a.document_for(make_article(tmp_path / "a.txt"))
    assert b.document_for(make_article(tmp_path / "a.txt")).id == doc.id
    x = a.add_annotation(AnnotationRecord.new(doc.id, 0, 1, "x"))
    y = b.add_annotation(AnnotationRecord.new(doc.id, 2, 3, "y"))
    a.update_annotation(x.id, note="from a")
    b.update_annotation(x.id, color="green")  # a different field of the same record
    a.save_position(doc.id, 7)
    for store in (a, b):
        got = {r.id: r for r in store.annotations_for(doc.id)}
        assert set(got) == {x.id, y.id}
        assert (got[x.id].note, got[x.id].color) == ("from a", "green")
        assert store.position(doc.id) == 7


def test_threads_share_one_store(tmp_path: Path, open_store: Opener) -> None:
    store, other = open_store(), open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))

    def work(target: AnnotationStore, n: int) -> None:
        for i in range(15):
            target.add_annotation(AnnotationRecord.new(doc.id, n, n + i, "t"))
            target.annotations_for(doc.id)

    threads = [
        threading.Thread(target=work, args=(s, n)) for n, s in enumerate([store] * 3 + [other])
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(store.annotations_for(doc.id)) == len(other.annotations_for(doc.id)) == 60


def test_malformed_record_is_skipped_but_kept(db: Path, tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    store._annotations.insert({"document": doc.id, "target": "mangled"})  # an outside edit
    good = store.add_annotation(AnnotationRecord.new(doc.id, 0, 1, "x"))
    assert [a.id for a in store.annotations_for(doc.id)] == [good.id]
    assert store.annotation_counts() == {doc.id: 2}
    assert "mangled" in db.read_text()


def test_changed_on_disk_sees_another_writer(tmp_path) -> None:
    from reader.article import parse_article
    from reader.store import AnnotationStore

    article = parse_article("One sentence here. Another one there.", source="x.txt")
    with (
        AnnotationStore.open(tmp_path / "db.json") as mine,
        AnnotationStore.open(tmp_path / "db.json") as theirs,
    ):
        mine.document_for(article)
        assert not mine.changed_on_disk()
        theirs.documents()
        document = theirs.document_for(article)
        theirs.save_position(document.id, 5)
        assert mine.changed_on_disk()
        mine.documents()
        assert not mine.changed_on_disk()
