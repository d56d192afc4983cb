"""Bad files: moved aside untouched, the backup restored, the user told in one line."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import BAD_FILES, make_article

from reader.store import AnnotationRecord, AnnotationStore, StoreError


def asides(db: Path) -> list[Path]:
    return sorted(db.parent.glob(db.name + ".invalid-*"))


def fill(store: AnnotationStore, tmp_path: Path, count: int) -> str:
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    for i in range(count):
        store.add_annotation(AnnotationRecord.new(doc.id, i, i + 1, "x"))
    return doc.id


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_without_backup_is_moved_aside_and_store_starts_empty(
    kind: str, db: Path, open_store: Callable[..., AnnotationStore], tmp_path: Path
) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(BAD_FILES[kind])
    store = open_store()
    [aside] = asides(db)
    assert aside.read_bytes() == BAD_FILES[kind]
    assert aside.name.startswith("reader.json.invalid-") and aside.name.endswith("Z")
    assert store.notice is not None and "\n" not in store.notice
    assert store.notice.startswith(f"{db}: ")
    assert f"moved aside to {aside.name}" in store.notice
    assert "starting empty" in store.notice
    assert store.documents() == []
    fill(store, tmp_path, 1)  # and it works again
    assert len(json.loads(db.read_bytes())["annotations"]) == 1
    assert aside.read_bytes() == BAD_FILES[kind]


@pytest.mark.parametrize("kind", ["truncated", "garbage", "top-level list"])
def test_bad_file_is_restored_from_backup(
    kind: str, db: Path, open_store: Callable[..., AnnotationStore], tmp_path: Path
) -> None:
    with AnnotationStore.open(db) as store:
        doc_id = fill(store, tmp_path, 12)
    db.write_bytes(BAD_FILES[kind])
    store = open_store()
    assert store.notice is not None
    assert store.notice.endswith("restored 12 annotations from the backup")
    assert len(store.annotations_for(doc_id)) == 12
    assert store.take_notice() is not None and store.notice is None
    [aside] = asides(db)
    assert aside.read_bytes() == BAD_FILES[kind]


def test_file_damaged_while_open_is_repaired_on_next_change(
    db: Path, open_store: Callable[..., AnnotationStore], tmp_path: Path
) -> None:
    store = open_store()
    doc_id = fill(store, tmp_path, 3)
    db.write_bytes(b"{oops")
    store.add_annotation(AnnotationRecord.new(doc_id, 9, 10, "y"))
    assert store.notice is not None and "restored 3 annotations" in store.notice
    assert len(store.annotations_for(doc_id)) == 4
    assert len(asides(db)) == 1


def test_file_damaged_while_open_is_repaired_on_read(
    db: Path, open_store: Callable[..., AnnotationStore], tmp_path: Path
) -> None:
    store = open_store()
    doc_id = fill(store, tmp_path, 2)
    db.write_bytes(b"\xff\xfe")
    assert len(store.annotations_for(doc_id)) == 2
    assert store.notice is not None and "not UTF-8" in store.notice


def test_two_bad_files_in_one_second_get_distinct_names(
    db: Path, open_store: Callable[..., AnnotationStore]
) -> None:
    db.parent.mkdir(parents=True)
    for content in (b"one", b"two"):
        db.write_bytes(content)
        open_store()
    assert sorted(p.read_bytes() for p in asides(db)) == [b"one", b"two"]


def test_invalid_backup_is_not_used(db: Path, open_store: Callable[..., AnnotationStore]) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"nope")
    (db.parent / "reader.json.bak").write_bytes(b"nope either")
    assert "no usable backup" in (open_store().notice or "")


def test_empty_file_is_a_new_database(db: Path, open_store: Callable[..., AnnotationStore]) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"")
    store = open_store()
    assert store.notice is None and asides(db) == []


def test_path_that_is_a_folder_raises_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        AnnotationStore.open(tmp_path)
    assert str(caught.value) == f"{tmp_path}: is a folder, not a file"


def test_folder_that_is_a_file_raises_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "plain").write_text("x")
    with pytest.raises(StoreError) as caught:
        AnnotationStore.open(tmp_path / "plain" / "sub" / "reader.json")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'plain' / 'sub' / 'reader.json'}: ")
    assert "not a folder" in message and "\n" not in message


def test_error_message_escapes_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "evil\nname\x1b[31m"
    folder.mkdir()
    with pytest.raises(StoreError) as caught:
        AnnotationStore.open(folder)
    assert "\n" not in str(caught.value) and "\x1b" not in str(caught.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores permissions (see test_store_read_only)")
def test_unwritable_folder_opens_read_only(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with AnnotationStore.open(folder / "reader.json") as store:
        assert store.read_only and "permission" in (store.notice or "")
