"""Place marks (``m``/``'``) on a document record: saved, read back, kept across reopening."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import make_article

from reader.store import AnnotationStore, DocumentRecord
from reader.store.place_marks import parse_marks

Opener = Callable[..., AnnotationStore]


def test_marks_are_saved_and_survive_reopening(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    assert store.marks(doc.id) == {}
    store.save_mark(doc.id, "a", 40)
    store.save_mark(doc.id, "B", 7)
    store.save_mark(doc.id, "a", 42)  # set again: moves
    assert store.marks(doc.id) == {"a": 42, "B": 7}
    store.close()
    reopened = open_store()
    assert reopened.marks(doc.id) == {"a": 42, "B": 7}
    assert reopened.document_for(make_article(tmp_path / "a.txt")).marks == {"a": 42, "B": 7}


def test_a_mark_keeps_the_other_fields_of_the_record(
    db: Path, tmp_path: Path, open_store: Opener
) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    store.save_position(doc.id, 5)
    store.close()
    data = json.loads(db.read_text(encoding="utf-8"))
    data["documents"][doc.id]["future"] = {"kept": True}  # a field a newer reader wrote
    db.write_text(json.dumps(data), encoding="utf-8")

    store = open_store()
    store.save_mark(doc.id, "q", 3)
    row = json.loads(db.read_text(encoding="utf-8"))["documents"][doc.id]
    assert row["future"] == {"kept": True}
    assert row["position"] == 5 and row["marks"] == {"q": 3}
    assert row["title"] == doc.title and row["path"] == doc.path


def test_marks_set_in_two_stores_on_one_file_are_both_kept(
    tmp_path: Path, open_store: Opener
) -> None:
    first, second = open_store(), open_store()
    doc = first.document_for(make_article(tmp_path / "a.txt"))
    first.save_mark(doc.id, "a", 1)
    second.save_mark(doc.id, "b", 2)
    assert first.marks(doc.id) == {"a": 1, "b": 2}


def test_records_without_marks_load_and_write_as_before(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    assert doc.marks == {}
    assert "marks" not in doc.to_dict()
    assert DocumentRecord.from_dict({k: v for k, v in doc.to_dict().items()}) == doc


def test_bad_marks_are_refused_or_left_out(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    for name in ("", "ab", "1", "'", "é"):
        with pytest.raises(ValueError):
            store.save_mark(doc.id, name, 1)
    with pytest.raises(ValueError):
        store.save_mark(doc.id, "a", -1)
    with pytest.raises(KeyError):
        store.save_mark("unknown", "a", 1)
    assert store.marks("unknown") == {}
    stored = {"a": 3, "b": "x", "cc": 1, "d": True, "e": -2, "Z": 0}
    assert parse_marks(stored) == {"a": 3, "Z": 0}
    assert parse_marks(["a"]) == {} and parse_marks(None) == {}


def test_a_read_only_store_keeps_marks_for_the_session(
    db: Path, tmp_path: Path, open_store: Opener, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    store.close()
    before = db.read_bytes()
    real = os.statvfs

    def statvfs(path: str | os.PathLike[str]) -> os.statvfs_result:
        found = list(real(path))
        found[8] |= os.ST_RDONLY  # f_flag: a read-only file system
        return os.statvfs_result(found)

    monkeypatch.setattr(os, "statvfs", statvfs)
    store = open_store()
    assert store.read_only
    store.save_mark(doc.id, "a", 9)
    assert store.marks(doc.id) == {"a": 9}
    assert db.read_bytes() == before
