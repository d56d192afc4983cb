"""AtomicJSONStorage: atomic replace, crash safety, stale temp files, locking, re-reading."""

from __future__ import annotations

import errno
import json
import os
import time
from pathlib import Path

import pytest

from reader.store import storage as storage_module
from reader.store.errors import InvalidStoreFile
from reader.store.records import SCHEMA_VERSION
from reader.store.storage import AtomicJSONStorage, encode, parse, remove_stale_temp_files

DEAD_PID = 999_999_999  # above any pid_max


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_missing_file_reads_none_and_creates_nothing(db: Path) -> None:
    storage = AtomicJSONStorage(db)
    assert storage.read() is None
    storage.close()
    assert not db.parent.exists()


def test_write_is_atomic_and_leaves_only_data_backup_and_lock(db: Path) -> None:
    storage = AtomicJSONStorage(db)
    for n in range(5):
        storage.write({"t": {str(n): {"n": n}}})
    storage.close()
    assert names(db.parent) == {"reader.json", "reader.json.bak", "reader.json.lock"}
    data = json.loads(db.read_bytes())
    assert data["t"] == {"4": {"n": 4}}
    assert data["_meta"]["schema"]["version"] == SCHEMA_VERSION
    assert db.read_bytes() == (db.parent / "reader.json.bak").read_bytes()


def test_crash_before_rename_keeps_old_file(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage = AtomicJSONStorage(db)
    storage.write({"t": {"a": {"v": 1}}})
    before = db.read_bytes()

    def crash(*args: object) -> None:
        raise OSError(errno.EIO, "simulated crash")

    monkeypatch.setattr(storage_module.os, "replace", crash)
    with pytest.raises(OSError):
        storage.write({"t": {"a": {"v": 2}}})
    monkeypatch.undo()
    assert db.read_bytes() == before
    assert parse(db.read_bytes(), db)["t"] == {"a": {"v": 1}}
    assert storage.read()["t"] == {"a": {"v": 1}}  # the failed change is not cached
    assert not [n for n in names(db.parent) if n.endswith(".tmp")]
    storage.close()


def test_stale_temp_files_are_removed_on_open(db: Path) -> None:
    db.parent.mkdir(parents=True)
    old = time.time() - 120
    files = {
        f".reader.json.{DEAD_PID}.deadbeef.tmp": (old, False),
        f".reader.json.bak.{DEAD_PID}.0123abcd.tmp": (old, False),
        f".reader.json.{DEAD_PID}.cafebabe.tmp": (time.time(), True),  # young: may be writing
        f".reader.json.{os.getpid()}.01234567.tmp": (old, True),  # writer alive
        f".other.json.{DEAD_PID}.deadbeef.tmp": (old, True),  # not ours
        "reader.json.tmp": (old, True),
    }
    for name, (mtime, _) in files.items():
        (db.parent / name).write_text("x")
        os.utime(db.parent / name, (mtime, mtime))
    AtomicJSONStorage(db).close()
    assert names(db.parent) == {name for name, (_, kept) in files.items() if kept}
    assert remove_stale_temp_files(db) == []


def test_change_by_another_writer_is_seen(db: Path) -> None:
    a, b = AtomicJSONStorage(db), AtomicJSONStorage(db)
    a.write({"t": {"1": {"by": "a"}}})
    assert b.read()["t"] == {"1": {"by": "a"}}
    b.write({"t": {"1": {"by": "a"}, "2": {"by": "b"}}})
    assert set(a.read()["t"]) == {"1", "2"}
    a.close()
    b.close()


def test_unchanged_file_is_not_parsed_again(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage = AtomicJSONStorage(db)
    storage.write({"t": {}})
    calls = []
    real = storage_module.parse
    monkeypatch.setattr(storage_module, "parse", lambda *a: calls.append(1) or real(*a))
    storage.read()
    storage.read()
    assert calls == []
    os.utime(db, ns=(1, 1))  # touched by someone: read again
    storage.read()
    assert calls == [1]
    storage.close()


def test_lock_is_reentrant_and_excludes_another_storage(db: Path) -> None:
    a = AtomicJSONStorage(db)
    b = AtomicJSONStorage(db, lock_timeout=0.05)
    with a.locked(), a.locked():
        a.write({"t": {}})
        with (
            pytest.raises(storage_module.StoreError, match="locked by another process"),
            b.locked(),
        ):
            pass
    with b.locked():
        pass
    a.close()
    b.close()


def test_encoding_is_compact_stable_utf8() -> None:
    one = encode({"b": {"2": {"y": "é", "x": 1}}, "a": {}})
    two = encode({"a": {}, "b": {"2": {"x": 1, "y": "é"}}})
    assert one == two == '{"a":{},"b":{"2":{"x":1,"y":"é"}}}'.encode()


def test_lone_surrogate_still_writes_valid_utf8(db: Path) -> None:
    storage = AtomicJSONStorage(db)
    storage.write({"t": {"1": {"note": "bad \udcff byte"}}})
    storage.close()
    assert parse(db.read_bytes(), db)["t"]["1"]["note"] == "bad \udcff byte"


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b'{"documents": {"a": {"title": "x"', "truncated JSON"),
        (b'{"documents": {"a": {"title": "unfinished', "truncated JSON"),
        (b"\x00\x9c\xfe garbage \x13", "not UTF-8"),
        (b'{"a": "\xff"}', "not UTF-8"),
        (b"hello", "not valid JSON"),
        (b"[1, 2]", "top level is an array"),
        (b'{"annotations": []}', "table 'annotations' is an array"),
        (b'{"annotations": {"x": 3}}', "record 'x' in table 'annotations' is a number"),
        (b'{"_meta": {"schema": {"version": 99}}}', "newer reader (schema 99"),
        (b'{"_meta": {"schema": {"version": "1"}}}', "schema version"),
        (b"  \n", "blank"),
    ],
)
def test_invalid_content_is_named(raw: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "reader.json"
    with pytest.raises(InvalidStoreFile) as caught:
        parse(raw, path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)


def test_bom_and_legacy_file_without_meta_are_accepted(tmp_path: Path) -> None:
    assert parse(b'\xef\xbb\xbf{"_default": {}}', tmp_path / "x") == {"_default": {}}
