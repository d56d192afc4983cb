"""Read-only commands never change the database: not when it is damaged, missing or unwritable.

``extract``, ``export`` and ``notes`` on a damaged or unreadable file print one line naming the file
and the problem, exit 2, and leave the file exactly as it was (bytes and mtime); on a path that does
not exist they print what an empty database has and create nothing. Commands that write
(``import``) refuse a read-only database with one line. Permission tests run the command as an
unprivileged user, since root ignores file modes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.__main__ import main
from reader.article.model import Article
from reader.store import AnnotationRecord, AnnotationStore
from tests.e2e.unprivileged import (
    child_env,
    child_folder,
    child_python,
    hand_over,
    run_unprivileged,
)

ARTICLE = " date 2024-03-01 OSLO, Norway (AP) — The ferry left on time. Nobody was surprised.\n"

DAMAGED = {
    "truncated": (
        b'{"_meta":{"schema":{"version":1}},"annotations":{"a":{"id":"a","doc',
        "truncated",
    ),
    "not utf-8": (b'{"documents": {"x": {"title": "caf\xe9"}}}', "not UTF-8"),
    "newer schema": (b'{"_meta": {"schema": {"version": 99}}, "documents": {}}', "newer reader"),
    "blank": (b"  \n", "blank"),
}

READ_ONLY_COMMANDS = [
    ("notes",),
    ("notes", "--grep", "ferry"),
    ("export",),
    ("export", "--format", "json"),
    ("export", "--format", "w3c"),
]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def make_database(folder: Path) -> Path:
    """``folder/articles/ferry.txt`` and ``folder/db/reader.json`` holding one highlight on it."""
    article = folder / "articles" / "ferry.txt"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE, encoding="utf-8")
    db = folder / "db" / "reader.json"
    text = ARTICLE
    with AnnotationStore.open(db) as store:
        doc = store.document_for(
            Article(
                text=text,
                paragraphs=(),
                title="Ferry",
                title_derived=False,
                source=str(article),
                format="text",
                content_hash=hashlib.sha256(text.encode()).hexdigest(),
            )
        )
        start = text.index("The ferry")
        end = start + len("The ferry left on time.")
        store.add_annotation(AnnotationRecord.new(doc.id, start, end, text[start:end], note="Ok"))
    return db


def damage(db: Path, content: bytes) -> None:
    db.write_bytes(content)
    old = time.time() - 3600  # an mtime that any rewrite would visibly change
    os.utime(db, (old, old))


def assert_one_line(stderr: str, *parts: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("reader: ") and "Traceback" not in stderr
    for part in parts:
        assert part in lines[0], lines[0]


@pytest.mark.parametrize("kind", DAMAGED)
@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=" ".join)
def test_read_only_command_on_damaged_database_exits_2_and_leaves_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...], kind: str
) -> None:
    db = make_database(tmp_path)
    content, problem = DAMAGED[kind]
    damage(db, content)
    before = snapshot(tmp_path)
    assert main([*command, "--db", str(db)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line(err, str(db), problem)
    assert snapshot(tmp_path) == before


def test_notes_on_damaged_database_from_the_environment(tmp_path: Path) -> None:
    """The reported case, as a user types it: ``reader notes`` with $READER_DB damaged."""
    db = make_database(tmp_path)
    damage(db, b"{oops")
    before = snapshot(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "notes"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "READER_DB": str(db)},
    )
    assert done.returncode == 2 and done.stdout == ""
    assert_one_line(done.stderr, str(db), "not valid JSON")
    assert snapshot(tmp_path) == before


def test_extract_never_touches_the_database(tmp_path: Path) -> None:
    db = make_database(tmp_path)
    damage(db, b"{oops")
    before = snapshot(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(tmp_path / "articles"), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "READER_DB": str(db)},
    )
    assert done.returncode == 0, done.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=" ".join)
def test_read_only_command_on_missing_database_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    db = tmp_path / "not" / "yet" / "reader.json"
    assert main([*command, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    if command[0] == "notes":
        assert out == ""
    elif len(command) == 1:
        assert "No highlights yet" in out
    else:
        json.loads(out)
    assert list(tmp_path.iterdir()) == []


def test_interactive_reader_keeps_repairing_a_damaged_file(tmp_path: Path) -> None:
    """Only read-only commands leave damage alone: the store the reader opens still repairs."""
    db = make_database(tmp_path)
    damage(db, b"{oops")
    with AnnotationStore.open(db) as store:
        assert "restored 1 annotation from the backup" in (store.notice or "")
    assert len(list(db.parent.glob("reader.json.invalid-*"))) == 1


# -- real permissions, as an unprivileged user ---------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    with child_folder() as folder:
        yield folder


def reader(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_unprivileged(
        [child_python(), "-m", "reader", *args], env=child_env(folder), cwd=folder
    )


def test_unreadable_database(shared: Path) -> None:
    db = make_database(shared)
    hand_over(shared)
    db.chmod(0o000)
    before = snapshot(shared)
    for command in READ_ONLY_COMMANDS:
        done = reader(shared, *command, "--db", str(db))
        assert done.returncode == 2 and done.stdout == ""
        assert_one_line(done.stderr, str(db), "cannot read: permission denied")
    assert snapshot(shared) == before


def test_read_only_database_reads_and_refuses_import(shared: Path) -> None:
    db = make_database(shared)
    hand_over(shared)
    db.chmod(0o444)
    notes = reader(shared, "notes", "--db", str(db))
    assert notes.returncode == 0, notes.stderr
    assert "The ferry left on time." in notes.stdout and notes.stderr == ""
    export = reader(shared, "export", "--format", "json", "--db", str(db))
    assert export.returncode == 0 and len(json.loads(export.stdout)["documents"]) == 1
    exported = shared / "export.json"
    exported.write_text(export.stdout, encoding="utf-8")
    hand_over(exported)
    before = snapshot(shared)
    done = reader(shared, "import", str(exported), "--db", str(db))
    assert done.returncode == 2
    assert_one_line(done.stderr, str(db), "read-only (no permission to write the file)")
    assert snapshot(shared) == before
