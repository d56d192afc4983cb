"""Exports: Markdown grouped by article, JSON with current offsets, W3C Web Annotation JSON-LD."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from exchange_helpers import FIRST, Library

from reader.exchange import gather
from reader.exchange.json_export import export_dict, export_json
from reader.exchange.markdown import export_markdown
from reader.exchange.w3c import export_w3c
from reader.store import AnnotationStore


def collected(library: Library, scope: Path | None = None) -> list[Any]:
    with AnnotationStore.open(library.db) as store:
        return gather(store, scope)


def test_gather_limits_to_a_file_or_a_folder(library: Library) -> None:
    assert len(collected(library)) == 2
    assert [g.document.path for g in collected(library, library.first)] == [str(library.first)]
    under = collected(library, library.folder / "more")
    assert [g.document.path for g in under] == [str(library.second)]
    assert collected(library, library.folder / "more" / "none.txt") == []


def test_json_has_current_offsets_and_anchored(library: Library) -> None:
    library.first.write_text("CORRECTION: a line was added.\n\n" + FIRST, encoding="utf-8")
    data = json.loads(export_json(collected(library)))
    assert data["format"] == "reader-highlights" and data["version"] == 1
    by_id = {h["id"]: h for d in data["documents"] for h in d["highlights"]}
    cinema = by_id[library.ids["cinema"]]
    text = (library.first.read_text(encoding="utf-8")).removeprefix(" ")
    assert cinema["anchored"] is True and cinema["method"] == "quote"
    assert cinema["text"] == "will close in June after 84 years"
    assert cinema["start"] > cinema["target"]["position"]["start"]  # moved; stored one kept
    assert cinema["note"] == "Sad." and cinema["tags"] == ["local"]
    assert "will close in June" in text


def test_json_marks_orphans_and_unreadable_articles(library: Library) -> None:
    library.first.write_text(FIRST.replace("“It breaks my heart,” said Ada Plimsoll", "Gone."))
    library.second.unlink()
    data = export_dict(collected(library))
    by_id = {h["id"]: h for d in data["documents"] for h in d["highlights"]}
    assert by_id[library.ids["ada"]]["anchored"] is False
    assert by_id[library.ids["ada"]]["method"] == "orphan"
    assert by_id[library.ids["cinema"]]["anchored"] is True
    ferry = by_id[library.ids["ferry"]]
    assert (ferry["anchored"], ferry["method"]) == (False, "unavailable")
    documents = {d["path"]: d for d in data["documents"]}
    assert documents[str(library.second)]["available"] is False


def test_markdown_groups_by_article_and_links_back(library: Library) -> None:
    text = export_markdown(collected(library))
    assert text.startswith("# Highlights\n")
    assert text.count("\n## ") == 2
    assert "> will close in June after 84 years" in text
    uri = library.first.as_uri()
    link = re.search(re.escape(uri) + r"#char=(\d+),(\d+)\)", text)
    assert link is not None
    start, end = int(link[1]), int(link[2])
    from reader.article import load_article

    assert load_article(library.first).text[start:end] in (
        "will close in June after 84 years",
        "“It breaks my heart,” said Ada Plimsoll",
    )
    assert "`#local`" in text and "Sad." in text
    assert "\\# not a heading" in text  # a note cannot add structure


def test_markdown_says_orphan(library: Library) -> None:
    library.second.write_text("Completely different text now.", encoding="utf-8")
    text = export_markdown(collected(library, library.second))
    assert "orphan" in text and "> the first boat crossed" in text
    assert "#char=" not in text


# -- W3C: a small structural check of the Web Annotation Data Model, no network ------------------

DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def check_annotation(item: dict[str, Any]) -> None:
    assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert item["type"] == "Annotation"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", item["id"])
    assert item["motivation"] in {"commenting", "highlighting", "tagging"}
    assert DATETIME.match(item["created"]) and DATETIME.match(item["modified"])
    for body in item.get("body", []):
        assert body["type"] == "TextualBody"
        assert isinstance(body["value"], str)
        assert body["purpose"] in {"commenting", "tagging"}
        assert body.get("format", "text/plain") == "text/plain"
    target = item["target"]
    assert target["type"] == "SpecificResource"
    assert isinstance(target["source"], str) and re.match(r"^(file://|urn:)", target["source"])
    kinds = {s["type"]: s for s in target["selector"]}
    position, quote = kinds["TextPositionSelector"], kinds["TextQuoteSelector"]
    assert isinstance(position["start"], int) and isinstance(position["end"], int)
    assert 0 <= position["start"] <= position["end"]
    assert all(isinstance(quote[k], str) for k in ("exact", "prefix", "suffix"))
    assert set(item) <= {
        "@context",
        "id",
        "type",
        "motivation",
        "created",
        "modified",
        "body",
        "target",
    }


def test_w3c_follows_the_model(library: Library) -> None:
    data = json.loads(export_w3c(collected(library)))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["id"].startswith("urn:uuid:")
    page = data["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    assert data["total"] == len(page["items"]) == 3
    for item in page["items"]:
        check_annotation(item)
    by_id = {i["id"].removeprefix("urn:uuid:"): i for i in page["items"]}
    cinema = by_id[library.ids["cinema"]]
    assert {
        "type": "TextualBody",
        "value": "Sad.",
        "purpose": "commenting",
        "format": "text/plain",
    } in cinema["body"]
    assert any(b["purpose"] == "tagging" and b["value"] == "local" for b in cinema["body"])
    assert cinema["target"]["source"] == library.first.as_uri()
    assert by_id[library.ids["ada"]]["motivation"] == "highlighting"
    assert by_id[library.ids["ada"]]["target"]["styleClass"] == "green"


def test_w3c_selectors_follow_the_changed_text(library: Library) -> None:
    library.first.write_text("Added.\n\n" + FIRST, encoding="utf-8")
    data = json.loads(export_w3c(collected(library, library.first)))
    from reader.article import load_article

    text = load_article(library.first).text
    for item in data["first"]["items"]:
        kinds = {s["type"]: s for s in item["target"]["selector"]}
        position, quote = kinds["TextPositionSelector"], kinds["TextQuoteSelector"]
        assert text[position["start"] : position["end"]] == quote["exact"]


def test_a_highlight_edited_since_says_so_and_how_much(library: Library) -> None:
    library.first.write_text(FIRST.replace("close in June", "close in September"), encoding="utf-8")
    (group,) = collected(library, library.first)
    by_id = {h.record.id: h for h in group.highlights}
    cinema = by_id[library.ids["cinema"]]
    assert cinema.text == "will close in September after 84 years"
    assert (cinema.method, cinema.changed) == ("fuzzy", True)
    assert cinema.record.target.quote.exact == "will close in June after 84 years"
    assert cinema.percent_same is not None and 60 <= cinema.percent_same < 100
    assert not by_id[library.ids["ada"]].changed
    data = export_dict(collected(library))
    exported = {h["id"]: h for d in data["documents"] for h in d["highlights"]}
    assert 0.6 <= exported[library.ids["cinema"]]["similarity"] < 1
    assert exported[library.ids["ada"]]["similarity"] == 1
    text = export_markdown(collected(library, library.first))
    assert "> will close in September after 84 years" in text
    assert f"changed since highlighted: {cinema.percent_same}% the same" in text
    assert text.count("changed since highlighted") == 1


def test_an_unreadable_article_has_no_similarity(library: Library) -> None:
    library.second.unlink()
    data = export_dict(collected(library))
    exported = {h["id"]: h for d in data["documents"] for h in d["highlights"]}
    assert exported[library.ids["ferry"]]["similarity"] is None
    assert exported[library.ids["ferry"]]["method"] == "unavailable"
