"""The per-record encoding cache in storage.encode never writes a stale record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_helpers import make_article

from reader.store import AnnotationRecord, AnnotationStore
from reader.store.storage import AtomicJSONStorage, encode

ACTIONS = ["add", "note", "tags", "delete"]


def plain(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def test_encode_matches_json_dumps_after_every_kind_of_change() -> None:
    data = {"t": {"a": {"x": 1, "y": [1, 2]}, "b": {"x": 2}}, "u": {}}
    assert encode(data) == plain(data)
    record = data["t"]["a"]  # now a cached record
    for change in (
        lambda r: r.update(x=5),
        lambda r: r.__setitem__("z", "é"),
        lambda r: r.pop("z"),
        lambda r: r.setdefault("w", 0),
        lambda r: r.__delitem__("w"),
        lambda r: r.__ior__({"q": None}),
    ):
        record = data["t"]["a"]
        change(record)
        assert encode(data) == plain(data)
    data["t"]["c"] = data["t"].pop("a")  # the same record under another key
    assert encode(data) == plain(data)
    data["t"]["b"].clear()
    assert encode(data) == plain(data)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(ACTIONS), st.text()), max_size=12))
def test_store_file_always_holds_what_the_store_holds(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, str]]
) -> None:
    db: Path = tmp_path_factory.mktemp("enc") / "reader.json"
    with AnnotationStore.open(db) as store:
        doc = store.document_for(make_article(db.parent / "a.txt"))
        ids: list[str] = []
        for action, value in steps:
            if action == "add" or not ids:
                ids.append(store.add_annotation(AnnotationRecord.new(doc.id, 0, 1, value)).id)
            elif action == "note":
                store.update_annotation(ids[-1], note=value)
            elif action == "tags":
                store.update_annotation(ids[0], tags=[value])
            else:
                store.delete_annotation(ids.pop())
            # the file holds exactly what the store holds in memory
            assert json.loads(db.read_bytes()) == store._storage.read()
        with AnnotationStore.open(db) as other:  # a second process sees every change
            for annotation_id in ids:
                assert other.annotation(annotation_id) == store.annotation(annotation_id)
    storage = AtomicJSONStorage(db)
    assert storage.read() == json.loads(db.read_bytes())
    storage.close()
