"""``reader index``, ``reader search`` and ``reader who`` from the shell."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.index.test_index import HARBOUR, KELLER, KELLER_AGAIN
from tests.test_cli import assert_one_line_error, run


def folder(tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name, text in (("a.txt", KELLER), ("b.txt", KELLER_AGAIN), ("c.txt", HARBOUR)):
        (news / name).write_text(text, encoding="utf-8")
    return news


def test_index_then_search_and_who(tmp_path: Path) -> None:
    news = folder(tmp_path)
    built = run("index", str(news))
    assert built.returncode == 0, built.stderr
    assert built.stdout.strip() == "3 added, 0 changed, 0 moved, 0 removed, 0 unchanged"
    assert run("index", str(news)).stdout.strip().endswith("3 unchanged")
    found = run("search", "harbour pilots", "--format", "json")
    assert found.returncode == 0, found.stderr
    (hit,) = json.loads(found.stdout)
    assert hit["path"] == str(news / "c.txt") and "Harbour pilots" in hit["snippet"]
    text = run("search", "keller")
    assert text.returncode == 0 and text.stdout.count(str(news)) == 2
    keller = json.loads(run("who", "Anna Keller", "--format", "json").stdout)
    assert [Path(a["path"]).name for a in keller["articles"]] == ["a.txt", "b.txt"]
    assert len(keller["quotes"]) == 4  # two quoted, two reported
    assert "said (4):" in run("who", "Keller").stdout
    assert not Path(os.environ["READER_DB"]).exists()  # the annotation file is never touched


def test_search_before_any_index_is_one_line() -> None:
    assert_one_line_error(run("search", "ferry"), "no index yet")


def test_who_of_nobody_is_one_line(tmp_path: Path) -> None:
    run("index", str(folder(tmp_path)))
    assert_one_line_error(run("who", "Nobody Known"), "Nobody Known", "not found")


def test_index_of_a_missing_folder_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run("index", str(tmp_path / "nowhere")), "nowhere")


def test_an_index_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("index", str(folder(tmp_path)), "--index", str(blocker / "index.sqlite3"))
    assert_one_line_error(result, str(blocker))


def test_extract_reads_unchanged_files_from_the_index_byte_for_byte(tmp_path: Path) -> None:
    news = folder(tmp_path)
    fresh = {
        fmt: run("extract", "--format", fmt, str(news)).stdout for fmt in ("json", "jsonl", "text")
    }
    run("index", str(news))
    index = Path(os.environ["READER_INDEX"])
    for fmt, expected in fresh.items():
        assert run("extract", "--format", fmt, str(news)).stdout == expected
    # Proof it was read from the index: a report planted there is what comes out.
    import sqlite3

    from reader.index.build import pack_report, unpack_report

    conn = sqlite3.connect(index)
    path = str(news / "c.txt")
    (blob,) = conn.execute("SELECT report FROM articles WHERE path = ?", (path,)).fetchone()
    planted = unpack_report(blob)
    planted["article"]["title"] = "Planted title"
    conn.execute("UPDATE articles SET report = ? WHERE path = ?", (pack_report(planted), path))
    conn.commit()
    conn.close()
    before = index.stat().st_mtime_ns
    assert "Planted title" in run("extract", "--format", "jsonl", str(news)).stdout
    # a changed file is extracted again, not read from the index
    (news / "c.txt").write_text(HARBOUR + "\n\nMore later.", encoding="utf-8")
    assert "Planted title" not in run("extract", "--format", "jsonl", str(news)).stdout
    assert index.stat().st_mtime_ns == before  # extract never writes the index
