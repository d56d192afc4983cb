"""A database that cannot be written: opened read-only, read in full, never touched on disk.

Three ways in: ``open`` finds the file or its folder unwritable; the first write fails while
running (EACCES, EROFS, EPERM); or a command asks for ``mode="read"``, which also never repairs a
damaged file. The tests of real permissions run a child process as an unprivileged user (root
ignores file modes); the rest make the storage's write fail the way the kernel would.
"""

from __future__ import annotations

import errno
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import BAD_FILES, make_article

from reader.store import (
    AnnotationRecord,
    AnnotationStore,
    AtomicJSONStorage,
    InvalidStoreFile,
    ReadOnlyStore,
    StoreError,
)
from reader.store import access as access_module
from tests.e2e.unprivileged import (
    child_env,
    child_folder,
    child_python,
    hand_over,
    run_unprivileged,
)

Opener = Callable[..., AnnotationStore]
READ_ONLY_ERRNOS = {
    errno.EACCES: "permission denied",
    errno.EROFS: "read-only file system",
    errno.EPERM: "operation not permitted",
}


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``folder`` with its bytes and mtime: equal snapshots, nothing touched."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def filled(db: Path, tmp_path: Path, count: int = 2) -> str:
    """A database at ``db`` with ``count`` highlights on ``a.txt``; returns the document id."""
    with AnnotationStore.open(db) as store:
        doc = store.document_for(make_article(tmp_path / "a.txt", "Some text here."))
        for i in range(count):
            store.add_annotation(AnnotationRecord.new(doc.id, i, i + 1, "x", note=f"n{i}"))
        store.save_position(doc.id, 5)
    return doc.id


def never_touch_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to lock or write the database fail the test."""

    def touched(*args: object, **kwargs: object) -> None:
        raise AssertionError("a read-only store tried to lock or write the database")

    monkeypatch.setattr(AtomicJSONStorage, "_acquire", touched)
    monkeypatch.setattr(AtomicJSONStorage, "write", touched)
    monkeypatch.setattr(AtomicJSONStorage, "move_aside", touched)


def refuse_writes(monkeypatch: pytest.MonkeyPatch, code: int) -> list[int]:
    """Make the storage's write fail with ``code``, as a full or read-only disk would."""
    calls: list[int] = []

    def write(self: AtomicJSONStorage, data: object) -> None:
        calls.append(code)
        raise OSError(code, os.strerror(code), str(self.path))

    monkeypatch.setattr(AtomicJSONStorage, "write", write)
    return calls


def deny_writing(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """The kernel's answer, for this process, is "no write permission" on ``denied``."""
    real = access_module.may

    def may(path: str | os.PathLike[str], mode: int) -> bool:
        if mode & os.W_OK and Path(path) in denied:
            return False
        return real(path, mode)

    monkeypatch.setattr(access_module, "may", may)


# -- opened read-only ---------------------------------------------------------------------------


def test_unwritable_file_opens_read_only_and_reads_everything(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    before = snapshot(db.parent)
    deny_writing(monkeypatch, db)
    with AnnotationStore.open(db) as store:
        never_touch_disk(monkeypatch)
        assert store.read_only
        assert store.notice == (
            f"{db}: read-only (no permission to write the file); "
            "highlights and notes cannot be saved"
        )
        assert store.take_notice() == store_notice(db, "no permission to write the file")
        assert store.take_notice() is None  # said once
        assert [a.note for a in store.annotations_for(doc_id)] == ["n0", "n1"]
        assert store.annotation_counts() == {doc_id: 2} and store.position(doc_id) == 5
        assert [d.id for d in store.documents()] == [doc_id]
        with pytest.raises(ReadOnlyStore) as caught:
            store.add_annotation(AnnotationRecord.new(doc_id, 0, 4, "Some"))
        assert str(caught.value) == store_notice(db, "no permission to write the file")
        with pytest.raises(ReadOnlyStore):
            store.update_annotation(store.annotations_for(doc_id)[0].id, note="changed")
        with pytest.raises(ReadOnlyStore):
            store.delete_annotation(store.annotations_for(doc_id)[0].id)
        with pytest.raises(StoreError):  # a subclass: callers that catch StoreError still do
            store.ensure_writable()
    assert snapshot(db.parent) == before


def store_notice(db: Path, reason: str) -> str:
    return f"{db}: read-only ({reason}); highlights and notes cannot be saved"


def test_document_for_on_a_read_only_store(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    before = snapshot(db.parent)
    deny_writing(monkeypatch, db)
    with AnnotationStore.open(db) as store:
        never_touch_disk(monkeypatch)
        known = store.document_for(make_article(tmp_path / "a.txt", "Some text here."))
        assert known.id == doc_id and known.position == 5
        new = store.document_for(make_article(tmp_path / "b.txt", "Other text."))
        assert new.id != doc_id and new.position == 0
        # The same article again is the same record; a position is kept for this session only.
        store.save_position(new.id, 7)
        store.save_position(known.id, 3)
        assert store.document_for(make_article(tmp_path / "b.txt", "Other text.")).id == new.id
        assert store.position(new.id) == 7 and store.position(known.id) == 3
        assert store.document(new.id) is not None
        assert store.annotations_for(new.id) == []
        with pytest.raises(KeyError):
            store.save_position("no-such-document", 1)
    assert snapshot(db.parent) == before
    with AnnotationStore.open(db) as store:
        assert [d.id for d in store.documents()] == [doc_id] and store.position(doc_id) == 5


def test_unwritable_folder_opens_read_only(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(db, tmp_path)
    deny_writing(monkeypatch, db.parent)
    with AnnotationStore.open(db) as store:
        assert store.read_only
        assert store.notice == store_notice(db, f"no permission to write in {db.parent}")


def test_missing_database_in_unwritable_folder_opens_read_only_and_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "missing" / "deeper" / "reader.json"
    deny_writing(monkeypatch, tmp_path)
    with AnnotationStore.open(db) as store:
        never_touch_disk(monkeypatch)
        assert store.read_only and store.documents() == []
        assert store.notice == store_notice(db, f"no permission to write in {tmp_path}")
        doc = store.document_for(make_article(tmp_path / "a.txt"))
        assert store.document(doc.id) == doc
    assert not (tmp_path / "missing").exists()


def test_read_only_file_system(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filled(db, tmp_path)
    real = os.statvfs

    def statvfs(path: str | os.PathLike[str]) -> os.statvfs_result:
        found = list(real(path))
        found[8] |= os.ST_RDONLY  # f_flag
        return os.statvfs_result(found)

    monkeypatch.setattr(os, "statvfs", statvfs)
    with AnnotationStore.open(db) as store:
        assert store.read_only
        assert store.notice == store_notice(db, "read-only file system")


def test_writable_database_is_not_read_only(db: Path, tmp_path: Path) -> None:
    filled(db, tmp_path)
    with AnnotationStore.open(db) as store:
        assert not store.read_only and store.notice is None
        store.ensure_writable()


# -- turning read-only while running -----------------------------------------------------------


@pytest.mark.parametrize("code", sorted(READ_ONLY_ERRNOS))
def test_store_that_becomes_unwritable_switches_to_read_only(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    doc_id = filled(db, tmp_path)
    with AnnotationStore.open(db) as store:
        assert not store.read_only
        before = snapshot(db.parent)
        calls = refuse_writes(monkeypatch, code)
        with pytest.raises(ReadOnlyStore):
            store.add_annotation(AnnotationRecord.new(doc_id, 0, 4, "Some"))
        assert store.read_only
        assert store.take_notice() == store_notice(db, READ_ONLY_ERRNOS[code])
        assert store.take_notice() is None
        # What it had is still there, and the failed change is not.
        assert [a.note for a in store.annotations_for(doc_id)] == ["n0", "n1"]
        with pytest.raises(ReadOnlyStore):
            store.update_annotation(store.annotations_for(doc_id)[0].id, note="changed")
        store.save_position(doc_id, 9)  # quietly kept in memory
        assert store.position(doc_id) == 9
        assert calls == [code]  # refused before trying again
        assert store.notice is None  # reported once only
    assert snapshot(db.parent) == before


def test_opening_an_article_when_the_first_write_fails(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    with AnnotationStore.open(db) as store:
        refuse_writes(monkeypatch, errno.EROFS)
        known = store.document_for(make_article(tmp_path / "a.txt", "Some text here."))
        assert known.id == doc_id
        new = store.document_for(make_article(tmp_path / "b.txt", "Other."))
        assert new.id != doc_id and store.read_only
        assert store.take_notice() == store_notice(db, "read-only file system")
    with AnnotationStore.open(db) as store:
        assert [d.id for d in store.documents()] == [doc_id]


def test_other_write_errors_are_not_read_only(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    with AnnotationStore.open(db) as store:
        refuse_writes(monkeypatch, errno.ENOSPC)
        with pytest.raises(StoreError, match="could not save: no space left") as caught:
            store.add_annotation(AnnotationRecord.new(doc_id, 0, 4, "Some"))
        assert not isinstance(caught.value, ReadOnlyStore)
        assert not store.read_only and store.notice is None


# -- damaged and read-only ----------------------------------------------------------------------


def test_damaged_read_only_database_shows_its_backup_and_is_left_alone(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    db.write_bytes(b'{"documents": {"x": ')
    before = snapshot(db.parent)
    deny_writing(monkeypatch, db)
    with AnnotationStore.open(db) as store:
        never_touch_disk(monkeypatch)
        assert store.read_only
        notice = store.take_notice() or ""
        assert notice.startswith(f"{db}: truncated JSON")
        assert "read-only (no permission to write the file)" in notice
        assert "left as it is" in notice and "2 annotations of the backup" in notice
        assert len(store.annotations_for(doc_id)) == 2
        assert store.annotation_counts() == {doc_id: 2}
        with pytest.raises(ReadOnlyStore):
            store.add_annotation(AnnotationRecord.new(doc_id, 0, 4, "Some"))
        assert store.take_notice() is None
    assert snapshot(db.parent) == before


def test_damage_that_cannot_be_repaired_turns_the_store_read_only(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(db, tmp_path)
    (db.parent / "reader.json.bak").unlink()
    db.write_bytes(b"\xff garbage")
    before = snapshot(db.parent)

    def move_aside(self: AtomicJSONStorage) -> Path:
        raise PermissionError(errno.EACCES, "Permission denied", str(self.path))

    monkeypatch.setattr(AtomicJSONStorage, "move_aside", move_aside)
    with AnnotationStore.open(db) as store:
        assert store.read_only and store.documents() == []
        notice = store.take_notice() or ""
        assert notice.startswith(f"{db}: not UTF-8")
        assert "read-only (permission denied)" in notice and "no usable backup" in notice
        doc = store.document_for(make_article(tmp_path / "a.txt", "Some text here."))
        assert doc.id and store.take_notice() is None
    assert snapshot(db.parent) == before


# -- opened for reading only ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", BAD_FILES)
def test_read_mode_reports_a_damaged_file_and_leaves_it(
    db: Path, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(db, tmp_path)
    db.write_bytes(BAD_FILES[kind])
    old = time.time() - 3600
    os.utime(db, (old, old))
    stale = db.parent / f".reader.json.{999_999_999}.deadbeef.tmp"
    stale.write_bytes(b"left by a killed writer")
    os.utime(stale, (old, old))
    before = snapshot(db.parent)
    never_touch_disk(monkeypatch)
    with pytest.raises(InvalidStoreFile) as caught:
        AnnotationStore.open(db, mode="read")
    assert str(caught.value).startswith(f"{db}: ") and "\n" not in str(caught.value)
    assert snapshot(db.parent) == before


def test_read_mode_reports_damage_found_later(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    with AnnotationStore.open(db, mode="read") as store:
        db.write_bytes(b"{oops")
        before = snapshot(db.parent)
        never_touch_disk(monkeypatch)
        with pytest.raises(InvalidStoreFile, match="not valid JSON"):
            store.annotations_for(doc_id)
    assert snapshot(db.parent) == before


def test_read_mode_reads_and_refuses_every_write(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = filled(db, tmp_path)
    before = snapshot(db.parent)
    never_touch_disk(monkeypatch)
    with AnnotationStore.open(db, mode="read") as store:
        assert store.read_only and store.notice is None  # asked for: nothing to tell
        assert len(store.annotations_for(doc_id)) == 2
        with pytest.raises(ReadOnlyStore, match="opened for reading only"):
            store.add_annotation(AnnotationRecord.new(doc_id, 0, 4, "Some"))
        doc = store.document_for(make_article(tmp_path / "new.txt"))
        assert store.document(doc.id) == doc
    assert snapshot(db.parent) == before


def test_read_mode_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "missing" / "reader.json"
    with AnnotationStore.open(db, mode="read") as store:
        assert store.documents() == [] and store.annotation_counts() == {}
    assert list(tmp_path.iterdir()) == []


def test_read_mode_still_rejects_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder, not a file"):
        AnnotationStore.open(tmp_path, mode="read")


def test_unknown_mode_is_a_programming_error(db: Path) -> None:
    with pytest.raises(ValueError, match="mode"):
        AnnotationStore.open(db, mode="append")  # type: ignore[arg-type]


# -- real permissions, as an unprivileged user ---------------------------------------------------

CHILD = """
import json, sys
from pathlib import Path
from reader.store import AnnotationRecord, AnnotationStore, ReadOnlyStore
from reader.article.model import Article

db, article = Path(sys.argv[1]), sys.argv[2]
seen = {}
with AnnotationStore.open(db) as store:
    seen["read_only"] = store.read_only
    seen["notice"] = store.take_notice()
    seen["documents"] = [d.id for d in store.documents()]
    seen["notes"] = sorted(a.note for d in store.documents() for a in store.annotations_for(d.id))
    doc = store.document_for(
        Article(text="x", paragraphs=(), title="t", title_derived=False, source=article,
                format="text", content_hash="h")
    )
    store.save_position(doc.id, 1)
    try:
        store.add_annotation(AnnotationRecord.new(doc.id, 0, 1, "x"))
        seen["added"] = True
    except ReadOnlyStore as error:
        seen["added"] = str(error)
print(json.dumps(seen))
"""


def run_child(folder: Path, db: Path) -> dict[str, object]:
    done = run_unprivileged(
        [child_python(), "-c", CHILD, str(db), str(folder / "other.txt")],
        env=child_env(folder),
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def shared() -> Path:
    with child_folder() as folder:
        yield folder


def test_really_unwritable_file(shared: Path) -> None:
    db = shared / "data" / "reader.json"
    doc_id = filled(db, shared)
    hand_over(shared)
    db.chmod(0o444)
    before = snapshot(shared)
    seen = run_child(shared, db)
    assert seen["read_only"] is True and seen["documents"] == [doc_id]
    assert seen["notes"] == ["n0", "n1"]
    assert seen["notice"] == store_notice(db, "no permission to write the file")
    assert seen["added"] == seen["notice"]
    assert snapshot(shared) == before


def test_really_unwritable_folder(shared: Path) -> None:
    db = shared / "data" / "reader.json"
    filled(db, shared)
    hand_over(shared)
    db.parent.chmod(0o555)
    before = snapshot(shared)
    seen = run_child(shared, db)
    assert seen["read_only"] is True and len(seen["notes"]) == 2
    assert seen["notice"] == store_notice(db, f"no permission to write in {db.parent}")
    assert snapshot(shared) == before


def test_really_missing_database_in_unwritable_folder(shared: Path) -> None:
    folder = shared / "locked"
    folder.mkdir()
    hand_over(shared)
    folder.chmod(0o555)
    db = folder / "sub" / "reader.json"
    seen = run_child(shared, db)
    assert seen["read_only"] is True and seen["documents"] == []
    assert seen["notice"] == store_notice(db, f"no permission to write in {folder}")
    assert list(folder.iterdir()) == []


def test_child_can_write_a_writable_database(shared: Path) -> None:
    """The control: the same child, given a folder it may write, saves its highlight."""
    db = shared / "data" / "reader.json"
    filled(db, shared)
    hand_over(shared)
    seen = run_child(shared, db)
    assert seen["read_only"] is False and seen["added"] is True and seen["notice"] is None
    assert len(json.loads(db.read_bytes())["annotations"]) == 3
