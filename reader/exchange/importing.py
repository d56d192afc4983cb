"""``reader import``: read a JSON or W3C export back into the store, without duplicates.

Annotations are keyed by id (a W3C id that is not ``urn:uuid:`` maps to a stable UUID), so
importing the same file twice changes nothing; a newer copy of an existing annotation (later
``updated``) replaces its colour, note, tags and target. Documents are matched by id, then path,
then content hash; failing that a document record is created from the article file if it exists,
else a stub holding the path (and hash) so the annotation is kept until the article comes back.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from reader.article import Article, ArticleError, load_article
from reader.exchange import json_export, w3c
from reader.store import AnnotationRecord, AnnotationStore, DocumentRecord, Target
from reader.store.records import DEFAULT_COLOR

_STDIN = "-"


class ImportFormatError(ValueError):
    """The file is not an export we can read; ``str()`` says why in one line."""


@dataclass(frozen=True, slots=True)
class DocumentRef:
    path: str  # absolute path, or "-" for text read from standard input
    content_hash: str = ""
    title: str = ""
    id: str | None = None


@dataclass(slots=True)
class ImportResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per malformed item

    def summary(self) -> str:
        text = f"{self.added} added, {self.updated} updated, {self.unchanged} unchanged"
        return text + (f", {len(self.skipped)} skipped" if self.skipped else "")


def read_export(path: str | os.PathLike[str]) -> Any:
    """The parsed JSON of ``path``; ImportFormatError when it cannot be read as JSON."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ImportFormatError("no such file") from None
    except IsADirectoryError:
        raise ImportFormatError("is a folder, not a file") from None
    except OSError as err:
        raise ImportFormatError((err.strerror or type(err).__name__).lower()) from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ImportFormatError(f"not UTF-8 text (at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise ImportFormatError(f"not valid JSON ({err.msg} at line {err.lineno})") from None
    except RecursionError:
        raise ImportFormatError("not valid JSON (nested too deeply)") from None


def parse_export(data: Any) -> Iterator[tuple[DocumentRef, AnnotationRecord] | str]:
    """The annotations in a JSON or W3C export; a malformed item yields a one-line problem."""
    if isinstance(data, Mapping) and data.get("format") == json_export.FORMAT:
        version = data.get("version")
        if not isinstance(version, int) or version > json_export.VERSION:
            raise ImportFormatError(f"unsupported {json_export.FORMAT} version {version!r}")
        yield from _parse_json(data)
    elif _w3c_items(data) is not None:
        yield from _parse_w3c(_w3c_items(data) or [])
    else:
        raise ImportFormatError("neither a reader JSON export nor W3C Web Annotations")


def import_file(store: AnnotationStore, path: str | os.PathLike[str]) -> ImportResult:
    return import_data(store, read_export(path))


def import_data(store: AnnotationStore, data: Any) -> ImportResult:
    result = ImportResult()
    documents: dict[DocumentRef, DocumentRecord] = {}
    for item in parse_export(data):
        if isinstance(item, str):
            result.skipped.append(item)
            continue
        ref, record = item
        if ref not in documents:
            documents[ref] = resolve_document(store, ref)
        _merge(store, record, documents[ref].id, result)
    return result


def resolve_document(store: AnnotationStore, ref: DocumentRef) -> DocumentRecord:
    """The store's document for ``ref``: by id, path, content hash; else created (maybe a stub)."""
    if ref.id and (found := store.document(ref.id)) is not None:
        return found
    if ref.path != _STDIN and (found := store.document_by_path(ref.path)) is not None:
        return found
    if ref.content_hash:
        same = [d for d in store.documents() if d.content_hash == ref.content_hash]
        if same:
            return same[0]
    article: Article | None = None
    if ref.path != _STDIN and os.path.isfile(ref.path):
        try:
            article = load_article(ref.path)
        except ArticleError:
            article = None
    if article is None:  # a stub: the path and hash are kept for when the article comes back
        article = Article(
            text="",
            paragraphs=(),
            title=ref.title or Path(ref.path).name,
            title_derived=True,
            source=ref.path,
            format="text",
            content_hash=ref.content_hash,
        )
    return store.document_for(article)


def _merge(
    store: AnnotationStore, record: AnnotationRecord, document: str, result: ImportResult
) -> None:
    existing = store.annotation(record.id)
    if existing is None:
        try:
            store.add_annotation(replace(record, document=document))
        except ValueError:  # added meanwhile by another process
            result.unchanged += 1
        else:
            result.added += 1
        return
    same = (existing.color, existing.note, existing.tags, existing.target) == (
        record.color,
        record.note,
        record.tags,
        record.target,
    )
    if same or record.updated <= existing.updated:
        result.unchanged += 1
        return
    try:
        store.update_annotation(
            record.id, color=record.color, note=record.note, tags=record.tags, target=record.target
        )
    except KeyError:  # deleted meanwhile
        result.unchanged += 1
    else:
        result.updated += 1


# -- reader JSON ---------------------------------------------------------------------------------


def _parse_json(data: Mapping[str, Any]) -> Iterator[tuple[DocumentRef, AnnotationRecord] | str]:
    documents = data.get("documents")
    if not isinstance(documents, list):
        raise ImportFormatError("'documents' is not a list")
    for n, document in enumerate(documents):
        try:
            if not isinstance(document, Mapping):
                raise ValueError("not an object")
            ref = DocumentRef(
                path=_string(document, "path"),
                content_hash=_string(document, "content_hash", ""),
                title=_string(document, "title", ""),
                id=_string(document, "id", "") or None,
            )
            highlights = document.get("highlights")
            if not isinstance(highlights, list):
                raise ValueError("'highlights' is not a list")
        except ValueError as err:
            yield f"document {n}: {err}"
            continue
        for item in highlights:
            try:
                if not isinstance(item, Mapping):
                    raise ValueError("not an object")
                record = AnnotationRecord.from_dict({**item, "document": ref.id or ""})
                _check_uuid(record.id)
            except ValueError as err:
                yield f"document {n} highlight {_label(item)}: {err}"
                continue
            yield ref, record


# -- W3C Web Annotation --------------------------------------------------------------------------


def _w3c_items(data: Any) -> list[Any] | None:
    """The annotations of a W3C Annotation, list, AnnotationPage or AnnotationCollection."""
    if isinstance(data, list):
        return data
    if not isinstance(data, Mapping):
        return None
    kind = data.get("type")
    if kind == "Annotation":
        return [data]
    if kind == "AnnotationPage":
        items = data.get("items")
        return items if isinstance(items, list) else None
    if kind == "AnnotationCollection":
        first = data.get("first")
        if isinstance(first, Mapping):  # only embedded pages: no network
            items = first.get("items")
            return items if isinstance(items, list) else None
        return [] if data.get("total") == 0 else None
    return None


def _parse_w3c(items: list[Any]) -> Iterator[tuple[DocumentRef, AnnotationRecord] | str]:
    for n, item in enumerate(items):
        try:
            yield _w3c_annotation(item)
        except ValueError as err:
            yield f"annotation {n} ({_label(item)}): {err}"


def _w3c_annotation(item: Any) -> tuple[DocumentRef, AnnotationRecord]:
    if not isinstance(item, Mapping) or item.get("type") != "Annotation":
        raise ValueError("not an Annotation")
    raw_id = _string(item, "id")
    if raw_id.startswith(w3c.URN_UUID):
        annotation_id = raw_id.removeprefix(w3c.URN_UUID)
        _check_uuid(annotation_id)
    else:  # another tool's IRI: a stable UUID from it, so a second import finds it again
        annotation_id = str(uuid.uuid5(uuid.NAMESPACE_URL, raw_id))
    target = item.get("target")
    if isinstance(target, list) and target:
        target = target[0]
    if not isinstance(target, Mapping):
        raise ValueError("no target object")
    ref = _w3c_document(_string(target, "source"))
    selectors = target.get("selector")
    selectors = selectors if isinstance(selectors, list) else [selectors]
    position = next((s for s in selectors if _is(s, "TextPositionSelector")), None)
    quote = next((s for s in selectors if _is(s, "TextQuoteSelector")), None)
    if quote is None:
        raise ValueError("no TextQuoteSelector")
    exact = _string(quote, "exact")
    if position is None:
        position = {"start": 0, "end": len(exact)}  # the quote finds the place on the next read
    note, tags = "", []
    bodies = item.get("body", [])
    for body in bodies if isinstance(bodies, list) else [bodies]:
        if isinstance(body, str):
            continue  # an IRI body: nothing to keep as text
        if not _is(body, "TextualBody"):
            continue
        value = _string(body, "value")
        if body.get("purpose") == "tagging":
            tags.append(value)
        elif not note:
            note = value
        else:
            note += "\n\n" + value
    created = _string(item, "created", "")
    record = AnnotationRecord(
        id=annotation_id,
        document="",
        created=created,
        updated=_string(item, "modified", "") or created,
        target=Target.from_dict(
            {
                "position": {"start": position.get("start"), "end": position.get("end")},
                "quote": {
                    "exact": exact,
                    "prefix": _string(quote, "prefix", ""),
                    "suffix": _string(quote, "suffix", ""),
                },
            }
        ),
        color=_string(target, "styleClass", "") or DEFAULT_COLOR,
        note=note,
        tags=tuple(tags),
    )
    return ref, record


def _w3c_document(source: str) -> DocumentRef:
    if source.startswith(w3c.URN_SHA256):
        return DocumentRef(path=_STDIN, content_hash=source.removeprefix(w3c.URN_SHA256))
    parsed = urlparse(source)
    if parsed.scheme != "file":
        raise ValueError(f"target source {source[:60]!r} is not a file:// URI")
    return DocumentRef(path=unquote(parsed.path))


# -- small parts ---------------------------------------------------------------------------------


def _string(data: Mapping[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be a string")
    return value


def _is(selector: Any, kind: str) -> bool:
    return isinstance(selector, Mapping) and selector.get("type") == kind


def _check_uuid(value: str) -> None:
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValueError(f"id {value[:40]!r} is not a UUID") from None


def _label(item: Any) -> str:
    value = item.get("id") if isinstance(item, Mapping) else None
    return repr(value[:40]) if isinstance(value, str) else "without id"
