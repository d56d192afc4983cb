"""Note drafts: kept atomically beside the database, offered back, forgotten when done."""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

from reader.store.drafts import DraftBox, drafts_path


def test_save_pending_discard(db: Path) -> None:
    box = DraftBox(db)
    assert box.pending() == []
    box.save("a1", "First thoughts", "a1", "d1")
    box.save("new:d1:10-20", "On a new one", None, "d1")
    box.save("a1", "First thoughts, edited", "a1", "d1")
    drafts = {d.key: d for d in DraftBox(db).pending()}  # a fresh process sees them
    assert drafts["a1"].text == "First thoughts, edited"
    assert drafts["a1"].annotation_id == "a1" and drafts["a1"].document_id == "d1"
    assert drafts["new:d1:10-20"].annotation_id is None
    assert drafts["a1"].saved.endswith("Z")
    assert box.discard("a1") is True
    assert box.discard("a1") is False
    assert [d.key for d in box.pending()] == ["new:d1:10-20"]
    box.discard("new:d1:10-20")
    assert not drafts_path(db).exists()  # nothing pending, no file


def test_file_sits_beside_the_database_and_is_valid_json(db: Path) -> None:
    DraftBox(db).save("k", "caf\u00e9 \U0001f600 \udcff", None, "d")
    path = db.with_name("reader.json.drafts.json")
    assert drafts_path(db) == path
    data = json.loads(path.read_bytes().decode("utf-8"))
    assert data["drafts"]["k"]["text"] == "caf\u00e9 \U0001f600 \udcff"
    assert not [p for p in db.parent.iterdir() if p.name.endswith(".tmp")]


def test_damaged_file_is_moved_aside_not_overwritten(db: Path) -> None:
    path = drafts_path(db)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'{"drafts": {"k": {"text": "half')
    box = DraftBox(db)
    assert box.pending() == []
    box.save("k2", "new", None, "d")
    aside = list(db.parent.glob(path.name + ".invalid-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b'{"drafts"')
    assert [d.key for d in box.pending()] == ["k2"]


def test_malformed_entry_is_skipped(db: Path) -> None:
    path = drafts_path(db)
    path.parent.mkdir(parents=True)
    good = {"text": "ok", "annotation_id": None, "document_id": "d", "saved": ""}
    path.write_text(json.dumps({"version": 1, "drafts": {"bad": {"text": 3}, "good": good}}))
    assert [d.key for d in DraftBox(db).pending()] == ["good"]


def test_saving_on_every_keystroke_is_fast(db: Path) -> None:
    box = DraftBox(db)
    began = time.perf_counter()
    for n in range(50):
        box.save("k", "x" * n, "k", "d")
    assert (time.perf_counter() - began) / 50 < 0.05


def _save_many(db: str, prefix: str) -> None:
    box = DraftBox(db)
    for n in range(20):
        box.save(f"{prefix}{n}", "text", None, "d")


def test_processes_saving_at_once_keep_every_draft(db: Path) -> None:
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_save_many, args=(str(db), f"p{n}-")) for n in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(30)
        assert w.exitcode == 0
    assert len(DraftBox(db).pending()) == 80
