"""Records: their JSON form matches DESIGN.md and survives a round trip."""

from __future__ import annotations

import re

import pytest

from reader.store.records import (
    AnnotationRecord,
    DocumentRecord,
    Target,
    TextPosition,
    TextQuote,
    utc_now,
)


def test_utc_now_is_iso_8601_utc() -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", utc_now())


def test_annotation_json_shape_and_round_trip() -> None:
    record = AnnotationRecord.new("doc", 4, 9, "quick", "The ", " brown", note="n", tags=["t"])
    data = record.to_dict()
    assert set(data) == {"id", "document", "created", "updated", "color", "note", "tags", "target"}
    assert data["target"] == {
        "position": {"start": 4, "end": 9},
        "quote": {"exact": "quick", "prefix": "The ", "suffix": " brown"},
    }
    assert AnnotationRecord.from_dict(data) == record
    assert re.fullmatch(r"[0-9a-f-]{36}", record.id)


def test_document_round_trip_ignores_unknown_keys() -> None:
    record = DocumentRecord("id", "/a.txt", "T", "h", 12, utc_now(), utc_now())
    assert DocumentRecord.from_dict({**record.to_dict(), "future": 1}) == record


@pytest.mark.parametrize(
    "data",
    [
        {"document": "d", "target": {}},
        {"id": "x", "document": "d", "target": {"position": {"start": 0}, "quote": {"exact": ""}}},
        {"id": "x", "document": 3, "target": None},
        {
            "id": "x",
            "document": "d",
            "tags": "a",
            "target": Target(TextPosition(0, 1), TextQuote("a")).to_dict(),
        },
    ],
)
def test_malformed_annotation_raises_value_error(data: dict) -> None:
    with pytest.raises(ValueError):
        AnnotationRecord.from_dict(data)


def test_span_must_be_ordered() -> None:
    with pytest.raises(ValueError):
        TextPosition(5, 2)
