"""Import: json and w3c exports come back without duplicates; documents are matched or kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from exchange_helpers import Library

from reader.exchange import gather
from reader.exchange.importing import ImportFormatError, import_data, read_export
from reader.exchange.json_export import export_dict
from reader.exchange.w3c import export_w3c
from reader.store import AnnotationStore


def exported(library: Library, kind: str) -> object:
    with AnnotationStore.open(library.db) as store:
        documents = gather(store)
    return export_dict(documents) if kind == "json" else json.loads(export_w3c(documents))


def snapshot(db: Path) -> dict[str, tuple[object, ...]]:
    with AnnotationStore.open(db) as store:
        out = {}
        for document in store.documents():
            for a in store.annotations_for(document.id):
                out[a.id] = (document.path, a.color, a.note, a.tags, a.target.quote.exact)
        return out


@pytest.mark.parametrize("kind", ["json", "w3c"])
def test_round_trip_into_the_same_database_adds_nothing(library: Library, kind: str) -> None:
    before = snapshot(library.db)
    data = exported(library, kind)
    with AnnotationStore.open(library.db) as store:
        result = import_data(store, data)
    assert (result.added, result.updated, result.unchanged) == (0, 0, 3)
    assert snapshot(library.db) == before


@pytest.mark.parametrize("kind", ["json", "w3c"])
def test_round_trip_into_a_new_database(library: Library, kind: str, tmp_path: Path) -> None:
    data = exported(library, kind)
    other = tmp_path / "other.json"
    for _ in range(2):  # twice: still no duplicates
        with AnnotationStore.open(other) as store:
            import_data(store, data)
    assert snapshot(other) == snapshot(library.db)
    with AnnotationStore.open(other) as store:
        assert len(store.documents()) == 2


def test_newer_copy_updates_older_is_ignored(library: Library) -> None:
    data = exported(library, "json")
    highlight = data["documents"][0]["highlights"][0]  # type: ignore[index]
    highlight["note"] = "changed elsewhere"
    highlight["updated"] = "2999-01-01T00:00:00.000Z"
    with AnnotationStore.open(library.db) as store:
        result = import_data(store, data)
        assert result.updated == 1
        assert store.annotation(highlight["id"]).note == "changed elsewhere"  # type: ignore[union-attr]
        highlight["note"] = "stale"
        highlight["updated"] = "2000-01-01T00:00:00.000Z"
        assert import_data(store, data).updated == 0


def test_missing_article_gets_a_stub_document(library: Library, tmp_path: Path) -> None:
    data = exported(library, "json")
    library.second.unlink()
    other = tmp_path / "other.json"
    with AnnotationStore.open(other) as store:
        import_data(store, data)
        paths = {d.path: d for d in store.documents()}
        stub = paths[str(library.second)]
        assert stub.content_hash  # kept from the export
        assert len(store.annotations_for(stub.id)) == 1


def test_document_is_matched_by_content_hash_when_moved(library: Library, tmp_path: Path) -> None:
    data = exported(library, "json")
    for document in data["documents"]:  # type: ignore[index]
        document["path"] = str(tmp_path / "moved" / Path(document["path"]).name)
        document["id"] = ""
    with AnnotationStore.open(library.db) as store:
        count = len(store.documents())
        result = import_data(store, data)
        assert result.unchanged == 3 and len(store.documents()) == count


def test_w3c_from_another_tool(tmp_path: Path, library: Library) -> None:
    item = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/anno/7",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "from elsewhere"},
        "target": {
            "source": library.first.as_uri(),
            "selector": {"type": "TextQuoteSelector", "exact": "The building is to become flats."},
        },
    }
    db = tmp_path / "x.json"
    for _ in range(2):
        with AnnotationStore.open(db) as store:
            import_data(store, item)
    with AnnotationStore.open(db) as store:
        (group,) = gather(store)
        (highlight,) = group.highlights
        assert highlight.record.note == "from elsewhere"
        assert highlight.anchored and highlight.text == "The building is to become flats."


def test_bad_items_are_skipped_and_named(library: Library) -> None:
    data = exported(library, "w3c")
    data["first"]["items"][0]["id"] = "urn:uuid:not-a-uuid"  # type: ignore[index]
    data["first"]["items"][1]["target"] = {"source": "https://x/"}  # type: ignore[index]
    with AnnotationStore.open(library.db) as store:
        result = import_data(store, data)
    assert len(result.skipped) == 2 and result.unchanged == 1
    assert "not a UUID" in result.skipped[0]


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"not json", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"hello": 1}', "neither a reader JSON export nor W3C"),
        (b'{"format": "reader-highlights", "version": 99, "documents": []}', "version 99"),
    ],
)
def test_unreadable_files_raise(raw: bytes, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(raw)
    with pytest.raises(ImportFormatError, match=problem), AnnotationStore.open(tmp_path / "d") as s:
        import_data(s, read_export(path))
