"""Read state: new until opened, unread until finished, read once finished or marked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from store_helpers import make_article

from reader.store import AnnotationStore

Opener = Callable[..., AnnotationStore]


def test_an_opened_article_is_not_read_until_marked(tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    assert not doc.is_read
    read = store.set_read(doc.id, True)
    assert read.is_read and read.position == doc.position
    store.close()
    reopened = open_store()
    assert reopened.document(doc.id).is_read  # type: ignore[union-attr]
    assert not reopened.set_read(doc.id, False).is_read
    # Opening the article again keeps what it was.
    reopened.set_read(doc.id, True)
    assert reopened.document_for(make_article(tmp_path / "a.txt")).is_read


def test_read_state_keeps_the_other_fields(db: Path, tmp_path: Path, open_store: Opener) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    store.save_position(doc.id, 42)
    store.set_read(doc.id, True)
    store.save_position(doc.id, 7)
    row = json.loads(db.read_text())["documents"][doc.id]
    assert row["position"] == 7 and row["read"] and row["title"] == doc.title


def test_unknown_document_is_a_key_error(open_store: Opener) -> None:
    with pytest.raises(KeyError):
        open_store().set_read("nope", True)


def test_a_record_from_before_read_state_reads_as_not_read(
    db: Path, tmp_path: Path, open_store: Opener
) -> None:
    store = open_store()
    doc = store.document_for(make_article(tmp_path / "a.txt"))
    store.close()
    data = json.loads(db.read_text())
    data["documents"][doc.id].pop("read", None)
    data["documents"][doc.id]["marks_unknown_to_this_version"] = {"a": 1}
    db.write_text(json.dumps(data))
    again = open_store().document(doc.id)
    assert again is not None and not again.is_read
    data["documents"][doc.id]["read"] = 12  # a value this version cannot read
    db.write_text(json.dumps(data))
    again = open_store().document(doc.id)
    assert again is not None and not again.is_read
